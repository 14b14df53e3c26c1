from django.db import models


class Honorific(models.TextChoices):
    DR = "Dr", "Dr"
    PROFESSOR = "Professor", "Professor"
    SIR = "Sir", "Sir"
    DAME = "Dame", "Dame"
    LORD = "Lord", "Lord"
    BARONESS = "Baroness", "Baroness"
    MR = "Mr", "Mr"
    MRS = "Mrs", "Mrs"
    MS = "Ms", "Ms"
    MX = "Mx", "Mx"


class HeadingLevel(models.TextChoices):
    H2 = "h2", "Section heading (level 2)"
    H3 = "h3", "Sub-heading (level 3)"
    H4 = "h4", "Minor heading (level 4)"
