from django.utils.translation import gettext as _

from wagtail import hooks

from forums.models import FORUM_PAGE_SECTIONS
from institute.query import the_page
from institute.sections import HOME_PAGE_SECTIONS, Section
from research import demo, demo_scale
from research.models import PublicationIndexPage, PublicationPage

LATEST_ON_HOME_PAGE = 3
LATEST_ON_FORUM_PAGE = 4


def publications_section(publications, more_label, order, query=""):
    index = the_page(PublicationIndexPage)
    return Section(
        key="publications",
        title=_("Latest publications"),
        template="components/publication_list.html",
        items=list(publications),
        more_url=f"{index.url}{query}" if index else "",
        more_label=more_label,
        order=order,
    )


@hooks.register(HOME_PAGE_SECTIONS)
def latest_publications(request, home_page):
    publications = PublicationPage.objects.live().public().originals().for_listing()[:LATEST_ON_HOME_PAGE]
    return publications_section(publications, _("All publications"), order=400)


@hooks.register(FORUM_PAGE_SECTIONS)
def forum_publications(request, forum):
    publications = (
        PublicationPage.objects.live().public().originals().filter(forums=forum).for_listing()[:LATEST_ON_FORUM_PAGE]
    )
    return publications_section(
        publications, _("All the forum's publications"), order=300, query=f"?forum={forum.slug}"
    )


hooks.register("load_demo_content", demo.load, order=20)
hooks.register("load_scaled_demo_content", demo_scale.generate, order=20)
