"""The newsletter: sign-up at /newsletter/, confirmation by a link e-mailed to the address (double opt-in),
and an unsubscribe link in every message. Everything stays on this site: subscribers are kept in the
database (`NewsletterSubscription`), staff see and export them in the admin (news/wagtail_hooks.py), and
mail goes through the site's own queue (institute/queued_email.py).

Links in e-mails are fetched by mail scanners before anyone clicks them, so opening a link changes
nothing: the page it opens has a button that does.
"""

import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from forums.models import ForumPage
from institute.client_address import client_ip
from institute.forms import SPAM_TRAP_FIELD, RateLimit, client_network, spam_trap_field
from news.models import NewsletterSubscription
from research.models import ResearchThemePage

SENT_PARAMETER = "sent"


class SignUpForm(forms.Form):
    template_name_label = "components/form_label.html"  # "(required)" in words, as on the site's other forms

    email = forms.EmailField(
        label="E-mail address",
        max_length=NewsletterSubscription._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=NewsletterSubscription._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    forums = forms.ModelMultipleChoiceField(
        label="Regional forums",
        queryset=ForumPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="News and events of the forums you tick.",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Research themes",
        queryset=ResearchThemePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Research and publications on the themes you tick.",
    )

    def __init__(self, *args, client_address="", **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["forums"].queryset = ForumPage.objects.live().public().order_by("title")
        self.fields["themes"].queryset = ResearchThemePage.objects.live().public().order_by("title")
        self.fields[SPAM_TRAP_FIELD] = spam_trap_field()
        self.client_address = client_address

    def clean_email(self):
        # The domain is case-insensitive; the address is unique whatever its case (the model's constraint).
        return BaseUserManager.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(SPAM_TRAP_FIELD, ""):
            raise ValidationError("You could not be signed up. Please leave the last field empty.")
        # Checked last, so that only a sign-up that would send an e-mail counts towards the limits.
        if not self.errors and not all(limit.allow() for limit in self.rate_limits(cleaned_data["email"])):
            minutes = settings.NEWSLETTER_SIGN_UP_PERIOD // 60
            raise ValidationError(
                f"There have been several sign-ups from here or for this address in the last {minutes} minutes. "
                "Please try again later."
            )
        return cleaned_data

    def rate_limits(self, email):
        # The address is hashed: the cache has no need to hold it, and a key must be short and plain.
        email_key = hashlib.sha256(email.lower().encode()).hexdigest()
        period = settings.NEWSLETTER_SIGN_UP_PERIOD
        return [
            RateLimit(
                f"newsletter-sign-ups:ip:{client_network(self.client_address)}",
                settings.NEWSLETTER_SIGN_UPS_PER_IP,
                period,
            ),
            RateLimit(f"newsletter-sign-ups:email:{email_key}", settings.NEWSLETTER_SIGN_UPS_PER_EMAIL, period),
        ]


def absolute_url(path):
    return Site.objects.get(is_default_site=True).root_url + path


def unsubscribe_url(subscription):
    return absolute_url(reverse("newsletter:unsubscribe", args=[subscription.token]))


def newsletter_email(subscription, subject, template_name, context=None):
    """An e-mail to one subscriber, as every message of the newsletter is: its text ends with the
    unsubscribe link, and its headers give the same link to mail programs, which show an unsubscribe
    button and may use it with a single POST (RFC 2369, RFC 8058)."""
    link = unsubscribe_url(subscription)
    body = render_to_string(template_name, {**(context or {}), "subscription": subscription, "unsubscribe_url": link})
    return EmailMessage(
        subject,
        body,
        to=[subscription.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def subscribe(data):
    """Keep a sign-up and e-mail the address. Someone already subscribed is told so, and nothing changes:
    anyone can type anyone's address, and the visitor sees the same page either way. For the same reason the
    e-mails never repeat what the visitor typed (the name): it would let anyone write to any address."""
    subscription, _ = NewsletterSubscription.objects.get_or_create(
        email__iexact=data["email"], defaults={"email": data["email"]}
    )
    if subscription.is_subscribed:
        newsletter_email(
            subscription, "You already receive our newsletter", "news/newsletter/already_subscribed_email.txt"
        ).send()
        return
    subscription.name = data["name"]
    subscription.confirmation_sent_at = timezone.now()
    subscription.confirmed_at = subscription.unsubscribed_at = None
    subscription.save()
    subscription.forums.set(data["forums"])
    subscription.themes.set(data["themes"])
    confirm_url = absolute_url(reverse("newsletter:confirm", args=[subscription.token]))
    newsletter_email(
        subscription,
        "Please confirm your newsletter subscription",
        "news/newsletter/confirmation_email.txt",
        {"confirm_url": confirm_url, "days": settings.NEWSLETTER_CONFIRMATION_PERIOD.days},
    ).send()


# Each page holds a form with a CSRF token or a subscriber's own link: none is kept in any cache.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request):
    form = SignUpForm(request.POST if request.method == "POST" else None, client_address=client_ip(request) or "")
    if form.is_valid():
        subscribe(form.cleaned_data)
        # Redirect after the POST, so that reloading the page does not sign up (and e-mail) again.
        return HttpResponseRedirect(f"{reverse('newsletter:sign_up')}?{SENT_PARAMETER}")
    return render(request, "news/newsletter/sign_up.html", {"form": form, "sent": SENT_PARAMETER in request.GET})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription = get_object_or_404(NewsletterSubscription.objects.prefetch_related("forums", "themes"), token=token)
    if not subscription.is_subscribed and (subscription.unsubscribed_at or subscription.confirmation_has_expired()):
        return render(request, "news/newsletter/confirm.html", {"expired": True}, status=410)
    if request.method == "POST" and not subscription.is_subscribed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return render(request, "news/newsletter/confirm.html", {"subscription": subscription})


@never_cache
# The token in the address is the proof, which no other site can know; and mail programs' one-click
# unsubscribe (RFC 8058) POSTs here without any cookie, so without a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    if request.method == "POST" and subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return render(request, "news/newsletter/unsubscribe.html", {"subscription": subscription})
