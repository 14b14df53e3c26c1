from django import forms
from django.core.exceptions import ValidationError

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# A hyphen: field names made from editors' labels never contain one, so no real field is replaced.
SPAM_TRAP_FIELD = "spam-trap"


class SpamTrapForm(BaseForm):
    """A field people never see or reach with the keyboard; form-filling robots fill it in."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(SPAM_TRAP_FIELD, ""):
            raise ValidationError("Your message could not be sent. Please leave the last field empty.")
        return cleaned_data


class SpamTrapFormBuilder(FormBuilder):
    @property
    def formfields(self):
        fields = super().formfields
        fields[SPAM_TRAP_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
            template_name="components/spam_trap_field.html",
        )
        return fields

    def get_form_class(self):
        return type("WagtailForm", (SpamTrapForm,), self.formfields)
