"""Signing in: failed attempts limited by django-axes, and optional two-factor sign-in (TOTP, django-otp).

Every sign-in goes through the Wagtail admin's login page, whose form (`forms.LoginForm`) asks for the
code of an authenticator app when the account has one. Staff turn it on and off themselves under
Account → More actions → Two-factor sign-in.
"""
