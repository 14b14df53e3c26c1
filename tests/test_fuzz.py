"""Fuzzing every public URL: odd query strings, path suffixes, headers and form posts.

Whatever a visitor (or a robot) sends, the site answers below 500 and a refused request writes nothing.
Hypothesis draws the requests; a fixed budget and derandomize=True make every run try the same ones.

The site is built once for the module with the factories: every page type, each with the relations its
listings filter on, and one small image. The demo content would cover the same ground but costs a minute
of loading and image renditions before the first request.
"""

import datetime
import re
import traceback
from urllib.parse import quote, urlencode, urlsplit

import django.test.client
from django.db import connection, transaction
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.choices import EventFormat
from events.filters import EventFeedFilters, EventFilters
from events.models import EventIndexPage, EventPage
from forums.models import ForumPage
from institute.forms import SPAM_TRAP_FIELD
from institute.handlers import InstituteWSGIRequest
from institute.models import FormPage, HomePage, Person
from research.choices import PublicationType
from research.filters import PeopleFilters, PublicationFilters
from research.models import PeopleIndexPage, PublicationIndexPage, PublicationPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSpeakerFactory,
    FormFieldFactory,
    FormPageFactory,
    ForumIndexPageFactory,
    ForumMemberFactory,
    ForumPageFactory,
    ImageFactory,
    InstituteSettingsFactory,
    InstitutionFactory,
    PartnersPageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationAuthorFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    StandardPageFactory,
    ThemeLeadFactory,
)

pytestmark = pytest.mark.django_db

# The examples only read, so one database serves them all: the function-scoped `db` fixture is safe here.
FUZZ = settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What an editor may put on a form page, the demo's contact form fields first.
CONTACT_FIELDS = [
    ("Your name", "singleline", True, ""),
    ("Your email", "email", True, ""),
    ("Organisation", "singleline", False, ""),
    ("What is it about?", "dropdown", True, "General enquiry\nResearch and publications\nEvents"),
    ("Your message", "multiline", True, ""),
    ("Topics", "checkboxes", False, "Skills\nPlace"),
    ("Attendees", "number", False, ""),
    ("Preferred date", "date", False, ""),
    ("Call me at", "datetime", False, ""),
    ("Website", "url", False, ""),
]

CSRF_SECRET = "fuzzCsrfSecret0123456789abcdefgh"

# Writes a visit may make without changing content: image renditions drawn on first view, and the
# health check's rolled-back write that proves the database takes writes.
ALLOWED_WRITES = {"wagtailimages_rendition", "django_migrations"}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)', re.IGNORECASE)

ODD_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e9",
    "99999999999999999999999",
    "NaN",
    "inf",
    "١٢",  # Arabic-Indic digits, which int() accepts
    "２",
    "0x10",
    "2026-13",
    "0000-00",
    "9999-12",
    "2026-02-30",
    "None",
    "[]",
    "'",
    '"',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%",
    "%zz",
    "%00",
    "%FF%FE",
    "\x00",
    "a\x00b",
    "\r\nSet-Cookie: x=1",
    "\u202e",
    "\ufeff",
    "😀",
    "İ",
    # Long, but within the request line a server in front passes on (gunicorn's limit is 4094 bytes).
    "x" * 4_000,
]

odd_text = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=30),
    st.integers().map(str),
    st.sampled_from([100, 600]).map(lambda length: "é" * length),
)


def latin1(text):
    """`text` as a WSGI server hands it over: its UTF-8 bytes, one character each."""
    return text.encode("utf-8").decode("latin-1")


