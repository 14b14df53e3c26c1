"""Who may do what in the admin, through its real URLs: every cell of the forum editors' matrix.

Each action makes one request (a POST where something would change) and reports whether the change
landed. An allowed action must succeed and change the database; a refused one must answer with a
refusal and change nothing.
"""

from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventPage
from forums.models import ForumPage
from institute.media_choices import site_images_collection
from institute.models import HomePage, InstituteSettings, Person, StandardPage
from tests.events.test_admin import event_form
from tests.factories import EventIndexPageFactory, EventPageFactory, ImageFactory, PersonFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "lead_scotland", "lead_wales", "staff", "superuser"]


def forum_form(forum, **changes):
    fields = {
        "title": forum.title,
        "slug": forum.slug,
        "region": forum.region,
        "partner_university": forum.partner_university_id,
        "summary": forum.summary,
        "intro": forum.intro,
        "hero_image_alt": "",
        "chair": forum.chair_id,
        "lead": forum.lead_id,
        "contact_email": "",
        "members": inline_formset([]),
        "get_involved": rich_text(""),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def standard_page_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([("rich_text", rich_text("<p>News from the forum.</p>"))]),
            "action-publish": "publish",
        }
    )


def person_form(person, bio):
    return nested_form_data({"name": person.name, "slug": person.slug, "short_bio": bio, "links": inline_formset([])})


class World:
    """Everything the matrix acts on, made fresh for each test."""

    def __init__(self, home, scotland, wales, users):
        self.home = home
        self.scotland = scotland
        self.wales = wales
        self.users = users
        self.outside_page = StandardPageFactory(parent=home, title="About", slug="about")
        self.other_person = PersonFactory(name="Somebody Else")
        self.own_people = {
            actor: user.person if hasattr(user, "person") else PersonFactory(user=user) for actor, user in users.items()
        }
        # A visitor who is not signed in has no profile: they try the Scotland lead's.
        self.own_people["anonymous"] = scotland.lead
        self.person_added_by_scotland_lead = PersonFactory(name="Ailsa Speaker", added_by=scotland.lead.user)
        EventIndexPageFactory(parent=home)
        self.scotland_event = EventPageFactory(parent=scotland, title="Forum breakfast", slug="forum-breakfast")
        self.wales_image = ImageFactory(title="Wales forum meeting", collection=wales.access.collection)
        self.site_image = ImageFactory(title="Productivity Week banner", collection=site_images_collection())
        self.wales_draft = StandardPageFactory(parent=wales, title="Unannounced Wales plans", slug="plans", live=False)


def edit_forum(forum_name):
    def act(client, world, actor):
        forum = getattr(world, forum_name)
        response = client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, summary="Changed by the matrix"))
        return response, ForumPage.objects.get(pk=forum.pk).summary == "Changed by the matrix"

    return act


def set_privacy(forum_name):
    def act(client, world, actor):
        forum = getattr(world, forum_name)
        response = client.post(f"/admin/pages/{forum.pk}/privacy/", {"restriction_type": PageViewRestriction.LOGIN})
        return response, PageViewRestriction.objects.filter(page=forum).exists()

    return act


def set_expiry_on_scotland(client, world, actor):
    forum = world.scotland
    response = client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, expire_at="2099-01-01 09:00"))
    return response, ForumPage.objects.get(pk=forum.pk).expire_at is not None


def unpublish_scotland(client, world, actor):
    response = client.post(f"/admin/pages/{world.scotland.pk}/unpublish/")
    return response, not ForumPage.objects.get(pk=world.scotland.pk).live


def delete_scotland(client, world, actor):
    response = client.post(f"/admin/pages/{world.scotland.pk}/delete/")
    return response, not ForumPage.objects.filter(pk=world.scotland.pk).exists()


def tag_wales_on_a_scotland_event(client, world, actor):
    event = world.scotland_event
    data = {**event_form(slug=event.slug), "forums": [world.wales.pk]}
    response = client.post(f"/admin/pages/{event.pk}/edit/", data)
    return response, EventPage.objects.get(pk=event.pk).forums.filter(pk=world.wales.pk).exists()


def add_person(client, world, actor):
    data = person_form(Person(name="Rory Member", slug="rory-member"), "Added by the matrix")
    response = client.post("/admin/snippets/institute/person/add/", data)
    return response, Person.objects.filter(short_bio="Added by the matrix").exists()


def browse_wales_draft_in_the_chooser(client, world, actor):
    response = client.get(f"/admin/choose-page/{world.wales_draft.pk}/")
    return response, response.status_code == HTTPStatus.OK and world.wales_draft.title in response.text


