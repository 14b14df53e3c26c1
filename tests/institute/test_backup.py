"""`manage.py backup` and `restore`: one archive brings back the database and the uploaded files."""

import io
import json
import shutil
import tarfile
from http import HTTPStatus

from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest

from institute.models import FormPage, Institution, Person, StandardPage
from tests.factories import (
    DocumentFactory,
    FormFieldFactory,
    FormPageFactory,
    ImageFactory,
    InstitutionFactory,
    PersonFactory,
    PersonLinkFactory,
    StandardPageFactory,
)


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of the test's own: restoring replaces everything in it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_content(home_page):
    page = StandardPageFactory(parent=home_page, title="Skills and productivity", slug="skills")
    page.title = "Skills, management and productivity"
    page.save_revision().publish()
    page.title = "A draft title"
    page.save_revision()

    image = ImageFactory(title="Chart of output per hour")
    image.get_rendition("width-100")
    document = DocumentFactory(title="Annual review")

    institution = InstitutionFactory(name="University of Testshire", city="Leeds")
    person = PersonFactory(name="Ada Researcher", organisation=institution, short_bio="Studies firms.")
    PersonLinkFactory(person=person, label="University profile")
    person.save_revision()

    form_page = FormPageFactory(parent=home_page, slug="contact")
    FormFieldFactory(page=form_page, label="Message")
    form_page.get_submission_class().objects.create(page=form_page, form_data={"message": "Hello from Hull"})
    form_page.get_submission_class().objects.create(page=form_page, form_data={"message": "Hello from Hay"})
    return page, image, document, institution, person, form_page


def snapshot(media_root):
    """What the restore must bring back: rows, field values and the bytes of every file."""
    page = StandardPage.objects.get(slug="skills")
    image = get_image_model().objects.get()
    form_page = FormPage.objects.get(slug="contact")
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (Page, Revision, get_image_model(), get_document_model(), Person, Institution)
        },
        "page": (page.title, page.live, page.get_latest_revision_as_object().title),
        "page revisions": sorted(r.content["title"] for r in page.revisions.all()),
        "person": [(p.name, p.organisation.name, [link.label for link in p.links.all()]) for p in Person.objects.all()],
        "person revisions": [r.content["short_bio"] for r in Person.objects.get().revisions.all()],
        "institutions": list(Institution.objects.values_list("name", "city")),
        "submissions": sorted(s.get_data()["message"] for s in form_page.get_submission_class().objects.all()),
        "renditions": [r.file.name for r in image.renditions.all()],
        "files": {
            str(path.relative_to(media_root)): path.read_bytes() for path in media_root.rglob("*") if path.is_file()
        },
    }


def change_everything(page, image, document, institution, person, form_page, media_root):
    page.title = "Changed after the backup"
    page.save_revision().publish()
    image.delete()
    document.delete()
    institution.city = "Somewhere else"
    institution.save()
    person.delete()
    PersonFactory(name="Added after the backup")
    form_page.get_submission_class().objects.all().delete()
    shutil.rmtree(media_root)
    media_root.mkdir()
    (media_root / "added-after-the-backup.txt").write_text("not in the backup")


@pytest.mark.django_db(transaction=True)
def test_restore_brings_back_what_the_backup_held(client, wagtail_site, media_root, tmp_path):
    content = make_content(wagtail_site)
    before = snapshot(media_root)
    assert sorted(name.split("/")[0] for name in before["files"]) == ["documents", "images", "original_images"]

    out = io.StringIO()
    call_command("backup", output_dir=tmp_path / "backups", stdout=out)
    (archive,) = (tmp_path / "backups").glob("institute-*.tar.gz")
    assert f"Backup written to {archive}" in out.getvalue()
    assert archive.stat().st_mode & 0o777 == 0o600

    change_everything(*content, media_root)
    assert list(Person.objects.values_list("name", flat=True)) == ["Added after the backup"]
    assert [path.name for path in media_root.rglob("*")] == ["added-after-the-backup.txt"]

    call_command("restore", archive, interactive=False, stdout=io.StringIO())

    assert snapshot(media_root) == before
    assert not (media_root / "added-after-the-backup.txt").exists()
    response = client.get("/skills/")
    assert response.status_code == HTTPStatus.OK
    assert "Skills, management and productivity" in response.content.decode()


def make_archive(path, members):
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return path


def manifest(database):
    fields = {"format": "institute-backup", "version": 1, "created": "2026-01-01T12:00:00+00:00", "database": database}
    return json.dumps(fields).encode()


def plain_text(tmp):
    path = tmp / "notes.tar.gz"
    path.write_text("Not an archive at all.")
    return path


NOT_BACKUPS = {
    "missing": (lambda tmp: tmp / "missing.tar.gz", "There is no file"),
    "not an archive": (plain_text, "is not a backup made by `manage.py backup`"),
    "another archive": (lambda tmp: make_archive(tmp / "photos.tar.gz", {"photo.jpg": b"JPEG"}), "is not a backup"),
    "another database": (
        lambda tmp: make_archive(tmp / "mysql.tar.gz", {"backup.json": manifest("mysql")}),
        "holds a mysql database",
    ),
    "a path out of the folder": (
        lambda tmp: make_archive(
            tmp / "escape.tar.gz", {"backup.json": manifest(connection.vendor), "../outside.txt": b"escaped"}
        ),
        "is damaged",
    ),
    "no database": (
        lambda tmp: make_archive(tmp / "empty.tar.gz", {"backup.json": manifest(connection.vendor)}),
        "is damaged",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", NOT_BACKUPS)
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(media_root, tmp_path, case):
    make, message = NOT_BACKUPS[case]
    PersonFactory(name="Still here")
    media_root.mkdir()
    (media_root / "kept.txt").write_text("kept")

    with pytest.raises(CommandError, match=message):
        call_command("restore", make(tmp_path), interactive=False)

    assert list(Person.objects.values_list("name", flat=True)) == ["Still here"]
    assert [path.name for path in media_root.iterdir()] == ["kept.txt"]
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.django_db
def test_restore_asks_first_and_stops_unless_told_yes(media_root, tmp_path, monkeypatch):
    archive = make_archive(tmp_path / "institute-20260101-120000.tar.gz", {"backup.json": manifest(connection.vendor)})
    PersonFactory(name="Made after the backup")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", archive)

    assert Person.objects.filter(name="Made after the backup").exists()
