from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    PEOPLE = "people", _("People")
    FIRMS = "firms", _("Firms")
    INSTITUTIONS = "institutions", _("Institutions and the Economy")


class PublicationType(models.TextChoices):
    WORKING_PAPER = "working-paper", _("Working paper")
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    REPORT = "report", _("Report")
    JOURNAL_ARTICLE = "journal-article", _("Journal article")
    INSIGHTS_PAPER = "insights-paper", _("Insights paper")
    DATA_SET = "data-set", _("Data set")


class PersonRole(models.TextChoices):
    """The roles the people directory filters by. Each is read from what the site already records."""

    THEME_LEAD = "theme-lead", _("Theme lead")
    FORUM_CHAIR = "forum-chair", _("Forum chair")
    FORUM_LEAD = "forum-lead", _("Forum lead")
    RESEARCHER = "researcher", _("Researcher")
    STAFF = "staff", _("Staff")
