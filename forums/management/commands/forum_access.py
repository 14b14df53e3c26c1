from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from forums.access import grant, revoke
from forums.models import ForumAccess, ForumPage


class Command(BaseCommand):
    help = "Grant or revoke an account's right to edit a forum, or list who may edit each forum."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        for name, verb in (("grant", "Let"), ("revoke", "Stop")):
            action = actions.add_parser(name, help=f"{verb} an account edit a forum's pages and media.")
            action.add_argument("forum", help="The forum's slug, e.g. scotland.")
            action.add_argument("user", help="A username or e-mail address.")
        listing = actions.add_parser("list", help="List each forum's editors.")
        listing.add_argument("forum", nargs="?", help="Only this forum (its slug).")

    def handle(self, *args, action, forum=None, user=None, **options):
        if action == "list":
            forums = [find_forum(forum)] if forum else ForumPage.objects.order_by("title")
            for each in forums:
                self.list_editors(each)
            return
        forum, user = find_forum(forum), find_user(user)
        if action == "grant":
            grant(forum, user)
            self.stdout.write(f"{user.get_username()} may now edit {forum.title}.")
        else:
            revoke(forum, user)
            self.stdout.write(f"{user.get_username()} may no longer edit {forum.title}.")

    def list_editors(self, forum):
        access = ForumAccess.objects.filter(forum=forum).select_related("editors").first()
        if access is None or access.editors is None:
            self.stdout.write(f"{forum.slug}: no editors' group yet (it is made when the forum is next saved)")
            return
        editors = access.editors.user_set.order_by("username")
        approval = " (changes need approval)" if access.changes_need_approval else ""
        self.stdout.write(f"{forum.slug}: {access.editors.name}{approval}")
        for editor in editors:
            lead = " (forum lead)" if editor.pk == access.lead_user_id else ""
            self.stdout.write(f"  {editor.get_username()} <{editor.email}>{lead}")
        if not editors:
            self.stdout.write("  (no editors)")


def find_forum(slug):
    forum = ForumPage.objects.filter(slug=slug).first()
    if forum is None:
        known = ", ".join(ForumPage.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
        raise CommandError(f"No forum with the slug “{slug}” (forums: {known}).")
    return forum


def find_user(username_or_email):
    matches = get_user_model().objects.filter(Q(username=username_or_email) | Q(email__iexact=username_or_email))
    if len(matches) != 1:
        problem = "No account" if not matches else "More than one account"
        raise CommandError(f"{problem} with the username or e-mail “{username_or_email}”.")
    return matches[0]
