"""Generated people and institutions for `load_demo_content --scale N`: as many more as the demo has, N - 1 times over.

Everyone and everything generated is invented and says so. People have no photos (the site shows their initials)
and institutions no logos, as the demo's businesses have none: no image is drawn for generated content.
"""

import string

from institute.choices import Honorific
from institute.demo.helpers import (
    combination,
    demo_volume,
    generator,
    indexed_at_the_end,
    numbers_to_generate,
    record_generated,
)
from institute.models import Institution, Person

FIRST_NAMES = (
    "Amelia", "Ben", "Chloe", "Daniel", "Eleanor", "Farhan", "Grace", "Hamish", "Isla", "Jacob", "Kiran", "Leah",
    "Mohammed", "Niamh", "Owen", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Usman", "Vivian", "William",
    "Yasmin", "Zoe", "Adam", "Bethan", "Callum", "Deborah", "Ethan", "Fiona", "George", "Hannah", "Ibrahim",
    "Jessica", "Kofi", "Laura", "Martin", "Nadia", "Oscar", "Poppy", "Rhys", "Sana", "Theo", "Ursula", "Victor",
    "Wen", "Xavier", "Yusuf", "Zara", "Alex", "Bronwen", "Connor", "Dina", "Emre", "Freya", "Gwen", "Hugo",
    "Imogen", "Jonah",
)  # fmt: skip
SURNAMES = (
    "Varga", "Sinha", "Nakamura", "Underwood", "Eastwood", "Pryce", "McBride", "Wilde", "Rennie", "Quayle", "Irvine",
    "Osborne", "Thorne", "Tremayne", "Dunmore", "Whitmore", "Penrose", "Grieve", "Boateng", "Young", "Birch", "Walsh",
    "Forsyth", "Desai", "Kowalski", "Zielinski", "Novak", "Iqbal", "Tindall", "O'Connell", "Gill", "Ingram",
    "Hartigan", "Khan", "Vaughan", "Nolan", "Rahman", "Brennan", "Cullen", "Hussain", "Ellison", "Dawson", "Upton",
    "Pemberton", "Redfern", "Fairbairn", "Yeo", "Moreno", "Sato", "Okonkwo", "Akhtar", "Gallagher", "Lister",
    "Baxter", "Carver", "Adair", "Kerr", "Yates", "Ferris", "Jarvis", "Jenkins", "Lindqvist", "Abbott", "Sandhu",
    "Lomax", "Mackay", "Holloway", "Ashby", "Crossley", "Chowdhury",
)  # fmt: skip
# Job titles, with the honorific that goes with each.
JOBS = (
    ("Research Fellow", Honorific.DR),
    ("Senior Lecturer in Economics", Honorific.DR),
    ("Lecturer in Management", Honorific.DR),
    ("Professor of Economics", Honorific.PROFESSOR),
    ("Professor of Economic Geography", Honorific.PROFESSOR),
    ("Research Associate", ""),
    ("Doctoral Researcher", ""),
    ("Managing Director", ""),
    ("Head of Policy", ""),
    ("Economic Development Officer", ""),
    ("Operations Director", ""),
    ("Reader in Management", Honorific.DR),
    ("Chief Economist", Honorific.DR),
)
TOPICS = (
    "management practices in small firms",
    "skills and training",
    "regional productivity gaps",
    "business investment",
    "the adoption of digital technology",
    "productivity in public services",
    "innovation and its diffusion",
    "access to finance",
    "the measurement of productivity",
    "devolution and local growth",
)

# Invented places, and the kinds of organisation the site's people work for.
PLACES = (
    "Harrowfield", "Calder Bridge", "Merrington", "Westholme", "Brackley Vale", "Dunmere", "Ashcombe",
    "Kelston", "Thornbury Moss", "Carrick Sands", "Ellesby", "Pentraeth Vale", "Glenmorie", "Oakhurst",
    "Ravensmoor", "Lynwick", "Strathallan", "Bridgeford", "Coldharbour", "Fenwick Cross", "Marlowe",
    "Tollington", "Avonmere", "Blackwater", "Cwm Derwen", "Drumlough", "Eskdale Water", "Hartsmere",
    "Inverbrae", "Wrenfield",
)  # fmt: skip
ORGANISATION_KINDS = (
    "University",
    "Business School",
    "Growth Hub",
    "Chamber of Commerce",
    "Engineering",
    "Institute of Technology",
    "Foods",
    "Software",
    "Centre for Economic Research",
    "Logistics",
    "Combined Authority",
    "Health Partnership",
)
COMPASS = ("", "North ", "South ", "East ", "West ")


def generate(scale, log):
    institutions = _institutions((scale - 1) * demo_volume(Institution))
    people = _people((scale - 1) * demo_volume(Person))
    log(
        f"Institute: generated {len(institutions)} institutions and {len(people)} people "
        f"({Institution.objects.count()} institutions and {Person.objects.count()} people in all)."
    )


def _institutions(count):
    numbers = numbers_to_generate("institution", count)
    names = {number: _institution_name(number) for number in numbers}
    # An institution an editor already added under a generated name is used as it is.
    existing = {
        institution.name: institution
        for institution in Institution.objects.filter(name__in=[name for name, _ in names.values()])
    }
    with indexed_at_the_end(Institution):
        made = {
            number: existing.get(name) or Institution.objects.create(name=name, city=city)
            for number, (name, city) in names.items()
        }
    record_generated("institution", made)
    return made


def _institution_name(number):
    """The institution's name and city."""
    (kind, place, compass), rounds = combination(number, ORGANISATION_KINDS, PLACES, COMPASS)
    return f"{compass}{place} {kind}{f' {rounds + 1}' if rounds else ''}", place


def _people(count):
    numbers = numbers_to_generate("person", count)
    institutions = list(Institution.objects.order_by("pk"))
    with indexed_at_the_end(Person):
        made = {number: _person(number, institutions) for number in numbers}
    record_generated("person", made)
    return made


def _person(number, institutions):
    (first_name, surname), rounds = combination(number, FIRST_NAMES, SURNAMES)
    # Past every pairing of the names, a middle initial keeps names apart.
    middle = f" {string.ascii_uppercase[rounds % 26]}." if rounds else ""
    name = f"{first_name}{middle} {surname}"
    choose = generator("person", number)
    job_title, honorific = choose.choice(JOBS)
    return Person.objects.create(
        name=name,
        honorific=honorific,
        job_title=job_title,
        organisation=choose.choice(institutions) if institutions else None,
        short_bio=f"{first_name} works on {choose.choice(TOPICS)}.",
    )
