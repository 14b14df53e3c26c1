from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from forums.access import remove_forum_access, sync_forum_access
from forums.models import ForumPage
from institute.models import Person

# A draft of a published forum is saved with update_fields naming only revision bookkeeping: the in-memory
# page then holds the draft's title and lead, which must not rename the group or change its members until
# the draft is published.
FIELDS_THAT_CHANGE_ACCESS = {"title", "lead", "lead_id"}


@receiver(post_save, sender=ForumPage, dispatch_uid="forums.forum_saved")
def forum_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not FIELDS_THAT_CHANGE_ACCESS & set(update_fields)):
        return
    sync_forum_access(instance)


@receiver(post_save, sender=Person, dispatch_uid="forums.person_saved")
def person_saved(sender, instance, raw=False, **kwargs):
    """A lead's account may be linked after the forum names them: it becomes an editor then."""
    if raw:
        return
    # A forum's translations name the same lead: the English page stands for the forum.
    for forum in ForumPage.objects.originals().filter(lead=instance).select_related("lead__user"):
        sync_forum_access(forum)


@receiver(pre_delete, sender=ForumPage, dispatch_uid="forums.forum_deleted")
def forum_deleted(sender, instance, **kwargs):
    remove_forum_access(instance)
