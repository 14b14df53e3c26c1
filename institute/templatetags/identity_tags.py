"""The site's own imagery: generated motifs, and people's avatars (their photo, else their initials)."""

import hashlib

from django import template

from institute.motifs import motif_svg

register = template.Library()

AVATAR_TONES = 6  # .person-avatar--tone-1 … --tone-6 in site.css, each at least 7:1 with white initials
AVATAR_SIZES = ("small", "medium", "large")


@register.simple_tag
def motif(slug):
    return motif_svg(slug)


def initials(name):
    """The first letters of the first and last words of a name: “Helen Marwick” is HM, “Aoife” is A."""
    letters = [word[0] for word in name.split() if word[0].isalpha()]
    if not letters:
        return "?"
    return (letters[0] + letters[-1] if len(letters) > 1 else letters[0]).upper()


def avatar_tone(name):
    """A tone picked from the name, so a person keeps their colour on every page and every visit."""
    return hashlib.sha256(name.encode()).digest()[0] % AVATAR_TONES + 1


@register.inclusion_tag("components/person_avatar.html")
def person_avatar(person, size="small"):
    """A person's photo, or their initials on a colour derived from their name. Decorative: the name is beside it."""
    if size not in AVATAR_SIZES:
        raise template.TemplateSyntaxError(f"person_avatar size must be one of {AVATAR_SIZES}, not {size!r}")
    return {"person": person, "size": size, "initials": initials(person.name), "tone": avatar_tone(person.name)}
