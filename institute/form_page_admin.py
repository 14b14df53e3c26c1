"""The form page's admin form: which addresses a form's submissions are e-mailed to and from.

A form page e-mails each submission to its "to" addresses from its "from" address, through the
institute's mail server. Forum leads build form pages under their forum, so unchecked they could have
the site send mail to anyone, in anyone's name. Editors who may not manage the institute's form e-mails
(forum leads) may use only addresses at the institute's own domains (settings.FORM_EMAIL_DOMAINS);
staff may use any address, and an address staff set stays when a lead edits the page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from institute.page_forms import SitePageForm

# Staff editors hold it with the rest of the institute app's content permissions; forum leads do not.
ANY_ADDRESS_PERMISSION = "institute.change_formemail"


def split_addresses(value):
    return [address.strip() for address in (value or "").split(",") if address.strip()]


def is_institute_address(address):
    domain = address.rpartition("@")[2].lower()
    return any(domain == allowed or domain.endswith(f".{allowed}") for allowed in settings.FORM_EMAIL_DOMAINS)


def allowed_domains_text():
    return ", ".join(settings.FORM_EMAIL_DOMAINS)


class FormPageForm(SitePageForm):
    address_fields = ("from_address", "to_address")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.may_use_any_address:
            for name in self.address_fields:
                field = self.fields[name]
                field.help_text = f"{field.help_text} Addresses at {allowed_domains_text()} only.".strip()

    @property
    def may_use_any_address(self):
        return self.for_user is not None and self.for_user.has_perm(ANY_ADDRESS_PERMISSION)

    def clean_from_address(self):
        return self.checked_addresses("from_address")

    def clean_to_address(self):
        return self.checked_addresses("to_address")

    def checked_addresses(self, name):
        value = self.cleaned_data[name]
        if self.may_use_any_address:
            return value
        already_set = split_addresses(self.initial.get(name))
        outside = [
            address
            for address in split_addresses(value)
            if not is_institute_address(address) and address not in already_set
        ]
        if outside:
            raise ValidationError(
                "Use addresses at %(domains)s only; ask the institute's staff for any other. Not allowed: %(outside)s.",
                code="outside_address",
                params={"domains": allowed_domains_text(), "outside": ", ".join(outside)},
            )
        return value