@st.composite
def query_strings(draw, names, values=odd_text):
    """A query string with repeated keys, keys without values, and values percent-encoded, raw or not UTF-8."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.one_of(st.sampled_from(names), odd_text))
        value = draw(values)
        if draw(st.booleans()):
            parts.append(f"{quote(name, safe='')}={quote(value, safe='')}")
        elif draw(st.booleans()):
            parts.append(f"{name}={value}")
        else:
            parts.append(name)
        if draw(st.booleans()):  # bytes that are not UTF-8, percent-encoded
            parts.append(f"{quote(name, safe='')}={quote(draw(st.binary(max_size=8)), safe='')}")
    return latin1("&".join(parts))


path_suffixes = st.one_of(
    st.sampled_from(
        [
            "",
            "x/",
            "index.html",
            "..%2f..%2f",
            "%00/",
            "%FF/",
            "%C0%AE/",
            "😀/",
            "a" * 300 + "/",
            "/",
            "2/",
            "cite.bib",
            "cite.ris",
            "event.ics",
            "events.ics",
            "feed.ics",
            "feed/",
            "calendar/",
            "calendar/0/0/",
            "calendar/99999999999999999999/1/",
            "calendar/2026/13/",
            "calendar/1/1/",
            "people/x/",
        ]
    ),
    st.text(max_size=12).map(lambda text: quote(text) + "/"),
)

CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "application/x-www-form-urlencoded; charset=iso-8859-1",
    "application/x-www-form-urlencoded; charset=utf8",
    "application/x-www-form-urlencoded; charset=UTF-16",
    "application/x-www-form-urlencoded; charset=bogus",
    "application/x-www-form-urlencoded; charset=",
    'application/x-www-form-urlencoded; charset="utf-8"',
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=fuzz",
    "multipart/form-data; boundary=fuzz; charset=iso-8859-1",
    "text/html; charset*=BOGUS''x",
    "text/plain; charset=utf-7",
    "application/json",
    ";",
    "",
    "\x00",
    "a/b/c",
    "text/html; charset=" + "x" * 1_000,
]

CHARSETS = ["utf-8", "utf8", "UTF-16", "iso-8859-1", "latin-1", "cp1252", "utf-7", "ascii", "bogus", "", '"utf-8"']

# A form in a charset other than UTF-8 is what breaks reading the form, so it gets its own share.
form_content_types = st.one_of(st.sampled_from(CHARSETS), st.text(max_size=12)).map(
    lambda charset: latin1(f"application/x-www-form-urlencoded; charset={charset}")
)
content_types = st.one_of(st.sampled_from(CONTENT_TYPES), form_content_types, st.text(max_size=30).map(latin1))


def odd_header(*examples):
    return st.one_of(st.sampled_from(examples), odd_text.map(latin1))


# The Host header picks the site, and a host that is not allowed takes Django down its error path.
hosts = st.one_of(
    st.none(),
    odd_header(
        "localhost", "evil.example", "", "localhost:abc", "[::1", "local host", "ünïcode", "a" * 300, "localhost:99999"
    ),
)
HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": odd_header("*", "en-GB;q=abc", "zz-ZZ", "en-GB,en;q=0.9," * 200, "de-DE-u-co-phonebk", ","),
    "HTTP_ACCEPT": odd_header("*/*", "text/html;q=x", "application/json", "text/calendar", ""),
    "HTTP_COOKIE": odd_header("sessionid=junk", "csrftoken=", "csrftoken=" + "x" * 64, "a=b; a=c", "=;=;", "\x00"),
    "HTTP_ORIGIN": odd_header("null", "http://[", "http://evil.example", "http://localhost", "://"),
    "HTTP_REFERER": odd_header("http://[", "javascript:alert(1)", "http://localhost/", "//evil.example"),
    "HTTP_X_FORWARDED_FOR": odd_header("1.2.3.4, unknown", "::1", "999.999.999.999"),
    "HTTP_X_FORWARDED_PROTO": odd_header("https", "gopher", ""),
    "HTTP_X_FORWARDED_HOST": odd_header("evil.example", "localhost:abc"),
    "HTTP_IF_MODIFIED_SINCE": odd_header("Thu, 01 Jan 1970 00:00:00 GMT", "Sun, 31 Dec 9999 23:59:59 GMT", "yesterday"),
    "HTTP_IF_NONE_MATCH": odd_header("*", '"x"', 'W/"', ","),
    "HTTP_RANGE": odd_header("bytes=0-0", "bytes=-1", "bytes=9-1", "lines=1-2"),
    "HTTP_ACCEPT_ENCODING": odd_header("gzip", "br;q=2", "identity;q=0"),
    "HTTP_X_REQUESTED_WITH": odd_header("XMLHttpRequest"),
    "HTTP_AUTHORIZATION": odd_header("Basic !!!", "Bearer"),
}

headers = st.fixed_dictionaries({}, optional=HEADERS)
# Half of them posts: a post is what makes Django read the body, and CSRF checks with it.
methods = st.one_of(
    st.just("POST"), st.sampled_from(["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"])
)


def build_site():
    """Every page type, with the people, themes, forums and keywords their listings filter on."""
    home = HomePage.objects.get()
    InstituteSettingsFactory(site=Site.objects.get(is_default_site=True))
    photo = ImageFactory()
    # Fixed names, so the URLs and filter values, and with them the examples drawn, are the same every run.
    university = InstitutionFactory(name="University of Testshire", short_name="UT")
    people = [
        PersonFactory(name=name, organisation=university, photo=photo) for name in ("Ada Price", "Bo Li", "Cai Rees")
    ]
    StandardPageFactory(parent=home, slug="about", title="About us")
    contact = FormPageFactory(parent=home, slug="contact")
    for label, field_type, required, choices in CONTACT_FIELDS:
        FormFieldFactory(page=contact, label=label, field_type=field_type, required=required, choices=choices)

    forums = ForumIndexPageFactory(parent=home)
    roster = {"chair": people[0], "lead": people[1], "partner_university": university}
    scotland = ForumPageFactory(parent=forums, slug="scotland", region="Scotland", **roster)
    wales = ForumPageFactory(parent=forums, slug="wales", region="Wales", **roster)
    ForumMemberFactory(forum=scotland, person=people[2])

    research = ResearchIndexPageFactory(parent=home)
    skills = ResearchThemePageFactory(parent=research, slug="skills", title="Skills", listing_image=photo)
    place = ResearchThemePageFactory(parent=research, slug="place", title="Place")
    ThemeLeadFactory(theme=skills, person=people[0])
    publications = PublicationIndexPageFactory(parent=research)
    paper = PublicationPageFactory(parent=publications, slug="paper", themes=[skills], forums=[scotland])
    PublicationAuthorFactory(publication=paper, person=people[0])
    paper.keywords.add("skills", "ünïcode keyword")
    paper.save()
    PublicationPageFactory(
        parent=publications,
        slug="brief",
        publication_type=PublicationType.POLICY_BRIEF,
        publication_date=datetime.date(2021, 3, 1),
        themes=[place],
    )
    PartnersPageFactory(parent=home)
    PeopleIndexPageFactory(parent=home)

    events = EventIndexPageFactory(parent=home)
    webinar = EventPageFactory(
        parent=events,
        slug="webinar",
        themes=[skills],
        forums=[wales],
        event_format=EventFormat.ONLINE,
        online_url="https://x.example",
        hero_image=photo,
        hero_image_alt="A chart",
    )
    EventSpeakerFactory(event=webinar, person=people[2])
    last_year = timezone.now() - datetime.timedelta(days=300)
    EventPageFactory(
        parent=scotland, slug="meeting", starts_at=last_year, ends_at=last_year + datetime.timedelta(days=2)
    )


@pytest.fixture(scope="module")
def fuzz_site(django_db_setup, django_db_blocker):
    """The site, built once for the module and rolled back after it, so other modules start empty."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_site()
        yield
        transaction.set_rollback(True)


