"""How a publication is cited: the formatted reference on its page, and BibTeX and RIS files to download.

The files are written by bibtexparser and rispy, so escaping and layout follow each format's rules.
"""

from dataclasses import dataclass

import bibtexparser
import rispy
from bibtexparser import model
from bibtexparser.middlewares import LatexEncodingMiddleware

from research.choices import PublicationType

PUBLISHER = "The Productivity Institute"
# (BibTeX entry type, RIS reference type) for each kind of publication.
FORMAT_TYPES = {
    PublicationType.WORKING_PAPER: ("techreport", "RPRT"),
    PublicationType.POLICY_BRIEF: ("techreport", "RPRT"),
    PublicationType.REPORT: ("techreport", "RPRT"),
    PublicationType.INSIGHTS_PAPER: ("techreport", "RPRT"),
    PublicationType.JOURNAL_ARTICLE: ("article", "JOUR"),
    PublicationType.DATA_SET: ("misc", "DATA"),
}


class RisWriter(rispy.RisWriter):
    """RIS as reference managers read it: each record starts with its TY tag, with no counter line before."""

    def set_header(self, count):
        return ""


def one_line(value):
    """RIS tags hold one line each: a line break in an abstract would start an untagged line."""
    return " ".join(value.split()) if isinstance(value, str) else value


@dataclass(frozen=True)
class Author:
    name: str

    @property
    def family_name(self):
        return self.name.rsplit(" ", 1)[-1]

    @property
    def given_names(self):
        return self.name.rsplit(" ", 1)[0] if " " in self.name else ""

    @property
    def inverted(self):
        """“Marwick, Helen”: the form BibTeX and RIS expect."""
        return f"{self.family_name}, {self.given_names}" if self.given_names else self.family_name

    @property
    def initialled(self):
        """“Marwick, H.”: the form a formatted reference uses."""
        initials = " ".join(f"{part[0]}." for part in self.given_names.split())
        return f"{self.family_name}, {initials}" if initials else self.family_name


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    authors: tuple[Author, ...]
    publication_type: str
    type_label: str
    date: object
    url: str
    doi: str = ""
    journal: str = ""
    number: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    pdf_url: str = ""

    @classmethod
    def for_publication(cls, publication, request=None):
        pdf = publication.pdf
        _, site_root, _ = publication.get_url_parts(request)
        return cls(
            key=f"tpi{publication.publication_date.year}{publication.slug.replace('-', '')[:24]}",
            title=publication.title,
            authors=tuple(Author(author.display_name) for author in publication.author_list),
            publication_type=publication.publication_type,
            type_label=publication.get_publication_type_display(),
            date=publication.publication_date,
            url=publication.get_full_url(request),
            doi=publication.doi,
            journal=publication.journal,
            number=publication.report_number,
            abstract=publication.abstract,
            keywords=tuple(tag.name for tag in publication.keywords.all()),
            pdf_url=f"{site_root}{pdf.url}" if pdf else "",
        )

    publisher = PUBLISHER

    @property
    def is_article(self):
        return self.publication_type == PublicationType.JOURNAL_ARTICLE

    @property
    def formatted(self):
        """A Harvard-style reference: Marwick, H. and Nowak, T. (2024) Title. Working paper 045. Publisher. DOI."""
        names = [author.initialled for author in self.authors]
        credit = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
        where = self.journal if self.is_article else " ".join(filter(None, [self.type_label, self.number]))
        parts = [f"{credit} ({self.date.year})" if credit else f"{PUBLISHER} ({self.date.year})", f"{self.title}."]
        parts.append(f"{where}." if where else "")
        if not self.is_article:
            parts.append(f"{PUBLISHER}.")
        parts.append(f"https://doi.org/{self.doi}" if self.doi else self.url)
        return " ".join(part for part in parts if part)

    def bibtex(self):
        entry_type, _ = FORMAT_TYPES[self.publication_type]
        fields = {
            "title": self.title,
            "author": " and ".join(author.inverted for author in self.authors),
            "year": str(self.date.year),
            "url": self.url,
        }
        if self.is_article:
            fields["journal"] = self.journal
        else:
            fields.update({"institution": PUBLISHER, "type": self.type_label, "number": self.number})
        fields.update({"doi": self.doi, "abstract": self.abstract, "keywords": ", ".join(self.keywords)})
        entry = model.Entry(entry_type, self.key, [model.Field(name, value) for name, value in fields.items() if value])
        # The encoder escapes what LaTeX would read as markup (& % $ # _ { }) and spells accents its way.
        return bibtexparser.write_string(bibtexparser.Library([entry]), prepend_middleware=[LatexEncodingMiddleware()])

    def ris(self):
        _, reference_type = FORMAT_TYPES[self.publication_type]
        record = {
            "type_of_reference": reference_type,
            "title": self.title,
            "authors": [author.inverted for author in self.authors],
            "year": str(self.date.year),
            "date": self.date.strftime("%Y/%m/%d"),
            "publisher": PUBLISHER,
            "urls": [self.url],
            "doi": self.doi,
            "journal_name": self.journal if self.is_article else "",
            "secondary_title": "" if self.is_article else self.type_label,
            "number": self.number,
            "abstract": self.abstract,
            "keywords": list(self.keywords),
            "file_attachments1": self.pdf_url,
        }
        return rispy.dumps(
            [{name: one_line(value) for name, value in record.items() if value}], implementation=RisWriter
        )
