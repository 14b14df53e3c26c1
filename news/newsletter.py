"""The newsletter: sign-up at /newsletter/, confirmation by a link e-mailed to the address (double opt-in),
and an unsubscribe link in every message. Everything stays on this site: subscribers are kept in the
database (`NewsletterSubscription`), staff see and export them in the admin (news/wagtail_hooks.py), and
mail goes through the site's own queue (institute/queued_email.py).

Links in e-mails are fetched by mail scanners before anyone clicks them, so opening a link changes
nothing: the page it opens has a button that does.
"""

import hashlib
from urllib.parse import urljoin

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from forums.models import ForumPage
from institute.client_address import client_ip
from institute.forms import SPAM_TRAP_FIELD, RateLimit, client_network, spam_trap_field
from institute.structured_data import absolute_url
from news.models import NewsletterSubscription, new_subscription_token
from research.models import ResearchThemePage

SENT_PARAMETER = "sent"
SIGN_UP_DESCRIPTION = gettext_lazy(
    "News, events and research from the institute and its forums, by e-mail. "
    "We send it from this site only, and every message has a link to unsubscribe."
)


class SignUpForm(forms.Form):
    template_name_label = "components/form_label.html"  # "(required)" in words, as on the site's other forms

    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=NewsletterSubscription._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=gettext_lazy("Name"),
        required=False,
        max_length=NewsletterSubscription._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    # Chosen by slug, as the listings' filters are: a forged value is an invalid choice, never a database error.
    forums = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Regional forums"),
        queryset=ForumPage.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("News and events of the forums you tick."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Research themes"),
        queryset=ResearchThemePage.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Research and publications on the themes you tick."),
    )

    def __init__(self, *args, client_address="", **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["forums"].queryset = ForumPage.objects.live().public().originals().order_by("title")
        self.fields["themes"].queryset = ResearchThemePage.objects.live().public().originals().order_by("title")
        self.fields[SPAM_TRAP_FIELD] = spam_trap_field()
        self.client_address = client_address

    def clean_email(self):
        # The domain is case-insensitive; the address is unique whatever its case (the model's constraint).
        return BaseUserManager.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(SPAM_TRAP_FIELD, ""):
            raise ValidationError(_("You could not be signed up. Please leave the last field empty."))
        # Checked last, so that only a sign-up that would send an e-mail counts towards the limits.
        if not self.errors and not all(limit.allow() for limit in self.rate_limits(cleaned_data["email"])):
            minutes = settings.NEWSLETTER_SIGN_UP_PERIOD // 60
            raise ValidationError(
                _(
                    "There have been several sign-ups from here or for this address in the last %(minutes)s "
                    "minutes. Please try again later."
                )
                % {"minutes": minutes}
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


def site_url(path, request=None):
    """`path` on the address the visitor used; a message sent outside any request names the default site."""
    if request is not None:
        return absolute_url(request, path)
    site = Site.objects.filter(is_default_site=True).first()
    return urljoin(site.root_url if site else settings.WAGTAILADMIN_BASE_URL, path)


def unsubscribe_url(subscription, request=None):
    return site_url(reverse("newsletter:unsubscribe", args=[subscription.token]), request)


def newsletter_email(subscription, subject, template_name, context=None, request=None):
    """An e-mail to one subscriber, as every message of the newsletter is: its text ends with the
    unsubscribe link, and its headers give the same link to mail programs, which show an unsubscribe
    button and may use it with a single POST (RFC 2369, RFC 8058)."""
    link = unsubscribe_url(subscription, request)
    body = render_to_string(template_name, {**(context or {}), "subscription": subscription, "unsubscribe_url": link})
    return EmailMessage(
        subject,
        body,
        to=[subscription.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def recipients(forum_slugs=(), theme_slugs=()):
    """Who an issue goes to: every confirmed subscriber, or for an issue about some forums or themes, those who
    chose one of them or chose nothing in particular (which is everything)."""
    subscribed = NewsletterSubscription.objects.subscribed()
    if not forum_slugs and not theme_slugs:
        return subscribed
    return subscribed.filter(
        Q(forums__slug__in=forum_slugs) | Q(themes__slug__in=theme_slugs) | Q(forums=None, themes=None)
    ).distinct()


def subscribe(data, request):
    """Keep a sign-up and e-mail the address. Someone already subscribed is told so, and nothing changes:
    anyone can type anyone's address, and the visitor sees the same page either way. For the same reason the
    e-mails never repeat what the visitor typed (the name): it would let anyone write to any address."""
    subscription = NewsletterSubscription.objects.get_or_create(
        email__iexact=data["email"], defaults={"email": data["email"]}
    )[0]
    if subscription.is_subscribed:
        newsletter_email(
            subscription,
            _("You already receive our newsletter"),
            "news/newsletter/already_subscribed_email.txt",
            request=request,
        ).send()
        return
    subscription.name = data["name"]
    # A new link for each sign-up: one sent before (or the unsubscribe link, which never changes) cannot
    # confirm what someone else asked for since.
    subscription.confirmation_token = new_subscription_token()
    subscription.confirmation_sent_at = timezone.now()
    subscription.confirmed_at = subscription.unsubscribed_at = None
    subscription.save()
    subscription.forums.set(data["forums"])
    subscription.themes.set(data["themes"])
    confirm_url = site_url(reverse("newsletter:confirm", args=[subscription.confirmation_token]), request)
    newsletter_email(
        subscription,
        _("Please confirm your newsletter subscription"),
        "news/newsletter/confirmation_email.txt",
        {"confirm_url": confirm_url, "days": settings.NEWSLETTER_CONFIRMATION_PERIOD.days},
        request=request,
    ).send()


# Each page holds a form with a CSRF token or a subscriber's own link: none is kept in any cache.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request):
    form = SignUpForm(request.POST if request.method == "POST" else None, client_address=client_ip(request) or "")
    if form.is_valid():
        subscribe(form.cleaned_data, request)
        # Redirect after the POST, so that reloading the page does not sign up (and e-mail) again.
        return HttpResponseRedirect(f"{reverse('newsletter:sign_up')}?{SENT_PARAMETER}")
    context = {"form": form, "sent": SENT_PARAMETER in request.GET, "description": SIGN_UP_DESCRIPTION}
    return render(request, "news/newsletter/sign_up.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription = get_object_or_404(
        NewsletterSubscription.objects.prefetch_related("forums", "themes"), confirmation_token=token
    )
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
