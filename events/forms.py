"""The event page's admin form: UK dates as people type them, and other forums tagged by staff only
(forums.models.ForumContentPageForm)."""

from django import forms

from wagtail.admin.widgets import AdminDateTimeInput

from forums.models import ForumContentPageForm

UK_DAY_FORMATS = ("%d/%m/%Y", "%d %B %Y", "%d %b %Y")  # 18/03/2027, 18 March 2027, 18 Mar 2027
UK_TIME_FORMATS = ("%H:%M", "%I%p", "%I:%M%p")  # 10:00, 10am, 10:30am


class UKDateTimeField(forms.DateTimeField):
    """A date and time in UK order; ISO dates (2027-03-18 10:00) are accepted too, as Django always does."""

    input_formats = [f"{day} {time}" for day in UK_DAY_FORMATS for time in UK_TIME_FORMATS]
    default_error_messages = {
        "invalid": "Enter a date and time in UK order, such as “18/03/2027 10:00” or “18 March 2027 10am”."
    }


class UKDateTimeInput(AdminDateTimeInput):
    """Wagtail's date picker, which would replace text it cannot read with the current time when the field
    loses focus: here the text stays as typed, and the form says what it cannot read."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class EventPageForm(ForumContentPageForm):
    class Meta(ForumContentPageForm.Meta):
        field_classes = {
            "starts_at": UKDateTimeField,
            "ends_at": UKDateTimeField,
            "registration_deadline": UKDateTimeField,
        }
