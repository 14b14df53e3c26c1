from django.db import models


class EventType(models.TextChoices):
    CONFERENCE = "conference", "Conference"
    WEBINAR = "webinar", "Webinar"
    WORKSHOP = "workshop", "Workshop"
    FORUM_MEETING = "forum-meeting", "Forum meeting"
    PRODUCTIVITY_WEEK = "productivity-week", "Productivity Week"
    OTHER = "other", "Other"


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid"


class When(models.TextChoices):
    """Which side of now a listing shows: an event is upcoming until it ends."""

    UPCOMING = "upcoming", "Upcoming events"
    PAST = "past", "Past events"


class RegistrationState(models.TextChoices):
    OPEN = "open", "Registration open"
    CLOSED = "closed", "Registration closed"
    PAST = "past", "This event has ended"
    NOT_NEEDED = "not-needed", "No registration needed"
