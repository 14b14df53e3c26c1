from django.core.management.base import BaseCommand, CommandError

from news.newsletter import newsletter_email, recipients


class Command(BaseCommand):
    help = (
        "Send an issue of the newsletter (plain text from a file) to every confirmed subscriber, or, with "
        "--forum or --theme, to those who chose one of them or chose nothing in particular. Each message is "
        "queued for the task worker and ends with its own unsubscribe link."
    )

    def add_arguments(self, parser):
        parser.add_argument("--subject", required=True)
        parser.add_argument("--text-file", required=True, help="the issue's text, UTF-8")
        parser.add_argument("--forum", action="append", default=[], help="a forum's slug; may be repeated")
        parser.add_argument("--theme", action="append", default=[], help="a research theme's slug; may be repeated")

    def handle(self, *args, subject, text_file, forum, theme, **options):
        try:
            with open(text_file, encoding="utf-8") as file:
                text = file.read().strip()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {text_file}: {error}") from error
        if not text:
            raise CommandError(f"{text_file} is empty.")
        sent = 0
        for subscription in recipients(forum_slugs=forum, theme_slugs=theme).iterator():
            newsletter_email(subscription, subject, "news/newsletter/issue_email.txt", {"text": text}).send()
            sent += 1
        self.stdout.write(f"Queued {sent} message{'s' if sent != 1 else ''}.")
