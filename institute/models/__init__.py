from institute.models.content_health import ExternalLink, PageHealth
from institute.models.demo import DemoRecord
from institute.models.mail import FormEmail
from institute.models.pages import (
    BasePage,
    FormField,
    FormPage,
    HeroImageFields,
    HomePage,
    IntroPage,
    ListingFields,
    StandardPage,
    chosen_pages,
)
from institute.models.site_settings import InstituteSettings
from institute.models.snippets import Institution, Person, PersonLink

__all__ = [
    "chosen_pages",
    "BasePage",
    "DemoRecord",
    "ExternalLink",
    "FormEmail",
    "FormField",
    "FormPage",
    "HeroImageFields",
    "HomePage",
    "Institution",
    "InstituteSettings",
    "IntroPage",
    "ListingFields",
    "PageHealth",
    "Person",
    "PersonLink",
    "StandardPage",
]
