"""The admin form every page on the site builds on (BasePage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm

SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class SitePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self._name_schedule_errors()
        return cleaned_data

    def _name_schedule_errors(self):
        """Wagtail shows schedule errors only inside the closed “Set schedule” dialog, so the editor sees a
        page that will not publish and no reason. A form-wide error puts them in the message at the top."""
        if any(field in self.errors for field in SCHEDULE_FIELDS):
            self.add_error(
                None,
                "The publishing schedule needs changing: open “Set schedule” in the status side panel "
                "and change or clear the dates.",
            )
