"""Logging that keeps client errors to one line, and error reports that cannot fail a request."""

import logging

from django.utils.log import AdminEmailHandler


class NoTracebackForClientErrors(logging.Filter):
    """A bad Host header or a forged form is the client's mistake: one line, not a traceback."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True


class SafeAdminEmailHandler(AdminEmailHandler):
    """Django's error e-mail to ADMINS (queued like all the site's e-mail, see queued_email.py)."""

    def emit(self, record):
        # Django's handler reads the request's form for the report, which raises again if the form
        # was what failed; logging must never turn one error into another.
        try:
            super().emit(record)
        except Exception:
            self.handleError(record)
