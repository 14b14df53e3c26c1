from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page, Site

import pytest

from forums.access import APPROVAL_TASK, approval_workflow
from institute.demo import accounts
from institute.demo.accounts import demo_password
from institute.models import FormPage, HomePage, InstituteSettings, Institution, Person, StandardPage

pytestmark = pytest.mark.django_db

FORUM_PARTNERS = [
    "University of Glasgow",
    "King's College London",
    "University of Sheffield",
    "University of Warwick",
    "University of Manchester",
    "Cardiff University",
    "Queen's University Belfast",
    "University of Cambridge",
]


def content_counts():
    return {
        model.__name__: model.objects.count()
        for model in [Page, Institution, Person, get_image_model(), get_document_model()]
    }


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=StringIO())


def test_demo_content_builds_the_site(demo_site, client, site, soup):
    home = HomePage.objects.originals().get()
    assert not home.hero_image  # the hero shows the institute's motif, not a stock picture
    assert {page.slug for page in StandardPage.objects.originals().live()} == {"about", "accessibility"}
    contact = FormPage.objects.originals().live().get(slug="contact")
    assert [field.clean_name for field in contact.form_fields.all()][:2] == ["your_name", "your_email"]
    partners = Institution.objects.filter(is_academic_partner=True)
    assert partners.count() == 10
    assert set(FORUM_PARTNERS) <= set(partners.values_list("name", flat=True))
    # No photos (initials stand in) and no "(demo)" in their words: the footer's demonstration note says it once.
    assert all(not person.photo and "demo" not in person.short_bio.lower() for person in Person.objects.all())
    assert InstituteSettings.for_site(site).announcement_is_showing()

    menu = soup(client.get("/")).find("nav", attrs={"aria-label": "Main"})
    sections = menu.select(".main-nav__list > .main-nav__item")
    assert [section.find("a").text for section in sections] == [
        "About us",
        "Contact us",
        "Regional forums",
        "Research",
        "Our partners",
        "People",
        "Events",
        "News",
        "Search",
    ]
    assert [link.text for link in sections[3].select(".main-nav__submenu a")] == ["Publications"]
    for url in ["/", "/about/", "/contact/", "/accessibility/"]:
        assert client.get(url).status_code == 200


def test_second_run_adds_nothing_and_keeps_what_editors_changed_or_deleted(demo_site, site, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    about = StandardPage.objects.originals().get(slug="about")
    about.title = "About the institute"
    about.save_revision(user=editor).publish()
    home = HomePage.objects.originals().get()
    home.hero_headline = "Edited headline"
    home.save_revision(user=editor).publish()
    person = Person.objects.get(slug="helen-marwick")
    person.job_title = "Chief Executive"
    person.save()
    settings = InstituteSettings.for_site(site)
    settings.contact_email = ""
    settings.tagline = ""
    settings.save()
    StandardPage.objects.originals().get(slug="accessibility").delete()
    Person.objects.get(slug="euan-campbell").delete()
    glasgow = Institution.objects.get(slug="university-of-glasgow")
    glasgow.slug = "glasgow"
    glasgow.save()
    before = content_counts()

    call_command("load_demo_content", stdout=StringIO())

    assert content_counts() == before
    assert StandardPage.objects.originals().get(slug="about").title == "About the institute"
    assert HomePage.objects.originals().get().hero_headline == "Edited headline"
    assert Person.objects.get(slug="helen-marwick").job_title == "Chief Executive"
    settings.refresh_from_db()
    assert (settings.contact_email, settings.tagline) == ("", "")
    assert not StandardPage.objects.originals().filter(slug="accessibility").exists()
    assert not Person.objects.filter(slug="euan-campbell").exists()
    assert Institution.objects.get(name="University of Glasgow").slug == "glasgow"


def test_demo_keeps_a_home_page_and_settings_edited_before_and_serves_the_base_url(settings, site, django_user_model):
    settings.WAGTAILADMIN_BASE_URL = "https://www.productivity.example"
    home = HomePage.objects.originals().get()
    home.hero_headline = "Our own headline"
    home.save_revision(user=django_user_model.objects.create_user("editor")).publish()
    site_settings = InstituteSettings.for_site(site)
    site_settings.contact_email = "office@institute.example"
    site_settings.save()

    call_command("load_demo_content", stdout=StringIO())

    assert HomePage.objects.originals().get().hero_headline == "Our own headline"
    site_settings.refresh_from_db()
    assert (site_settings.contact_email, site_settings.announcement_text) == ("office@institute.example", "")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.productivity.example", 443)
    assert HomePage.objects.originals().get().full_url == "https://www.productivity.example/"


def test_demo_admin_uses_the_environment_password(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")

    call_command("ensure_demo_admin", site_url="http://127.0.0.1:9000")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("correct-horse-battery")
    output = capsys.readouterr().out
    assert "http://127.0.0.1:9000/admin/" in output
    assert "admin / correct-horse-battery" in output


def test_demo_admin_password_is_generated_once_and_kept(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr(accounts, "PASSWORD_FILE", tmp_path / ".demo-admin-password")

    call_command("ensure_demo_admin")
    password = (tmp_path / ".demo-admin-password").read_text().strip()
    call_command("ensure_demo_admin")

    assert len(password) >= 16
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert (tmp_path / ".demo-admin-password").stat().st_mode & 0o077 == 0
    assert capsys.readouterr().out.count(f"admin / {password}") == 2


def test_demo_admin_keeps_a_password_changed_in_the_admin(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")
    get_user_model().objects.create_superuser("admin", "a@example.com", "changed-by-the-admin")

    call_command("ensure_demo_admin")

    assert get_user_model().objects.get(username="admin").check_password("changed-by-the-admin")
    assert "no longer applies" in capsys.readouterr().out


def test_loader_copes_with_a_deleted_home_page(db):
    HomePage.objects.originals().get().delete()

    call_command("load_demo_content", stdout=StringIO())

    assert not HomePage.objects.exists()
    assert Person.objects.filter(slug="helen-marwick").exists()


def test_loader_adopts_people_and_pages_editors_made_first(db):
    from tests.factories import PersonFactory, StandardPageFactory

    PersonFactory(slug="helen-marwick", name="Helen Marwick", job_title="Our own title")
    StandardPageFactory(parent=HomePage.objects.originals().get(), slug="about", title="Our own about page")

    call_command("load_demo_content", stdout=StringIO())

    assert Person.objects.get(slug="helen-marwick").job_title == "Our own title"
    assert StandardPage.objects.originals().get(slug="about").title == "Our own about page"


def test_the_demo_has_a_staff_editor_who_approves_forums_changes(demo_site, django_user_model, capsys):
    staff_editor = django_user_model.objects.get(username="staff-editor")
    approval_workflow()  # what a forum whose changes need approval uses
    approval = GroupApprovalTask.objects.get(name=APPROVAL_TASK)

    assert staff_editor.check_password(demo_password())
    assert set(staff_editor.groups.all()) & set(approval.groups.all())
    call_command("ensure_demo_admin")
    assert "staff-editor" in capsys.readouterr().out


def test_wagtails_default_groups_have_no_rights(db):
    """Migrations empty the Editors and Moderators groups Wagtail makes: Staff editors replace them."""
    groups = Group.objects.filter(name__in=["Editors", "Moderators"])

    assert groups.count() == 2
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()
    assert not Permission.objects.filter(group__in=groups).exists()
