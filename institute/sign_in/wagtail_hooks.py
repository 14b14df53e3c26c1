from django.urls import path, reverse

from wagtail import hooks

from .views import TwoFactorView


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("account/two-factor/", TwoFactorView.as_view(), name="sign_in_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("sign_in_two_factor"),
        "label": "Two-factor sign-in",
        "help_text": "Ask for a code from an authenticator app on your phone as well as your password.",
    }