def sitemap_paths():
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())]


def special_paths():
    """The public URLs the sitemap does not list: feeds, calendars, citations, profiles and the site's own."""
    today = timezone.localdate()
    events = EventIndexPage.objects.get().url
    people = PeopleIndexPage.objects.get()
    return [
        f"{events}feed.ics",
        f"{events}feed/",
        f"{events}calendar/",
        f"{events}calendar/{today.year}/{today.month}/",
        *(f"{forum.url}events.ics" for forum in ForumPage.objects.live()),
        *(f"{event.url}event.ics" for event in EventPage.objects.live()),
        *(f"{paper.url}cite.{ext}" for paper in PublicationPage.objects.live() for ext in ("bib", "ris")),
        *(people.profile_url(person) for person in Person.objects.all()),
        "/search/",
        "/healthz/",
        "/robots.txt",
        "/sitemap.xml",
    ]


@pytest.fixture(scope="module")
def public_paths(fuzz_site, django_db_blocker):
    with django_db_blocker.unblock():
        return sorted(set(sitemap_paths() + special_paths()))


@pytest.fixture(scope="module")
def listings(fuzz_site, django_db_blocker):
    """(URL, the query parameters it reads, valid values for them) for each listing, search and feed."""
    with django_db_blocker.unblock():
        events = EventIndexPage.objects.get().url
        filtered = [
            (PublicationIndexPage.objects.get().url, PublicationFilters),
            (events, EventFilters),
            (f"{events}feed.ics", EventFeedFilters),
            (f"{events}feed/", EventFeedFilters),
            (PeopleIndexPage.objects.get().url, PeopleFilters),
        ]
        found = []
        for url, filters in filtered:
            fields = filters({}).fields
            valid = [str(value) for field in fields.values() for value, _ in field.choices if value != ""]
            found.append((url, [*fields, "page"], [*valid, "1", "2"]))
    return [*found, ("/search/", ["q", "page"], ["productivity", "skills", "1", "2"])]


@pytest.fixture(scope="module")
def contact_form(fuzz_site, django_db_blocker):
    """The contact page's URL and the names its form reads."""
    with django_db_blocker.unblock():
        contact = FormPage.objects.get(slug="contact")
        names = [field.clean_name for field in contact.form_fields.all()]
        return contact.url, [*names, SPAM_TRAP_FIELD, "csrfmiddlewaretoken"]


