from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from forums.models import ForumPage

pytestmark = pytest.mark.django_db

# The eight forums as the institute's facts give them: slug, region, partner university.
FORUMS = [
    ("scotland", "Scotland", "University of Glasgow"),
    ("london-and-the-south", "London and the South", "King's College London"),
    ("yorkshire-humber-and-north-east", "Yorkshire, Humber and North East", "University of Sheffield"),
    ("midlands", "Midlands", "University of Warwick"),
    ("north-west", "North West", "University of Manchester"),
    ("wales", "Wales", "Cardiff University"),
    ("northern-ireland", "Northern Ireland", "Queen's University Belfast"),
    ("east-anglia", "East Anglia", "University of Cambridge"),
]


@pytest.fixture
def demo_site(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")
    call_command("load_demo_content", stdout=StringIO())


def test_demo_has_the_eight_forums_their_rosters_and_lead_accounts_and_keeps_edits(demo_site, client, capsys):
    forums = ForumPage.objects.originals().live().select_related("partner_university", "chair", "lead")

    assert sorted((f.slug, f.region, f.partner_university.name) for f in forums) == sorted(FORUMS)
    for forum in forums:
        assert forum.chair.short_bio and "demo" not in forum.chair.short_bio.lower() + forum.lead.short_bio.lower()
        assert forum.lead.organisation == forum.partner_university
        assert client.get(f"/forums/{forum.slug}/").status_code == 200
    assert client.get("/forums/").status_code == 200

    for slug, _, _ in FORUMS:
        user = get_user_model().objects.get(username=f"lead-{slug}")
        forum = ForumPage.objects.originals().get(slug=slug)

        assert user.check_password("correct-horse-battery")
        assert user.person == forum.lead
        assert client.login(username=f"lead-{slug}", password="correct-horse-battery")
        assert client.get(f"/admin/pages/{forum.pk}/edit/").status_code == 200
        other = ForumPage.objects.exclude(slug=slug).first()
        assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302

    call_command("ensure_demo_admin")
    output = capsys.readouterr().out
    assert "Also, with the same password:" in output
    for slug, region, _ in FORUMS:
        assert f"lead-{slug}" in output
        assert f"edits the {region} forum only" in output

    # A second run keeps what an editor changed and adds nothing.
    forum = ForumPage.objects.originals().get(slug="wales")
    forum.summary = "Edited by the Wales lead"
    forum.save_revision().publish()
    counts = (ForumPage.objects.originals().count(), get_user_model().objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert ForumPage.objects.originals().get(slug="wales").summary == "Edited by the Wales lead"
    assert (ForumPage.objects.originals().count(), get_user_model().objects.count()) == counts
