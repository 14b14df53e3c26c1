from django import template

from institute.query import the_page
from research.models import PeopleIndexPage

register = template.Library()


def people_index(request):
    """The site's people directory, however many names on the page link to profiles."""
    return the_page(PeopleIndexPage, request)


@register.simple_tag(takes_context=True)
def profile_url(context, person):
    """The person's profile on this site, or "" when the site has no people directory."""
    request = context.get("request")
    index = people_index(request)
    return index.profile_url(person, request) if index and person else ""
