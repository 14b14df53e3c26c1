from institute.models.pages import BasePage, HomePage, ListingFields, StandardPage
from institute.models.site_settings import InstituteSettings
from institute.models.snippets import Institution, Person, PersonLink

__all__ = [
    "BasePage",
    "HomePage",
    "Institution",
    "InstituteSettings",
    "ListingFields",
    "Person",
    "PersonLink",
    "StandardPage",
]
