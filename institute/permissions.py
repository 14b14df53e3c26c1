"""Who may add and change a Person.

Editors with the model permission (staff) may do anything. Besides them, a signed-in user may change the
Person linked to them, and forum editors may add people (a speaker, a forum member) and change the people
they added until staff take them over by clearing `Person.added_by`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from forums.models import ForumAccess

ADD_ACTION = "add"
CHANGE_ACTION = "change"


class PersonPermissionPolicy(ModelPermissionPolicy):
    def _has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def _owns_a_profile(self, user):
        # Asked several times per admin page: remember the answer on the user for this request.
        if not hasattr(user, "_owns_a_profile"):
            user._owns_a_profile = user.is_active and self.model._default_manager.filter(user=user).exists()
        return user._owns_a_profile

    def _edits_a_forum(self, user):
        # Remembered on the user for this request, as `_owns_a_profile`.
        if not hasattr(user, "_edits_a_forum"):
            user._edits_a_forum = user.is_active and ForumAccess.objects.filter(editors__user=user).exists()
        return user._edits_a_forum

    def user_has_permission(self, user, action):
        if self._has_model_permission(user, action):
            return True
        if action == ADD_ACTION:
            return self._edits_a_forum(user)
        if action == CHANGE_ACTION:
            return self._owns_a_profile(user) or self._edits_a_forum(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if self._has_model_permission(user, action):
            return True
        if action != CHANGE_ACTION or not user.is_active:
            return False
        return instance.user_id == user.pk or (instance.added_by_id == user.pk and self._edits_a_forum(user))

    def instances_user_has_any_permission_for(self, user, actions):
        people = self.model._default_manager
        if any(self._has_model_permission(user, action) for action in actions):
            return people.all()
        if CHANGE_ACTION not in actions or not user.is_active:
            return people.none()
        if self._edits_a_forum(user):
            return people.filter(Q(user=user) | Q(added_by=user))
        return people.filter(user=user)

    def users_with_any_permission_for_instance(self, actions, instance):
        allowed = Q(pk__in=super().users_with_any_permission(actions).values("pk"))
        if CHANGE_ACTION in actions:
            if instance.user_id:
                allowed |= Q(pk=instance.user_id, is_active=True)
            if instance.added_by_id:
                forum_editors = ForumAccess.objects.values("editors__user")
                allowed |= Q(pk=instance.added_by_id, is_active=True) & Q(pk__in=forum_editors)
        return get_user_model().objects.filter(allowed)

    def added_by_for_new_person(self, user):
        """Whom a new person records as having added them: the forum editor, so that they may go on editing
        the person; nobody when staff add one, as staff manage it anyway."""
        return None if self._has_model_permission(user, ADD_ACTION) else user
