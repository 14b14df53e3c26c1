"""Signing in: failed attempts are limited (django-axes), and two-factor sign-in is there for who wants it."""

from base64 import b32decode
from datetime import timedelta
from http import HTTPStatus

from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import AsyncClient

from wagtail.models import PageViewRestriction

import pytest
from asgiref.sync import async_to_sync
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import StandardPageFactory

PASSWORD = "a-long-and-correct-pass-phrase"
LOGIN = "/admin/login/"
VISITOR, OTHER_VISITOR, THIRD_VISITOR = "192.0.2.10", "198.51.100.20", "203.0.113.30"


@pytest.fixture(autouse=True)
def axes_on(settings):
    # The test settings leave django-axes off for the rest of the suite (see institute/settings/test.py).
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser("colleague", "colleague@example.com", PASSWORD)


def sign_in(client, username, password, ip=VISITOR, **fields):
    return client.post(LOGIN, {"username": username, "password": password, **fields}, REMOTE_ADDR=ip)


def signed_in(client):
    return client.get("/admin/").status_code == HTTPStatus.OK


def assert_locked_out(response):
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    text = " ".join(response.content.decode().split())
    assert "Too many failed sign-in attempts" in text
    assert "signing in is paused after 5 failed attempts" in text
    assert "Please wait 15 minutes, then try again." in text


def error_messages(response, soup):
    return [item.text.strip() for item in soup(response).select(".messages li.error")]


# Failed attempts


def test_four_wrong_passwords_do_not_lock_the_account(client, editor, soup):
    for _ in range(4):
        response = sign_in(client, "editor", "wrong")
        assert response.status_code == HTTPStatus.OK
        assert error_messages(response, soup) == ["Your username and password didn't match. Please try again."]

    assert sign_in(client, "editor", PASSWORD).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_the_fifth_wrong_password_locks_the_account_and_the_right_one_is_refused(client, editor):
    for _ in range(4):
        assert sign_in(client, "editor", "wrong").status_code == HTTPStatus.OK
    assert_locked_out(sign_in(client, "editor", "wrong"))

    assert_locked_out(sign_in(client, "editor", PASSWORD))
    assert not signed_in(client)


def test_the_lockout_page_says_how_long_to_wait_in_the_sites_design(client, editor, soup):
    for _ in range(5):
        response = sign_in(client, "editor", "wrong")

    page = soup(response)
    assert page.title.text.startswith("Signing in is paused")
    assert page.find("h1").text == "Too many failed sign-in attempts"
    assert page.select_one("main .error-page .button")["href"] == LOGIN
    assert "editor" not in page.find("main").text


def test_the_account_limit_holds_across_addresses(client, editor):
    for ip in [VISITOR, VISITOR, VISITOR, OTHER_VISITOR]:
        assert sign_in(client, "editor", "wrong", ip=ip).status_code == HTTPStatus.OK
    assert_locked_out(sign_in(client, "editor", "wrong", ip=OTHER_VISITOR))

    assert_locked_out(sign_in(client, "editor", PASSWORD, ip=THIRD_VISITOR))
    assert not signed_in(client)


