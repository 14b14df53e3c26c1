"""Spreadsheet downloads in the admin (a form's submissions, newsletter subscribers) that cannot run what
visitors typed.

A spreadsheet opening a CSV file reads a cell starting with = + - @, a tab or a carriage return as a
formula, so a visitor's "=HYPERLINK(…)" would run on a member of staff's computer. As OWASP advises,
such values are written with a single quote in front, which makes them text. In XLSX files cells have
a type, and Wagtail writes them as text; they get Excel's own quote-prefix mark too, so that they stay
text when someone edits the cell.
"""

from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def as_text(value):
    return f"'{value}" if looks_like_formula(value) else value


class FormulaSafeExportMixin:
    """For an admin view with spreadsheet downloads (Wagtail's SpreadsheetExportMixin) of what visitors typed."""

    def get_heading(self, queryset, field):
        # Headings are the labels editors gave the fields. In XLSX too: Wagtail writes headings as plain
        # values, which openpyxl would store as a live formula when they start with "=".
        return as_text(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return as_text(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if looks_like_formula(cell.value):
                cell.quotePrefix = True
            yield cell


class FormulaSafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    pass
