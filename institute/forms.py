import ipaddress
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext_lazy

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# A hyphen: field names made from editors' labels never contain one, so no real field is replaced.
SPAM_TRAP_FIELD = "spam-trap"
# Generous for what people type, small enough that nobody stores or e-mails megabytes through a form.
SINGLE_LINE_MAX_LENGTH = 500
MULTI_LINE_MAX_LENGTH = 5000
NUMBER_MAX_DIGITS = 30
# A single-line field labelled like this asks for the sender's name, so browsers may fill it in ("autocomplete").
NAME_LABEL = re.compile(r"(your )?(full )?name", re.IGNORECASE)

# Django's own Welsh for the errors visitors meet on the site's forms is poor ("Mae angen y'r ffild hon."). The
# same English marked here is extracted by makemessages into the site's catalogue, which Django reads before
# its own (LOCALE_PATHS come first): our Welsh is then the one every form shows, and no field needs its own
# error_messages. Listed for extraction only; Django raises them itself.
DJANGO_ERRORS_IN_OUR_CATALOGUE = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "max",
    ),
)


def spam_trap_field():
    """A field people never see (components/spam_trap_field.html) and robots fill in: name it SPAM_TRAP_FIELD."""
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        template_name="components/spam_trap_field.html",
    )


class MultiLineField(forms.CharField):
    """Browsers count a line break as one character towards maxlength but send two (CR LF): count one."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


def client_network(address):
    """An IPv4 address itself; an IPv6 address's /64 network, since one subscriber commonly holds all of it."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:  # no address, e.g. behind a proxy on a Unix socket: all such clients share one count
        return address
    return ipaddress.ip_network(ip).supernet(new_prefix=64) if ip.version == 6 else ip


class RateLimit:
    """How many times one sender (the cache key names them) may do one thing in a period of seconds.

    The count lives in Django's cache, which production shares between workers.
    """

    def __init__(self, key, allowance, period):
        self.key = key
        self.allowance = allowance
        self.period = period

    def allow(self):
        """Counts one more time; False once the sender has used up the period's allowance."""
        cache.add(self.key, 0, timeout=self.period)
        try:
            count = cache.incr(self.key)
        except ValueError:  # the period ended between the two calls
            cache.set(self.key, 1, timeout=self.period)
            count = 1
        return count <= self.allowance


class SubmissionRateLimit(RateLimit):
    """How many times one network address may send one form in a period (settings FORM_SUBMISSIONS_*)."""

    def __init__(self, page, address):
        super().__init__(
            f"form-submissions:{page.pk}:{client_network(address)}",
            settings.FORM_SUBMISSIONS_PER_ADDRESS,
            settings.FORM_SUBMISSIONS_PERIOD,
        )


class SpamTrapForm(BaseForm):
    """Refuses what robots send: a filled-in spam trap, or more submissions than a person would send.

    Labels of required fields say "(required)" in words, not only in the `required` attribute."""

    template_name_label = "components/form_label.html"

    def __init__(self, *args, rate_limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rate_limit = rate_limit

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(SPAM_TRAP_FIELD, ""):
            raise ValidationError(_("Your message could not be sent. Please leave the last field empty."))
        # Checked last, so that only a submission that would be stored counts towards the limit.
        if self.rate_limit and not self.errors and not self.rate_limit.allow():
            minutes = self.rate_limit.period // 60
            raise ValidationError(
                _(
                    "You have sent this form several times in the last %(minutes)s minutes. "
                    "Please try again later, or e-mail us instead."
                )
                % {"minutes": minutes}
            )
        return cleaned_data


class SpamTrapFormBuilder(FormBuilder):
    """Adds the spam trap, and a maximum length to every field people type into."""

    def create_singleline_field(self, field, options):
        widget = forms.TextInput(attrs={"autocomplete": "name"}) if NAME_LABEL.fullmatch(field.label.strip()) else None
        return forms.CharField(max_length=SINGLE_LINE_MAX_LENGTH, widget=widget, **options)

    def create_email_field(self, field, options):
        return forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}), **options)

    def create_multiline_field(self, field, options):
        return MultiLineField(max_length=MULTI_LINE_MAX_LENGTH, widget=forms.Textarea, **options)

    def create_url_field(self, field, options):
        return super().create_url_field(field, {**options, "max_length": SINGLE_LINE_MAX_LENGTH})

    def create_hidden_field(self, field, options):
        return super().create_hidden_field(field, {**options, "max_length": SINGLE_LINE_MAX_LENGTH})

    def create_number_field(self, field, options):
        return super().create_number_field(field, {**options, "max_digits": NUMBER_MAX_DIGITS})

    @property
    def formfields(self):
        fields = super().formfields
        fields[SPAM_TRAP_FIELD] = spam_trap_field()
        return fields

    def get_form_class(self):
        return type("WagtailForm", (SpamTrapForm,), self.formfields)
