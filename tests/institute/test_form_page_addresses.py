"""Form pages' e-mail addresses: forum leads keep to the institute's domains, staff may use any address."""

from http import HTTPStatus

from django.test import override_settings

from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from institute.models import FormPage
from tests.factories import FormFieldFactory, FormPageFactory, StandardPageFactory
from tests.forums import conftest as forum_fixtures

# The forums' shared fixtures: two forums, each with its lead, and a staff editor.
forum_index, scotland, wales, staff_editor = (
    forum_fixtures.forum_index,
    forum_fixtures.scotland,
    forum_fixtures.wales,
    forum_fixtures.staff_editor,
)

OUTSIDE = "anyone@elsewhere.example"
HINT = "Addresses at productivity.ac.uk only."

pytestmark = pytest.mark.usefixtures("institute_domain")


@pytest.fixture
def institute_domain():
    with override_settings(FORM_EMAIL_DOMAINS=["productivity.ac.uk"]):
        yield


@pytest.fixture
def forum_section(scotland):
    return StandardPageFactory(parent=scotland, title="Get involved", slug="get-involved")


def form_page_data(page=None, **changes):
    fields = {
        "title": "Join the forum",
        "slug": "join",
        "intro": "",
        "body": streamfield([]),
        "form_fields": inline_formset(
            [{"label": "Your e-mail", "field_type": "email", "required": "on", "choices": "", "default_value": ""}]
        ),
        "thank_you_text": rich_text("<p>Thank you.</p>"),
        "from_address": "forum@productivity.ac.uk",
        "to_address": "scotland@productivity.ac.uk",
        "subject": "New member",
        "listing_summary": "",
        "action-publish": "publish",
    }
    if page is not None:
        fields |= {
            "title": page.title,
            "slug": page.slug,
            "from_address": page.from_address,
            "to_address": page.to_address,
            "subject": page.subject,
            "form_fields": inline_formset(
                [
                    {
                        "id": field.pk,
                        "label": field.label,
                        "field_type": field.field_type,
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                    }
                    for field in page.form_fields.all()
                ],
                initial=page.form_fields.count(),
            ),
        }
    return nested_form_data(fields | changes)


def add_form_page(client, parent, **changes):
    return client.post(f"/admin/pages/add/institute/formpage/{parent.pk}/", form_page_data(**changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"to_address": OUTSIDE},
        {"to_address": f"scotland@productivity.ac.uk, {OUTSIDE}"},
        {"from_address": OUTSIDE},
        {"to_address": "someone@productivity.ac.uk.elsewhere.example"},
    ],
    ids=["to", "one-of-several-to", "from", "lookalike-domain"],
)
def test_a_lead_cannot_make_a_form_mail_outside_the_institute(client, scotland, forum_section, changes):
    client.force_login(scotland.lead.user)

    response = add_form_page(client, forum_section, **changes)

    assert response.status_code == HTTPStatus.OK
    assert "Use addresses at productivity.ac.uk only" in response.content.decode()
    assert not FormPage.objects.exists()


def test_a_lead_is_told_the_rule_and_may_use_the_institutes_addresses(client, scotland, forum_section):
    client.force_login(scotland.lead.user)

    form = client.get(f"/admin/pages/add/institute/formpage/{forum_section.pk}/")
    response = add_form_page(
        client,
        forum_section,
        from_address="forum@productivity.ac.uk",
        to_address="scotland@productivity.ac.uk, Lead@Scotland.Productivity.ac.uk",
    )

    assert HINT in form.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    page = FormPage.objects.get(slug="join")
    assert page.live
    assert page.to_address == "scotland@productivity.ac.uk, Lead@Scotland.Productivity.ac.uk"


def test_a_lead_keeps_the_addresses_staff_set_but_cannot_add_to_them(client, scotland, forum_section):
    page = FormPageFactory(parent=forum_section, slug="contact", to_address="partner@university.example")
    FormFieldFactory(page=page, label="Message")
    page.save_revision().publish()
    revisions = Revision.objects.for_instance(page).count()
    client.force_login(scotland.lead.user)
    edit_url = f"/admin/pages/{page.pk}/edit/"

    forged = client.post(edit_url, form_page_data(page, to_address=f"partner@university.example, {OUTSIDE}"))

    assert forged.status_code == HTTPStatus.OK
    assert f"Not allowed: {OUTSIDE}." in forged.content.decode()
    page.refresh_from_db()
    assert page.to_address == "partner@university.example"
    assert Revision.objects.for_instance(page).count() == revisions

    kept = client.post(edit_url, form_page_data(page, subject="Message from the website"))

    assert kept.status_code == HTTPStatus.FOUND
    page.refresh_from_db()
    assert (page.to_address, page.subject) == ("partner@university.example", "Message from the website")


def test_staff_may_set_any_address(client, staff_editor, forum_section):
    client.force_login(staff_editor)

    form = client.get(f"/admin/pages/add/institute/formpage/{forum_section.pk}/")
    response = add_form_page(client, forum_section, from_address=OUTSIDE, to_address="partner@university.example")

    assert HINT not in form.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    page = FormPage.objects.get(slug="join")
    assert (page.from_address, page.to_address) == (OUTSIDE, "partner@university.example")
