from django.db import migrations

# Wagtail's first migrations make a "Moderators approval" workflow on the root page: every page would
# offer "Submit to Moderators approval" to an empty group, and the page stays locked in it. Forums that
# need approval have their own workflow (forums.access); no other page goes through one.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def turn_off_default_workflow(apps, schema_editor):
    workflows = apps.get_model("wagtailcore.Workflow").objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW)
    apps.get_model("wagtailcore.WorkflowPage").objects.filter(workflow__in=workflows).delete()
    apps.get_model("wagtailcore.WorkflowContentType").objects.filter(workflow__in=workflows).delete()
    states = apps.get_model("wagtailcore.WorkflowState").objects.filter(workflow__in=workflows, status="in_progress")
    apps.get_model("wagtailcore.TaskState").objects.filter(workflow_state__in=states, status="in_progress").update(
        status="cancelled"
    )
    states.update(status="cancelled")
    workflows.update(active=False)
    apps.get_model("wagtailcore.Task").objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("institute", "0010_empty_wagtail_default_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(turn_off_default_workflow, migrations.RunPython.noop)]
