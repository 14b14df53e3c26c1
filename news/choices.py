from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    BLOG = "blog", _("Blog post")
    PRESS_RELEASE = "press-release", _("Press release")
    OPINION = "opinion", _("Opinion")