def put_on_scotlands_page(image_name):
    def act(client, world, actor):
        forum, image = world.scotland, getattr(world, image_name)
        response = client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, hero_image=image.pk))
        return response, ForumPage.objects.get(pk=forum.pk).hero_image_id == image.pk

    return act


def find_a_wales_image_in_the_admin_api(client, world, actor):
    response = client.get("/admin/api/main/images/")
    shown = response.status_code == HTTPStatus.OK and world.wales_image.pk in {
        i["id"] for i in response.json()["items"]
    }
    return response, shown


def add_page_under_scotland(client, world, actor):
    url = f"/admin/pages/add/institute/standardpage/{world.scotland.pk}/"
    response = client.post(url, standard_page_form("Forum news", "forum-news"))
    return response, StandardPage.objects.child_of(world.scotland).filter(slug="forum-news").exists()


def edit_home_page(client, world, actor):
    data = nested_form_data(
        {
            "title": "Home",
            "slug": "home",
            "hero_headline": "Changed by the matrix",
            "hero_intro": "",
            "hero_image_alt": "",
            "hero_link": streamfield([]),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{world.home.pk}/edit/", data)
    return response, HomePage.objects.get().hero_headline == "Changed by the matrix"


def edit_page_outside_forums(client, world, actor):
    page = world.outside_page
    response = client.post(f"/admin/pages/{page.pk}/edit/", standard_page_form("Changed by the matrix", page.slug))
    return response, StandardPage.objects.get(pk=page.pk).title == "Changed by the matrix"


def upload_image(forum_name):
    def act(client, world, actor):
        collection = getattr(world, forum_name).access.collection
        title = f"Upload by {actor}"
        data = {
            "title": title,
            "description": "A chart",
            "collection": collection.pk,
            "file": SimpleUploadedFile("chart.png", get_test_image_file().file.getvalue(), "image/png"),
        }
        response = client.post("/admin/images/add/", data)
        return response, get_image_model().objects.filter(title=title, collection=collection).exists()

    return act


def edit_person(whose):
    def act(client, world, actor):
        person = {
            "own": world.own_people[actor],
            "other": world.other_person,
            "added by the Scotland lead": world.person_added_by_scotland_lead,
        }[whose]
        response = client.post(
            f"/admin/snippets/institute/person/edit/{person.pk}/", person_form(person, "Changed by the matrix")
        )
        return response, Person.objects.get(pk=person.pk).short_bio == "Changed by the matrix"

    return act


def open_admin_page(url):
    def act(client, world, actor):
        return client.get(url.format(site=world.home.get_site().pk)), None

    return act


def change_settings(client, world, actor):
    site = world.home.get_site()
    data = nested_form_data(
        {
            "organisation_name": "Changed by the matrix",
            "footer_links": streamfield([]),
            "announcement_link": streamfield([]),
        }
    )
    response = client.post(f"/admin/settings/institute/institutesettings/{site.pk}/", data)
    return response, InstituteSettings.objects.filter(organisation_name="Changed by the matrix").exists()


ACTIONS = {
    "edit and publish Scotland": edit_forum("scotland"),
    "edit and publish Wales": edit_forum("wales"),
    "make Scotland private": set_privacy("scotland"),
    "make Wales private": set_privacy("wales"),
    "set an expiry date on Scotland": set_expiry_on_scotland,
    "unpublish Scotland": unpublish_scotland,
    "delete Scotland": delete_scotland,
    "tag Wales on a Scotland event": tag_wales_on_a_scotland_event,
    "see a Wales draft in the page chooser": browse_wales_draft_in_the_chooser,
    "add a page under Scotland": add_page_under_scotland,
    "put a Wales image on Scotland's page": put_on_scotlands_page("wales_image"),
    "put a Site images image on Scotland's page": put_on_scotlands_page("site_image"),
    "find a Wales image in the admin API": find_a_wales_image_in_the_admin_api,
    "edit the home page": edit_home_page,
    "edit a standard page outside the forums": edit_page_outside_forums,
    "upload an image to Scotland's collection": upload_image("scotland"),
    "upload an image to Wales's collection": upload_image("wales"),
    "edit their own Person": edit_person("own"),
    "edit another Person": edit_person("other"),
    "add a Person": add_person,
    "edit a Person the Scotland lead added": edit_person("added by the Scotland lead"),
    "open the page types report": open_admin_page("/admin/reports/page-types-usage/"),
    "open users": open_admin_page("/admin/users/"),
    "open groups": open_admin_page("/admin/groups/"),
    "open settings": open_admin_page("/admin/settings/institute/institutesettings/{site}/"),
    "change settings": change_settings,
}

# Which actors may do each action; everyone else is refused.
ALLOWED = {
    "edit and publish Scotland": {"lead_scotland", "staff", "superuser"},
    "edit and publish Wales": {"lead_wales", "staff", "superuser"},
    "make Scotland private": {"staff", "superuser"},
    "make Wales private": {"staff", "superuser"},
    "set an expiry date on Scotland": {"staff", "superuser"},
    "unpublish Scotland": {"staff", "superuser"},
    "delete Scotland": {"staff", "superuser"},
    "tag Wales on a Scotland event": {"staff", "superuser"},
    "see a Wales draft in the page chooser": {"lead_wales", "staff", "superuser"},
    "add a page under Scotland": {"lead_scotland", "staff", "superuser"},
    "put a Wales image on Scotland's page": {"staff", "superuser"},
    "put a Site images image on Scotland's page": {"lead_scotland", "staff", "superuser"},
    "find a Wales image in the admin API": {"lead_wales", "staff", "superuser"},
    "edit the home page": {"staff", "superuser"},
    "edit a standard page outside the forums": {"staff", "superuser"},
    "upload an image to Scotland's collection": {"lead_scotland", "staff", "superuser"},
    "upload an image to Wales's collection": {"lead_wales", "staff", "superuser"},
    "edit their own Person": {"lead_scotland", "lead_wales", "staff", "superuser"},
    "edit another Person": {"staff", "superuser"},
    "add a Person": {"lead_scotland", "lead_wales", "staff", "superuser"},
    "edit a Person the Scotland lead added": {"lead_scotland", "staff", "superuser"},
    "open the page types report": {"staff", "superuser"},
    "open users": {"superuser"},
    "open groups": {"superuser"},
    "open settings": {"superuser"},
    "change settings": {"superuser"},
}


# Refused by leaving a staff-only field out of the lead's form: the rest of the form saves, the forged value is ignored.
FIELD_LEFT_OUT = {
    ("lead_scotland", "set an expiry date on Scotland"),
    ("lead_scotland", "tag Wales on a Scotland event"),
}
# Actions that look at something: allowed, it is shown; refused, the page is not found.
LOOKS = {"see a Wales draft in the page chooser"}
# Listings everyone in the admin may open: refused, the item is left out.
LISTS = {"find a Wales image in the admin API"}
# Refused with a form error when the editor may use the form but not the choice.
FORM_ERROR_ACTIONS = {
    "upload an image to Scotland's collection",
    "upload an image to Wales's collection",
    "put a Wales image on Scotland's page",
}


def assert_refused(response, actor, action):
    """Visitors go to the sign-in page; editors get a 403 or are sent to the dashboard with a message."""
    location = response.get("Location", "")
    if actor == "anonymous":
        assert response.status_code == HTTPStatus.FOUND and location.startswith("/admin/login/")
    elif (actor, action) in FIELD_LEFT_OUT:
        assert response.status_code == HTTPStatus.FOUND and location != "/admin/"
    elif action in LOOKS:
        assert response.status_code == HTTPStatus.NOT_FOUND
    elif action in FORM_ERROR_ACTIONS and response.status_code == HTTPStatus.OK:
        # The other forum's collection or image is not among the editor's choices: a form error, nothing saved.
        assert response.context["form"].errors
    elif action in LISTS:
        assert response.status_code == HTTPStatus.OK
    else:
        assert response.status_code == HTTPStatus.FORBIDDEN or (response.status_code, location) == (
            HTTPStatus.FOUND,
            "/admin/",
        )


@pytest.fixture
def world(home_page, scotland, wales, staff_editor, superuser):
    users = {
        "lead_scotland": scotland.lead.user,
        "lead_wales": wales.lead.user,
        "staff": staff_editor,
        "superuser": superuser,
    }
    return World(home_page, scotland, wales, users)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("actor", ACTORS)
def test_permission_matrix(client, world, actor, action):
    if actor != "anonymous":
        client.force_login(world.users[actor])

    response, changed = ACTIONS[action](client, world, actor)

    if actor in ALLOWED[action]:
        if changed is None or action in LOOKS | LISTS:  # a page to open
            assert response.status_code == HTTPStatus.OK
            assert changed is not False
        else:
            # Forms redirect after saving; the privacy dialog answers with JSON.
            assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.OK}, response.content.decode()[:3000]
            assert changed, response.content.decode()[:3000]
    else:
        assert_refused(response, actor, action)
        assert not changed
