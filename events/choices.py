from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    FORUM_MEETING = "forum-meeting", _("Forum meeting")
    PRODUCTIVITY_WEEK = "productivity-week", _("Productivity Week")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class When(models.TextChoices):
    """Which side of now a listing shows: an event is upcoming until it ends."""

    UPCOMING = "upcoming", _("Upcoming events")
    PAST = "past", _("Past events")


class RegistrationState(models.TextChoices):
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")
    PAST = "past", _("This event has ended")
    NOT_NEEDED = "not-needed", _("No registration needed")
