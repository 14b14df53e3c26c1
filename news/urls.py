from django.urls import path

from news import newsletter

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", newsletter.sign_up, name="sign_up"),
    path("newsletter/confirm/<slug:token>/", newsletter.confirm, name="confirm"),
    path("newsletter/unsubscribe/<slug:token>/", newsletter.unsubscribe, name="unsubscribe"),
]
