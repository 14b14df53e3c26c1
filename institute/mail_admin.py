"""Admin → Form e-mails: whether each form submission's e-mail reached the mail server.

Read-only for staff ("Staff editors" get the model's permissions with the rest of the institute app's
content, see institute/access.py); forum leads do not see it. A failed e-mail can be sent again.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.views import View

from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from institute.mail import send_again
from institute.models import FormEmail


class FormEmailIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("submission__page")


class FormEmailInspectView(InspectView):
    send_again_url_name = None

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value

    def get_body_display_value(self):
        return linebreaksbr(self.object.body)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.can_send_again and self.user_has_permission("change"):
            context["send_again_url"] = reverse(self.send_again_url_name, args=[self.object.pk])
        return context


class FormEmailSendAgainView(PermissionCheckedMixin, View):
    model = FormEmail
    permission_required = "change"
    http_method_names = ["post"]
    index_url_name = None

    def post(self, request, pk):
        email = get_object_or_404(FormEmail, pk=pk, status=FormEmail.Status.FAILED)
        send_again(email)
        email.refresh_from_db()
        messages.success(request, f"The e-mail “{email}” to {email.to_address}: {email.get_status_display()}.")
        return redirect(self.index_url_name)


class FormEmailViewSet(ModelViewSet):
    model = FormEmail
    icon = "mail"
    menu_label = "Form e-mails"
    menu_order = 710  # after Wagtail's Forms
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = FormEmailIndexView
    inspect_view_class = FormEmailInspectView
    inspect_template_name = "institute/admin/form_email_inspect.html"
    list_display = ["subject", "to_address", "form_page", "status", "attempts", "created_at", "last_error"]
    list_filter = ["status"]
    inspect_view_fields = [
        "subject",
        "to_address",
        "from_address",
        "form_page",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "body",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Records of what happened: nobody adds, edits or deletes them here.
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, history_url_name=None, **kwargs
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(send_again_url_name=self.get_url_name("send_again"), **kwargs)

    def get_urlpatterns(self):
        send_again_view = FormEmailSendAgainView.as_view(index_url_name=self.get_url_name("index"))
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("send-again/<int:pk>/", send_again_view, name="send_again"),
        ]
