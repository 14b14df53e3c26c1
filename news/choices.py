from django.db import models


class NewsKind(models.TextChoices):
    NEWS = "news", "News"
    BLOG = "blog", "Blog post"
    PRESS_RELEASE = "press-release", "Press release"
    OPINION = "opinion", "Opinion"