@pytest.fixture(scope="module", autouse=True)
def site_requests():
    """The test client builds its requests as the site's own handlers do (institute/handlers.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(django.test.client, "WSGIRequest", InstituteWSGIRequest)
        yield


def assert_served(client, method, path, **request):
    """`client` sends the request: no server error, and no write unless a form was sent.

    A sent form redirects to its thank-you page; any other answer may write only ALLOWED_WRITES.
    """
    described = f"{method} {path} {request!r}"
    with CaptureQueriesContext(connection) as queries:
        try:
            response = client.generic(method, path, **request)
        except Exception:  # raised outside Django's handling of the request: the server answers 500
            pytest.fail(f"{described} raised\n{traceback.format_exc(limit=-3, chain=False)}")
    if response.status_code >= 500:
        error = (
            "".join(traceback.format_exception(*response.exc_info, limit=-3, chain=False)) if response.exc_info else ""
        )
        pytest.fail(f"{described} answered {response.status_code}\n{error}")
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if (match := WRITE.match(query["sql"])) and match[1] not in ALLOWED_WRITES
    ]
    sent = response.status_code == 302 and response["Location"].endswith("?sent")
    assert sent or not writes, f"{described} wrote to the database: {writes}"
    return response


def test_every_public_url_is_served(public_paths):
    client = Client(raise_request_exception=False)
    assert len(public_paths) > 30
    for path in public_paths:
        assert assert_served(client, "GET", path).status_code in (200, 302), path


@pytest.mark.parametrize(
    ("method", "content_type", "host"),
    [
        ("POST", "application/x-www-form-urlencoded; charset=iso-8859-1", "localhost"),
        ("POST", "application/x-www-form-urlencoded; charset=utf8", "localhost"),
        ("POST", "application/x-www-form-urlencoded; charset=UTF-16", "localhost"),
        ("GET", "text/html; charset*=BOGUS''x", "localhost"),
        # Refused for its Host first: the error page must not read the form either.
        ("POST", "application/x-www-form-urlencoded; charset=iso-8859-1", "evil.example"),
    ],
)
def test_odd_charsets(fuzz_site, method, content_type, host):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = CSRF_SECRET
    body = f"csrfmiddlewaretoken={CSRF_SECRET}"
    assert_served(client, method, "/", data=body, content_type=content_type, HTTP_HOST=host)


@FUZZ
@given(data=st.data())
def test_listing_filters(listings, data):
    url, names, valid = data.draw(st.sampled_from(listings), label="listing")
    query = data.draw(query_strings(names, st.one_of(st.sampled_from(valid), odd_text)), label="query")
    assert_served(Client(raise_request_exception=False), "GET", url, QUERY_STRING=query)


@FUZZ
@given(data=st.data(), suffix=path_suffixes, query=query_strings(["page", "q", "sent", "format", "when"]))
def test_odd_urls(public_paths, data, suffix, query):
    path = data.draw(st.sampled_from(public_paths), label="path") + suffix
    assert_served(Client(raise_request_exception=False), "GET", path, QUERY_STRING=query)


@FUZZ
@given(
    data=st.data(),
    method=methods,
    content_type=content_types,
    host=hosts,
    headers=headers,
    csrf_cookie=st.booleans(),
    body=st.one_of(st.binary(max_size=100), st.just(f"csrfmiddlewaretoken={CSRF_SECRET}&a=%E9".encode())),
)
def test_odd_headers(public_paths, data, method, content_type, host, headers, csrf_cookie, body):
    path = data.draw(st.sampled_from(public_paths), label="path")
    if host is not None:
        headers = {**headers, "HTTP_HOST": host}
    if csrf_cookie:
        headers = {**headers, "HTTP_COOKIE": f"csrftoken={CSRF_SECRET}; {headers.get('HTTP_COOKIE', '')}"}
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    assert_served(client, method, path, data=body, content_type=content_type, **headers)


@FUZZ
@given(
    data=st.data(),
    csrf=st.sampled_from(["none", "cookie", "cookie and token", "cookie and wrong token", "token"]),
    content_type=st.one_of(st.just(MULTIPART_CONTENT), form_content_types),
)
def test_contact_form_posts(contact_form, data, csrf, content_type):
    url, names = contact_form
    value = st.one_of(odd_text, st.sampled_from(["Ada", "ada@example.com", "Events", "2026-06-17", "3"]))
    fields = data.draw(
        st.dictionaries(st.one_of(st.sampled_from(names), odd_text), st.one_of(value, st.lists(value, max_size=3))),
        label="fields",
    )
    if "token" in csrf:
        fields["csrfmiddlewaretoken"] = "x" * 32 if "wrong" in csrf else CSRF_SECRET
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if "cookie" in csrf:
        client.cookies["csrftoken"] = CSRF_SECRET
    body = encode_multipart(BOUNDARY, fields) if content_type == MULTIPART_CONTENT else urlencode(fields, doseq=True)
    assert_served(client, "POST", url, data=body, content_type=content_type)
