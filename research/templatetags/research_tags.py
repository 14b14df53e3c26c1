from django import template

from research.models import PeopleIndexPage

register = template.Library()


def people_index(request):
    """The site's people directory, looked up once per request however many names link to profiles."""
    if not hasattr(request, "_people_index"):
        request._people_index = PeopleIndexPage.objects.live().public().first()
    return request._people_index


@register.simple_tag(takes_context=True)
def profile_url(context, person):
    """The person's profile on this site, or "" when the site has no people directory."""
    request = context.get("request")
    index = people_index(request)
    return index.profile_url(person, request) if index and person else ""
