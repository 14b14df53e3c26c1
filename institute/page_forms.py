"""The admin form every page on the site builds on (BasePage.base_form_class)."""

from django.forms.utils import ErrorList

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockField, StreamBlockValidationError

from institute.content_checks.publishing import field_label, publishing_problems, settings_for
from institute.media_choices import refuse_media_not_choosable

SCHEDULE_FIELDS = ("go_live_at", "expire_at")
# The editor's buttons that publish the page or send it to be approved for publishing.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class SitePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        refuse_media_not_choosable(self)
        return cleaned_data

    def full_clean(self):
        """Wagtail shows schedule errors only inside the closed “Set schedule” dialog, so the editor sees a
        page that will not publish and no reason. A form-wide error puts them in the message at the top.

        This runs after every clean(): Wagtail checks the schedule in a mixin it puts before this class."""
        super().full_clean()
        if self.is_bound and any(self.data.get(action) for action in PUBLISHING_ACTIONS):
            self._refuse_publishing_problems()
        if self.is_bound and any(field in self.errors for field in SCHEDULE_FIELDS):
            self.add_error(
                None,
                "The publishing schedule needs changing: open “Set schedule” in the status side panel "
                "and change or clear the dates.",
            )

    def _refuse_publishing_problems(self):
        """Errors for what must change before the page is published; saving a draft skips this.

        The instance holds the submitted values by now (Django's _post_clean). A field that already has an
        error is left to it: its value here is the old one. A field this editor cannot see (a forum's lead, for
        a lead) gets a form-wide error naming it."""
        settings = settings_for(self.instance if self.instance.pk else self.parent_page)
        for name, messages in publishing_problems(self.instance, settings).items():
            if name in self.errors:
                continue
            if isinstance(self.fields.get(name), BlockField):
                # The block editor shows a single error per StreamField: all the messages go in it, above the blocks.
                self.add_error(name, StreamBlockValidationError(non_block_errors=ErrorList(messages)))
            elif name in self.fields:
                for message in messages:
                    self.add_error(name, message)
            else:
                for message in messages:
                    self.add_error(None, f"{field_label(self.instance, name)}: {message}")