def test_the_address_limit_holds_across_accounts(client, editor, colleague):
    for username in ["editor", "editor", "someone", "nobody", "admin"]:
        sign_in(client, username, "wrong")

    assert_locked_out(sign_in(client, "colleague", PASSWORD))
    assert not signed_in(client)
    # Only that address and the accounts it tried are locked: a colleague elsewhere signs in.
    assert sign_in(client, "colleague", PASSWORD, ip=OTHER_VISITOR).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def age_attempts(minutes):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_the_lock_lifts_by_itself_after_fifteen_minutes(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "wrong")
    age_attempts(14)
    assert_locked_out(sign_in(client, "editor", PASSWORD))

    # An attempt while locked counts as a failure too, so the fifteen minutes run from the last one.
    age_attempts(15)
    assert sign_in(client, "editor", PASSWORD).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_a_forged_forwarded_for_header_does_not_escape_the_address_limit(client, editor, colleague):
    for i in range(5):
        client.post(LOGIN, {"username": f"guess-{i}", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")

    assert_locked_out(sign_in(client, "colleague", PASSWORD, ip="127.0.0.1"))


def test_behind_a_trusted_proxy_attempts_count_against_the_visitors_address(client, editor, colleague, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"
    for i in range(5):
        # The visitor sends a forged entry; the proxy appends the address it was reached from.
        forwarded = f"203.0.113.{i}, {VISITOR}"
        client.post(LOGIN, {"username": f"guess-{i}", "password": "wrong"}, HTTP_X_FORWARDED_FOR=forwarded)

    locked = client.post(
        LOGIN, {"username": "colleague", "password": PASSWORD}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=VISITOR
    )
    assert_locked_out(locked)
    other = client.post(
        LOGIN, {"username": "colleague", "password": PASSWORD}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=OTHER_VISITOR
    )
    assert other.status_code == HTTPStatus.FOUND


def test_the_lockout_page_is_served_under_asgi_too(editor):
    client = AsyncClient()

    async def five_wrong_then_right():
        for _ in range(5):
            await client.post(LOGIN, {"username": "editor", "password": "wrong"})
        return await client.post(LOGIN, {"username": "editor", "password": PASSWORD})

    assert_locked_out(async_to_sync(five_wrong_then_right)())


# Wagtail's front-end login and private pages


def test_the_old_front_end_login_sends_visitors_to_the_admin_sign_in(client):
    response = client.get("/_util/login/?next=/private/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/login/?next=/private/"


def test_a_private_page_sends_visitors_to_sign_in_and_back(client, home_page, editor, soup):
    private = StandardPageFactory(parent=home_page, title="Members only", slug="members")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/members/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/login/?next=/members/"

    form = soup(client.get(response["Location"])).find("form", class_="login-form")
    assert form.find("input", attrs={"name": "next"})["value"] == "/members/"
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD, "next": "/members/"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/members/"
    assert soup(client.get("/members/")).find("h1").text == "Members only"


def test_the_front_end_login_no_longer_signs_anyone_in(client, editor):
    response = client.post("/_util/login/", {"username": "editor", "password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == LOGIN
    assert not signed_in(client)


# Two-factor sign-in


def wrong_code(key):
    """A 6-digit code that none of the codes the site accepts now (one step either side) matches."""
    accepted = {TOTP(key, drift=drift).token() for drift in (-1, 0, 1)}
    return next(f"{n:06d}" for n in (111111, 222222, 333333, 444444) if n not in accepted)


def code(key, drift=0):
    return f"{TOTP(key, drift=drift).token():06d}"


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)


def test_an_account_without_two_factor_signs_in_with_its_password_alone(client, editor, soup):
    page = soup(client.get(LOGIN))
    assert page.find("label", attrs={"for": "id_code"}).text.strip() == "Two-factor code"

    assert sign_in(client, "editor", PASSWORD).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_an_account_with_two_factor_needs_its_code(client, device, soup):
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == HTTPStatus.OK
    assert error_messages(response, soup) == [
        "This account uses two-factor sign-in: enter the code your authenticator app shows."
    ]
    assert not signed_in(client)


def test_a_wrong_code_is_refused(client, device, soup):
    response = sign_in(client, "editor", PASSWORD, code=wrong_code(device.bin_key))

    assert response.status_code == HTTPStatus.OK
    assert error_messages(response, soup) == [
        "That code is not right. Codes change every 30 seconds: enter the one your app shows now."
    ]
    assert not signed_in(client)


def test_the_right_code_signs_in(client, device):
    response = sign_in(client, "editor", PASSWORD, code=code(device.bin_key))

    assert response.status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_a_code_with_the_wrong_password_is_refused(client, device):
    assert sign_in(client, "editor", "wrong", code=code(device.bin_key)).status_code == HTTPStatus.OK
    assert not signed_in(client)


def test_wrong_codes_count_towards_the_lockout(client, device):
    for _ in range(4):
        assert sign_in(client, "editor", PASSWORD, code=wrong_code(device.bin_key)).status_code == HTTPStatus.OK
    assert_locked_out(sign_in(client, "editor", PASSWORD, code=wrong_code(device.bin_key)))

    assert_locked_out(sign_in(client, "editor", PASSWORD, code=code(device.bin_key)))
    assert not signed_in(client)


TWO_FACTOR = "/admin/account/two-factor/"


def test_the_account_page_links_to_two_factor_sign_in(client, editor, soup):
    client.force_login(editor)

    link = soup(client.get("/admin/account/")).find("a", string="Two-factor sign-in")

    assert link["href"] == TWO_FACTOR


def test_the_two_factor_page_needs_a_signed_in_user(client):
    response = client.get(TWO_FACTOR)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(LOGIN)


def shown_key(client, soup):
    """The secret key the page shows to type into an app, as the app would decode it."""
    page = soup(client.get(TWO_FACTOR))
    assert page.select_one("svg.two-factor-qr-code title").text == "QR code for your authenticator app"
    return b32decode(page.find("code").text.replace(" ", ""))


def test_turning_two_factor_on_and_then_signing_in_with_it(client, editor, soup):
    client.force_login(editor)
    key = shown_key(client, soup)
    assert shown_key(client, soup) == key  # reloading the page shows the same key

    response = client.post(TWO_FACTOR, {"password": PASSWORD, "code": code(key)}, follow=True)

    assert "Two-factor sign-in is on." in soup(response).select_one(".messages").text
    assert "Two-factor sign-in is on:" in soup(response).find("main").text
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed and device.bin_key == key

    client.logout()
    assert sign_in(client, "editor", PASSWORD).status_code == HTTPStatus.OK
    assert not signed_in(client)
    # The app's next code (the one that turned it on cannot be used again).
    assert sign_in(client, "editor", PASSWORD, code=code(key, drift=1)).status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_the_code_that_turned_two_factor_on_cannot_sign_in(client, editor, soup):
    client.force_login(editor)
    key = shown_key(client, soup)
    used = code(key)
    client.post(TWO_FACTOR, {"password": PASSWORD, "code": used})
    client.logout()

    assert sign_in(client, "editor", PASSWORD, code=used).status_code == HTTPStatus.OK
    assert not signed_in(client)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("code", "That code is not right. Codes change every 30 seconds: enter the one your app shows now."),
        ("password", "That is not your password."),
    ],
)
def test_turning_two_factor_on_needs_a_right_code_and_password(client, editor, soup, field, message):
    client.force_login(editor)
    key = shown_key(client, soup)
    data = {"password": PASSWORD, "code": code(key)}
    data[field] = wrong_code(key) if field == "code" else "wrong"

    response = client.post(TWO_FACTOR, data)

    assert response.status_code == HTTPStatus.OK
    assert message in soup(response).find("main").text
    assert not TOTPDevice.objects.exists()


def test_turning_two_factor_on_with_letters_for_a_code_is_a_form_error(client, editor, soup):
    client.force_login(editor)
    shown_key(client, soup)

    response = client.post(TWO_FACTOR, {"password": PASSWORD, "code": "abc\x00"})

    assert response.status_code == HTTPStatus.OK
    assert not TOTPDevice.objects.exists()


def test_turning_two_factor_off_needs_a_code(client, editor, device, soup):
    client.force_login(editor)

    response = client.post(TWO_FACTOR, {"code": wrong_code(device.bin_key)})

    assert response.status_code == HTTPStatus.OK
    assert "That code is not right." in soup(response).find("main").text
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_turning_two_factor_off_with_a_code(client, editor, device, soup):
    client.force_login(editor)
    assert "Two-factor sign-in is on:" in soup(client.get(TWO_FACTOR)).find("main").text

    response = client.post(TWO_FACTOR, {"code": code(device.bin_key)}, follow=True)

    assert "Two-factor sign-in is off." in soup(response).select_one(".messages").text
    assert not TOTPDevice.objects.exists()
    client.logout()
    assert sign_in(client, "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_an_administrator_turns_two_factor_off_for_someone_who_lost_their_phone(device, capsys):
    call_command("turn_off_two_factor", "editor")

    assert "Two-factor sign-in is off for editor" in capsys.readouterr().out
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError, match="does not use two-factor sign-in"):
        call_command("turn_off_two_factor", "editor")
    with pytest.raises(CommandError, match="There is no user 'nobody'"):
        call_command("turn_off_two_factor", "nobody")
