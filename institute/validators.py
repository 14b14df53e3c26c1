import re

from django.core.exceptions import ValidationError

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def validate_orcid(value):
    """An ORCID iD as 0000-0002-1825-0097, with its ISO 7064 11-2 check digit."""
    if not ORCID_PATTERN.match(value):
        raise ValidationError("Enter an ORCID iD in the form 0000-0002-1825-0097.")
    digits = value.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if digits[-1] != expected:
        raise ValidationError("This ORCID iD's check digit is wrong: please copy it again from orcid.org.")
