"""Factories for every model the tests build. Apps add theirs beside these."""

import datetime

from django.utils import timezone

from wagtail.documents import get_document_model

import factory
import wagtail_factories

from events.choices import EventFormat, EventType
from events.models import EventIndexPage, EventPage, EventSpeaker
from forums.models import ForumIndexPage, ForumMember, ForumPage
from institute.models import (
    FormField,
    FormPage,
    HomePage,
    InstituteSettings,
    Institution,
    Person,
    PersonLink,
    StandardPage,
)
from research.choices import Programme, PublicationType
from research.models import (
    PartnersPage,
    PeopleIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    ResearchIndexPage,
    ResearchThemePage,
    ThemeLead,
)


class InstitutionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"University of Testshire {n}")
    short_name = factory.Sequence(lambda n: f"UT{n}")
    city = factory.Faker("city", locale="en_GB")
    website = factory.Faker("url")

    class Meta:
        model = Institution


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="en_GB")
    job_title = factory.Faker("job", locale="en_GB")
    organisation = factory.SubFactory(InstitutionFactory)
    short_bio = factory.Faker("sentence")

    class Meta:
        model = Person


class PersonLinkFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    label = "University profile"
    url = factory.Faker("url")

    class Meta:
        model = PersonLink


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Test image {n}")
    description = factory.Faker("sentence")


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4 test document")

    class Meta:
        model = get_document_model()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_headline = factory.Faker("sentence", nb_words=6)
    hero_intro = factory.Faker("paragraph")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    intro = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: [("rich_text", "<p>Body text.</p>")])

    class Meta:
        model = StandardPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    intro = "Send us a message."
    thank_you_text = "<p>Thanks, we will reply soon.</p>"
    to_address = "enquiries@productivity.example"
    from_address = "noreply@productivity.example"
    subject = "Website message"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


class InstituteSettingsFactory(factory.django.DjangoModelFactory):
    organisation_name = "The Productivity Institute"
    tagline = "Exploring what productivity means"
    contact_email = "enquiries@productivity.example"

    class Meta:
        model = InstituteSettings
        django_get_or_create = ("site",)


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regional forums"
    slug = "forums"
    intro = "Eight regional productivity forums."

    class Meta:
        model = ForumIndexPage


class ForumPageFactory(wagtail_factories.PageFactory):
    """A published forum with its roster. The lead's account, when given, becomes one of its editors."""

    region = factory.Sequence(lambda n: f"Region {n}")
    title = factory.LazyAttribute(lambda forum: f"{forum.region} Productivity Forum")
    summary = factory.Faker("sentence")
    intro = factory.Faker("paragraph")
    chair = factory.SubFactory(PersonFactory)
    lead = factory.SubFactory(PersonFactory)
    partner_university = factory.SubFactory(InstitutionFactory, is_academic_partner=True)

    class Meta:
        model = ForumPage


class ForumMemberFactory(factory.django.DjangoModelFactory):
    forum = factory.SubFactory(ForumPageFactory)
    name = factory.Faker("name", locale="en_GB")
    organisation = factory.Faker("company", locale="en_GB")

    class Meta:
        model = ForumMember


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Research"
    slug = "research"
    intro = "Our research themes."

    class Meta:
        model = ResearchIndexPage


class ResearchThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Research theme {n}")
    programme = Programme.FIRMS
    summary = factory.Faker("sentence")

    class Meta:
        model = ResearchThemePage


class ThemeLeadFactory(factory.django.DjangoModelFactory):
    theme = factory.SubFactory(ResearchThemePageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Theme lead"

    class Meta:
        model = ThemeLead


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publications"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    publication_type = PublicationType.WORKING_PAPER
    publication_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    abstract = factory.Faker("paragraph")

    class Meta:
        model = PublicationPage


class PublicationAuthorFactory(factory.django.DjangoModelFactory):
    publication = factory.SubFactory(PublicationPageFactory)
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = PublicationAuthor


class PartnersPageFactory(wagtail_factories.PageFactory):
    title = "Our partners"
    slug = "partners"

    class Meta:
        model = PartnersPage


class PeopleIndexPageFactory(wagtail_factories.PageFactory):
    title = "People"
    slug = "people"

    class Meta:
        model = PeopleIndexPage


# ---- Events ----


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Conferences, webinars, workshops and forum meetings."

    class Meta:
        model = EventIndexPage


def next_week_on_the_hour():
    return (timezone.now() + datetime.timedelta(days=7)).replace(minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    """A published two-hour workshop in a week's time; pass starts_at and ends_at to place it."""

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.Faker("sentence")
    starts_at = factory.LazyFunction(next_week_on_the_hour)
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    event_type = EventType.WORKSHOP
    event_format = EventFormat.IN_PERSON
    venue_name = "Bush House"
    venue_address = "30 Aldwych\nLondon\nWC2B 4BG"

    class Meta:
        model = EventPage


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Speaker"

    class Meta:
        model = EventSpeaker
