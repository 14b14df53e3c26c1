from django.db import models


class Programme(models.TextChoices):
    PEOPLE = "people", "People"
    FIRMS = "firms", "Firms"
    INSTITUTIONS = "institutions", "Institutions and the Economy"


class PublicationType(models.TextChoices):
    WORKING_PAPER = "working-paper", "Working paper"
    POLICY_BRIEF = "policy-brief", "Policy brief"
    REPORT = "report", "Report"
    JOURNAL_ARTICLE = "journal-article", "Journal article"
    INSIGHTS_PAPER = "insights-paper", "Insights paper"
    DATA_SET = "data-set", "Data set"


class PersonRole(models.TextChoices):
    """The roles the people directory filters by. Each is read from what the site already records."""

    THEME_LEAD = "theme-lead", "Theme lead"
    FORUM_CHAIR = "forum-chair", "Forum chair"
    FORUM_LEAD = "forum-lead", "Forum lead"
    RESEARCHER = "researcher", "Researcher"
    STAFF = "staff", "Staff"
