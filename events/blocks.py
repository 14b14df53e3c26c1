from django.forms.utils import ErrorList

from wagtail import blocks

from events.dates import format_times
from institute.blocks import PersonChooserBlock


class SessionStructValue(blocks.StructValue):
    @property
    def times(self):
        """“9:30am to 10:15am”, in the event's own (UK) time."""
        return format_times(self.get("start_time"), self.get("end_time"))


class SessionBlock(blocks.StructBlock):
    """One session of a programme. Times are UK times, as the event page shows them."""

    day = blocks.DateBlock(
        required=False, help_text="For events over several days; leave empty when the event is on one day."
    )
    start_time = blocks.TimeBlock()
    end_time = blocks.TimeBlock(required=False)
    title = blocks.CharBlock(max_length=200)
    speakers = blocks.ListBlock(PersonChooserBlock(), default=[])
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "time"
        label = "Session"
        value_class = SessionStructValue

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if start and end and end <= start:
            raise blocks.StructBlockValidationError(
                block_errors={"end_time": ErrorList(["The session must end after it starts."])}
            )
        return value


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()
