"""Who may change a Person: editors with the model permission, and each person their own profile."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

OWN_PROFILE_ACTION = "change"


class PersonPermissionPolicy(ModelPermissionPolicy):
    """Adds one rule to Django's model permissions: a signed-in user may change the Person linked to them."""

    def _has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def _owns_a_profile(self, user):
        # Asked several times per admin page: remember the answer on the user for this request.
        if not hasattr(user, "_owns_a_profile"):
            user._owns_a_profile = user.is_active and self.model._default_manager.filter(user=user).exists()
        return user._owns_a_profile

    def user_has_permission(self, user, action):
        return self._has_model_permission(user, action) or (action == OWN_PROFILE_ACTION and self._owns_a_profile(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self._has_model_permission(user, action) or (
            action == OWN_PROFILE_ACTION and user.is_active and instance.user_id == user.pk
        )

    def instances_user_has_any_permission_for(self, user, actions):
        people = self.model._default_manager
        if any(self._has_model_permission(user, action) for action in actions):
            return people.all()
        if OWN_PROFILE_ACTION in actions and user.is_active:
            return people.filter(user=user)
        return people.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        with_model_permission = Q(pk__in=super().users_with_any_permission(actions).values("pk"))
        if OWN_PROFILE_ACTION in actions and instance.user_id:
            return get_user_model().objects.filter(with_model_permission | Q(pk=instance.user_id, is_active=True))
        return get_user_model().objects.filter(with_model_permission)
