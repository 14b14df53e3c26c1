"""schema.org `Event` data for an event page, for search engines and link previews (rendered as JSON-LD)."""

from django.conf import settings

from wagtail.models import Site

from events.choices import EventFormat
from events.dates import local

ATTENDANCE_MODES = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def schema_date(event, moment):
    """A date for all-day events; otherwise the UK time with its offset, e.g. 2023-11-27T09:30:00+00:00."""
    return local(moment).date().isoformat() if event.is_all_day else local(moment).isoformat()


def event_structured_data(event, request):
    _, last_day = event.days
    site = Site.find_for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": event.get_full_url(request),
        "startDate": schema_date(event, event.starts_at),
        "endDate": last_day.isoformat() if event.is_all_day else schema_date(event, event.ends_at),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": site.root_url + "/" if site else request.build_absolute_uri("/"),
        },
    }
    if event.event_format in ATTENDANCE_MODES:
        data["eventAttendanceMode"] = ATTENDANCE_MODES[event.event_format]
    locations = []
    if event.is_in_person and (event.venue_name or event.venue_lines):
        place = {"@type": "Place", "name": event.venue_name or event.venue_lines[0]}
        if event.venue_lines:
            place["address"] = {"@type": "PostalAddress", "streetAddress": ", ".join(event.venue_lines)}
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url or data["url"]})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.hero_image_id:
        data["image"] = [request.build_absolute_uri(event.hero_image.file.url)]
    performers = [{"@type": "Person", "name": speaker.person.full_name} for speaker in event.speaker_list]
    if performers:
        data["performer"] = performers
    if event.registration_url:
        offer = {"@type": "Offer", "url": event.registration_url}
        if event.registration_deadline:
            offer["validThrough"] = local(event.registration_deadline).isoformat()
        data["offers"] = offer
    return data
