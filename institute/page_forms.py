"""The admin form every page on the site builds on (BasePage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm

from institute.media_choices import refuse_media_not_choosable

SCHEDULE_FIELDS = ("go_live_at", "expire_at")


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
        if self.is_bound and any(field in self.errors for field in SCHEDULE_FIELDS):
            self.add_error(
                None,
                "The publishing schedule needs changing: open “Set schedule” in the status side panel "
                "and change or clear the dates.",
            )
