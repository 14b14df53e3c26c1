from binascii import unhexlify

from django import forms
from django.contrib.auth import authenticate, user_login_failed
from django.db import transaction

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from django_otp import verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

CODE_HELP = "The 6-digit code your authenticator app shows now."
WRONG_CODE = "That code is not right. Codes change every 30 seconds: enter the one your app shows now."


def two_factor_device(user):
    """The user's authenticator app, if they have turned two-factor sign-in on."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def code_field(**kwargs):
    return forms.CharField(
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        **kwargs,
    )


def digits(code):
    """The code as typed, without the space some apps show in the middle; None unless it is all digits."""
    code = code.replace(" ", "")
    return code if code.isdigit() else None


class LoginForm(WagtailLoginForm):
    """The admin's sign-in form: an account with two-factor sign-in also needs its current code."""

    code = code_field(
        label="Two-factor code",
        required=False,
        help_text="Only if you have turned on two-factor sign-in: the 6-digit code your authenticator app shows now.",
    )

    error_messages = {
        **WagtailLoginForm.error_messages,
        "code_required": "This account uses two-factor sign-in: enter the code your authenticator app shows.",
        "wrong_code": WRONG_CODE,
    }

    def clean(self):
        cleaned_data = super().clean()
        if self.user_cache is None:  # the username or password was left empty: already a form error
            return cleaned_data
        device = two_factor_device(self.user_cache)
        if device is None:
            return cleaned_data
        if not cleaned_data.get("code"):
            raise forms.ValidationError(self.error_messages["code_required"], code="code_required")
        code = digits(cleaned_data["code"])
        if code is None or verify_token(self.user_cache, device.persistent_id, code) is None:
            # A wrong code counts as a failed sign-in, so guessing codes meets the same lock-out as
            # guessing passwords (on top of django-otp slowing down each device after a failure).
            user_login_failed.send(
                sender=type(self), credentials={"username": cleaned_data["username"]}, request=self.request
            )
            raise forms.ValidationError(self.error_messages["wrong_code"], code="wrong_code")
        return cleaned_data


class TurnOnForm(forms.Form):
    """Turns two-factor sign-in on once the app gives a right code for the secret key it was shown."""

    password = forms.CharField(label="Your password", strip=False, widget=forms.PasswordInput)
    code = code_field(label="Code from the app", help_text=CODE_HELP)

    def __init__(self, *args, request, key, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user
        self.key = key

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate(), so wrong passwords here count towards the lock-out too.
        user = authenticate(self.request, username=self.user.get_username(), password=password)
        if user is None or user.pk != self.user.pk:
            raise forms.ValidationError("That is not your password.", code="wrong_password")
        return password

    def clean_code(self):
        code = digits(self.cleaned_data["code"])
        self.totp = TOTP(unhexlify(self.key))
        if code is None or not self.totp.verify(int(code), tolerance=1):
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return code

    @transaction.atomic
    def save(self):
        TOTPDevice.objects.filter(user=self.user).delete()
        # last_t: the code just given cannot be used again to sign in.
        return TOTPDevice.objects.create(
            user=self.user, name="Authenticator app", key=self.key, confirmed=True, last_t=self.totp.t()
        )


class TurnOffForm(forms.Form):
    """Turns two-factor sign-in off; a current code shows it is the owner of the app asking."""

    code = code_field(label="Code from the app", help_text=CODE_HELP)

    def __init__(self, *args, request, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = request.user
        self.device = device

    def clean_code(self):
        code = digits(self.cleaned_data["code"])
        if code is None or verify_token(self.user, self.device.persistent_id, code) is None:
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return code

    def save(self):
        TOTPDevice.objects.filter(user=self.user).delete()
