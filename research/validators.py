import re

from django.core.exceptions import ValidationError

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_URL_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def normalise_doi(value):
    """A DOI as stored: 10.xxxx/yyy, whether pasted bare, as doi:… or as a doi.org link."""
    value = value.strip()
    for prefix in DOI_URL_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value


def validate_doi(value):
    if not DOI_PATTERN.match(normalise_doi(value)):
        raise ValidationError("Enter a DOI such as 10.1234/tpi.2024.01, or its https://doi.org/ link.")
