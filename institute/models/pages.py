from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from institute.blocks import RICH_TEXT_FEATURES, BodyBlock, LinkBlock
from institute.client_address import client_ip
from institute.form_page_admin import FormPageForm
from institute.forms import SpamTrapFormBuilder, SubmissionRateLimit
from institute.languages import in_reading_language
from institute.mail import queue_form_email
from institute.models.mail import FormEmail
from institute.page_forms import SitePageForm
from institute.query import SitePageManager
from institute.sections import HOME_PAGE_SECTIONS, page_sections

SENT_PARAMETER = "sent"


def chosen_pages(model, related):
    """The live, public pages of `model` among a page's many-to-many choices, ordered by title, each in the
    reader's language. A translation's choices are its English page's: wagtail-localize copies them.

    Works while the page is previewed too: its choices are then held in memory, not in the database.
    """
    return in_reading_language(model.objects.live().public().originals().filter(pk__in=related.all()).order_by("title"))


class ListingFields(models.Model):
    """How a page presents itself in listings, cards and link previews."""

    listing_summary = models.CharField(
        max_length=255, blank=True, help_text="One sentence for cards and search results. Defaults to the intro."
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For cards and link previews on social media.",
    )

    promote_panels = [
        MultiFieldPanel([FieldPanel("listing_summary"), FieldPanel("listing_image")], heading="Listings"),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or getattr(self, "intro", "") or self.search_description

    @property
    def meta_description(self):
        return self.search_description or self.summary


class HeroImageFields(models.Model):
    """A large image at the top of a page. Its alt text is the image's description unless the page gives its own."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Leave empty to use the image's description. Fill in only if this page needs other words.",
    )

    class Meta:
        abstract = True

    @property
    def hero_image_alt_text(self):
        """What the hero image's alt attribute says: this page's words, else the image's description."""
        if not self.hero_image:
            return ""
        return self.hero_image_alt or self.hero_image.description


class PreviewedInItsLanguage:
    """The admin previews a page in the page's language, not the editor's: a Welsh page with its menu,
    dates and the site's words in Welsh, as visitors will see it."""

    def serve_preview(self, request, mode_name):
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):  # a TemplateResponse renders later, in the editor's language
                response.render()
        return response


class BasePage(PreviewedInItsLanguage, ListingFields, Page):
    objects = SitePageManager()
    base_form_class = SitePageForm

    promote_panels = Page.promote_panels + ListingFields.promote_panels

    class Meta:
        abstract = True


class IntroPage(BasePage):
    """A page that introduces a listing: a lead paragraph above it and optional blocks below."""

    intro = models.TextField(blank=True, max_length=600, help_text="A short lead paragraph under the title.")
    body = StreamField(BodyBlock(), blank=True, help_text="Shown below the listing.")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(HeroImageFields, BasePage):
    hero_headline = models.CharField(max_length=160, blank=True, help_text="Defaults to the page title.")
    hero_intro = models.TextField(blank=True, max_length=500)
    hero_link = StreamField([("link", LinkBlock())], blank=True, max_num=1, verbose_name="call to action")
    body = StreamField(BodyBlock(), blank=True, help_text="Shown below the hero, above the live sections.")

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_headline"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_link"),
            ],
            heading="Hero",
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "home page"

    @property
    def intro(self):
        return self.hero_intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = page_sections(HOME_PAGE_SECTIONS, request, self)
        return context


class StandardPage(BasePage):
    intro = models.TextField(blank=True, max_length=500, help_text="A short lead paragraph under the title.")
    body = StreamField(BodyBlock())

    # Any parent that lists standard pages in its subpage_types may hold them: the home page, standard
    # pages, and content areas such as forums, without this core page naming the apps built on it.
    subpage_types = ["institute.StandardPage", "institute.FormPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "standard page"


class FormField(TranslatableMixin, AbstractFormField):
    """A question of a form page; a Welsh form page has its own, in Welsh (wagtail-localize translates them)."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # The field's name keys its answers in submissions and e-mails: the same in every language.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(PreviewedInItsLanguage, ListingFields, AbstractEmailForm):
    """A form editors build themselves (contact, sign-up, feedback); submissions are kept and e-mailed."""

    intro = models.TextField(blank=True, max_length=500)
    body = StreamField(BodyBlock(), blank=True, help_text="Shown above the form, e.g. addresses and contacts.")
    thank_you_text = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text="Shown after someone sends the form."
    )
    form_builder = SpamTrapFormBuilder
    objects = SitePageManager()
    base_form_class = FormPageForm

    parent_page_types = ["institute.HomePage", "institute.StandardPage"]
    subpage_types = []
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading="E-mail the submissions",
        ),
    ]
    promote_panels = AbstractEmailForm.promote_panels + ListingFields.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "form page"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_submission(request)
        if request.method == "GET" and SENT_PARAMETER in request.GET:
            return super().render_landing_page(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def serve_submission(self, request):
        """Wagtail's handling of a POST, with the sender's address given to the form for its rate limit."""
        rate_limit = SubmissionRateLimit(self, client_ip(request) or "")
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user, rate_limit=rate_limit)
        if form.is_valid():
            return self.render_landing_page(request, self.process_form_submission(form))
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def get_submissions_list_view_class(self):
        # Imported here, as Wagtail does: the admin views need the models loaded.
        from institute.submissions import FormulaSafeSubmissionsListView

        return FormulaSafeSubmissionsListView

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        # Redirect after the POST, so reloading the thank-you page does not send the message again.
        return redirect(f"{self.get_url(request)}?{SENT_PARAMETER}")

    def process_form_submission(self, form):
        # Unlike Wagtail's, which e-mails during the request: a slow or absent mail server would keep the
        # visitor waiting, or lose the e-mail silently.
        submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
        if self.to_address:
            self.send_mail(form, submission)
        return submission

    def send_mail(self, form, submission):
        """Records the e-mail and leaves it to the task worker, which retries and records failures."""
        email = FormEmail.objects.create(
            submission=submission,
            from_address=self.from_address,
            to_address=self.to_address,
            subject=self.subject,
            body=self.render_email(form),
        )
        queue_form_email(email)
