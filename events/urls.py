from django.urls import re_path

from events import views

# Page paths as Wagtail writes them ("events/", "forums/wales/"), followed by a file name with a dot in it.
PAGE_PATH = r"^(?P<page_path>(?:[\w-]+/)+)"

urlpatterns = [
    re_path(PAGE_PATH + r"feed\.ics$", views.index_calendar, name="events_feed_ics"),
    re_path(PAGE_PATH + r"events\.ics$", views.forum_calendar, name="forum_events_ics"),
    re_path(PAGE_PATH + r"event\.ics$", views.event_calendar, name="event_ics"),
]
