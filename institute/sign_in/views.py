from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.timesince import timeuntil
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import segno
from axes.helpers import get_cool_off
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .forms import TurnOffForm, TurnOnForm, two_factor_device

# The secret key shown while two-factor sign-in is being turned on: kept in the session, not the
# database, until the app has given a right code for it.
NEW_KEY_SESSION_KEY = "sign_in_new_totp_key"


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in form while attempts are refused (AXES_LOCKOUT_CALLABLE)."""
    now = timezone.now()
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "wait": timeuntil(now + get_cool_off(request), now)}
    return render(request, "sign_in/lockout.html", context, status=429)


@method_decorator(sensitive_post_parameters(), name="post")
class TwoFactorView(WagtailAdminTemplateMixin, FormView):
    """Turn two-factor sign-in on (scan a QR code, give a code) or off (give a code)."""

    template_name = "sign_in/two_factor.html"
    page_title = "Two-factor sign-in"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.device = two_factor_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_account"), "label": "Account"},
            {"url": "", "label": self.page_title},
        ]

    def get_form_class(self):
        return TurnOffForm if self.device else TurnOnForm

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "request": self.request}
        if self.device:
            kwargs["device"] = self.device
        else:
            kwargs["key"] = self.new_key()
        return kwargs

    def new_key(self):
        if NEW_KEY_SESSION_KEY not in self.request.session:
            self.request.session[NEW_KEY_SESSION_KEY] = random_hex()
        return self.request.session[NEW_KEY_SESSION_KEY]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["device"] = self.device
        if not self.device:
            app_setup = TOTPDevice(user=self.request.user, key=self.new_key())
            secret = b32encode(app_setup.bin_key).decode()
            context["secret"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
            context["qr_code"] = segno.make(app_setup.config_url, error="m").svg_inline(
                scale=5, light="#fff", title="QR code for your authenticator app", svgclass="two-factor-qr-code"
            )
        return context

    def form_valid(self, form):
        form.save()
        if self.device:
            messages.success(self.request, "Two-factor sign-in is off. You sign in with your password alone.")
        else:
            del self.request.session[NEW_KEY_SESSION_KEY]
            messages.success(self.request, "Two-factor sign-in is on. From now on, signing in asks for a code.")
        return redirect("sign_in_two_factor")
