"""Welsh translations of the demo's home, forums index, about, contact and accessibility pages, the Wales
forum and its events, made with wagtail-localize so that translators keep them in step with the English.

Each page's Welsh maps the English text of each of its segments, as wagtail-localize extracts them, to
Welsh. A page with a text that has no Welsh here (the English demo text changed, or an editor's page is
at its address) is not translated, and the loader says which texts: no Welsh page shows English. Slugs
stay English, so that the Welsh Wales forum is at /cy/forums/wales/.

Like all demo content (institute.demo.helpers.demo_object), each translation is made once: a Welsh page
changed or deleted since is left as it is.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

from wagtail_localize.models import Translation, TranslationSource

from institute.demo.helpers import demo_object

# Ends the first words visitors read on each Welsh page: the texts are the demo's, not the institute's.
DEMO_NOTE = "(Cyfieithiad enghreifftiol ar gyfer y wefan arddangos. Sample translation for the demonstration site.)"
# wagtail-localize's editor shows each string as "Translated with load_demo_content on <date>".
TOOL_NAME = "load_demo_content"
SLUG = "slug"


@dataclass(frozen=True)
class WelshPage:
    path: str  # the English page's URL path below the home page, e.g. "forums/wales/"; its Welsh is /cy/<path>
    note_field: str  # the field visitors read first, whose Welsh ends with DEMO_NOTE
    texts: dict[str, str]  # the English text of each segment: its Welsh
    slug: str = ""  # the Welsh page's slug when it cannot be the English one


CARDIFF_VENUE = {
    "Cardiff University, Main Building": "Prifysgol Caerdydd, Prif Adeilad",
    "Park Place<br/>Cardiff<br/>CF10 3AT": "Plas y Parc<br/>Caerdydd<br/>CF10 3AT",
}

# Parents come before their children, so that no Welsh page is made under an alias of an English one.
PAGES = [
    WelshPage(
        "",
        "hero_intro",
        {
            "Home": "Hafan",
            "What productivity means for business, for people and for places": (
                "Beth mae cynhyrchiant yn ei olygu i fusnesau, i bobl ac i leoedd"
            ),
            "A UK-wide research organisation: ten academic partners, eight regional productivity forums and a "
            "diverse community of leading experts, policymakers and practitioners.": (
                "Sefydliad ymchwil ledled y DU: deg partner academaidd, wyth fforwm cynhyrchiant rhanbarthol a "
                "chymuned amrywiol o arbenigwyr blaenllaw, llunwyr polisi ac ymarferwyr."
            ),
            "About the institute": "Am y sefydliad",
        },
        # The Welsh home is a second root page beside the English one; wagtail-localize names it so.
        slug="home-cy",
    ),
    WelshPage(
        "forums/",
        "intro",
        {
            "Regional forums": "Fforymau rhanbarthol",
            "Regional inequalities are a national problem. Our regional productivity forums cover all of "
            "England's regions and the devolved nations of Scotland, Wales and Northern Ireland.": (
                "Mae anghydraddoldebau rhanbarthol yn broblem genedlaethol. Mae ein fforymau cynhyrchiant "
                "rhanbarthol yn cwmpasu holl ranbarthau Lloegr a gwledydd datganoledig yr Alban, Cymru a "
                "Gogledd Iwerddon."
            ),
        },
    ),
    WelshPage(
        "about/",
        "intro",
        {
            "About us": "Amdanom ni",
            "Exploring what productivity means for business, for people and for places.": (
                "Archwilio beth mae cynhyrchiant yn ei olygu i fusnesau, i bobl ac i leoedd."
            ),
            "The Productivity Institute is a UK-wide research organisation exploring what productivity means for "
            "business, for people and for places. We are a diverse community of leading experts, policymakers "
            "and practitioners.": (
                "Mae The Productivity Institute yn sefydliad ymchwil ledled y DU sy'n archwilio beth mae "
                "cynhyrchiant yn ei olygu i fusnesau, i bobl ac i leoedd. Rydym yn gymuned amrywiol o arbenigwyr "
                "blaenllaw, llunwyr polisi ac ymarferwyr."
            ),
            "Our key research themes are led by ten academic partners spread across the UK, and we work closely "
            "with eight regional productivity forums covering all of England's regions and the devolved nations "
            "of Scotland, Wales and Northern Ireland.": (
                "Mae deg partner academaidd ledled y DU yn arwain ein prif themâu ymchwil, ac rydym yn cydweithio'n "
                "agos ag wyth fforwm cynhyrchiant rhanbarthol sy'n cwmpasu holl ranbarthau Lloegr a gwledydd "
                "datganoledig yr Alban, Cymru a Gogledd Iwerddon."
            ),
            "Abstract illustration of rising bar and line charts on a blue-green background": (
                "Darlun haniaethol o siartiau bar a llinell sy'n codi, ar gefndir gwyrddlas"
            ),
            "Illustration.": "Darlun.",
            "Why productivity matters": "Pam mae cynhyrchiant yn bwysig",
            "Regional inequalities are a national problem. The UK has some of the highest regional inequalities "
            "of any advanced country and is one of the most centralised. Businesses are crucial to solving the "
            "UK's productivity problems, so our forums bring business leaders, policymakers and researchers "
            "together in every nation and region.": (
                "Mae anghydraddoldebau rhanbarthol yn broblem genedlaethol. Mae gan y DU rai o'r anghydraddoldebau "
                "rhanbarthol mwyaf o blith gwledydd datblygedig, ac mae'n un o'r rhai mwyaf canoledig. Mae "
                "busnesau'n hanfodol i ddatrys problemau cynhyrchiant y DU, felly mae ein fforymau'n dod ag "
                "arweinwyr busnes, llunwyr polisi ac ymchwilwyr ynghyd ym mhob gwlad a rhanbarth."
            ),
            "Productivity is not about working harder: it is about working smarter, everywhere in the country.": (
                "Nid gweithio'n galetach yw hanfod cynhyrchiant, ond gweithio'n ddoethach, ym mhob rhan o'r wlad."
            ),
            "Professor Helen Marwick": "Yr Athro Helen Marwick",
            "Director": "Cyfarwyddwr",
            "Leadership team": "Tîm arwain",
            "Our year in review.": "Ein blwyddyn mewn adolygiad.",
            "Frequently asked questions": "Cwestiynau cyffredin",
            "Who funds the institute?": "Pwy sy'n ariannu'r sefydliad?",
            "The institute is funded by research councils and its partner universities.": (
                "Caiff y sefydliad ei ariannu gan gynghorau ymchwil a'i brifysgolion partner."
            ),
            "How can my business get involved?": "Sut gall fy musnes gymryd rhan?",
            "Join your regional productivity forum: forums welcome business leaders from local, national and "
            "multinational enterprises.": (
                "Ymunwch â'ch fforwm cynhyrchiant rhanbarthol: mae'r fforymau'n croesawu arweinwyr busnes o fentrau "
                "lleol, cenedlaethol ac amlwladol."
            ),
        },
    ),
    WelshPage(
        "contact/",
        "intro",
        {
            "Contact us": "Cysylltu â ni",
            "enquiries@productivity.example": "enquiries@productivity.example",
            "Message from the website's contact form": "Neges o ffurflen gysylltu'r wefan",
            "Questions about our research, forums or events? We are happy to help.": (
                "Oes gennych gwestiwn am ein hymchwil, ein fforymau neu ein digwyddiadau? Rydym yn hapus i helpu."
            ),
            'E-mail <a id="a1">enquiries@productivity.example</a> or use the form below, and we will reply within '
            "five working days.": (
                'Anfonwch e-bost at <a id="a1">enquiries@productivity.example</a> neu defnyddiwch y ffurflen isod, '
                "a byddwn yn ateb o fewn pum diwrnod gwaith."
            ),
            "Who to contact": "Â phwy i gysylltu",
            "Thank you for your message. We will reply within five working days.": (
                "Diolch am eich neges. Byddwn yn ateb o fewn pum diwrnod gwaith."
            ),
            # The form's fields, once they are translatable (institute.models.FormField).
            "Your name": "Eich enw",
            "Your email": "Eich cyfeiriad e-bost",
            "Organisation": "Sefydliad",
            "What is it about?": "Am beth mae'ch neges?",
            # A list of choices is one segment, its lines joined with <br/>.
            "General enquiry<br/>Research and publications<br/>Regional forums<br/>Events<br/>Media": (
                "Ymholiad cyffredinol<br/>Ymchwil a chyhoeddiadau<br/>Fforymau rhanbarthol<br/>Digwyddiadau<br/>"
                "Y cyfryngau"
            ),
            "Your message": "Eich neges",
        },
    ),
    WelshPage(
        "accessibility/",
        "intro",
        {
            "Accessibility statement": "Datganiad hygyrchedd",
            "This statement applies to the website of The Productivity Institute.": (
                "Mae'r datganiad hwn yn berthnasol i wefan The Productivity Institute."
            ),
            "Using this website": "Defnyddio'r wefan hon",
            "We want as many people as possible to be able to use this website. You should be able to:": (
                "Rydym am i gynifer o bobl â phosibl allu defnyddio'r wefan hon. Dylech allu:"
            ),
            "zoom in up to 400% without the text spilling off the screen": (
                "chwyddo hyd at 400% heb i'r testun lifo oddi ar y sgrin"
            ),
            "navigate the whole website using just a keyboard": (
                "symud o gwmpas y wefan gyfan gan ddefnyddio bysellfwrdd yn unig"
            ),
            "navigate the website using speech recognition software": (
                "symud o gwmpas y wefan gan ddefnyddio meddalwedd adnabod lleferydd"
            ),
            "listen to the website using a screen reader": "gwrando ar y wefan gan ddefnyddio darllenydd sgrin",
            "read text whose contrast with its background meets WCAG AAA (7:1)": (
                "darllen testun y mae ei gyferbyniad â'i gefndir yn bodloni WCAG AAA (7:1)"
            ),
            "Videos load nothing from their hosts until you choose to play them, and each has a text title and, "
            "where we have one, a transcript.": (
                "Nid yw fideos yn llwytho dim o'r gwefannau sy'n eu cynnal nes i chi ddewis eu chwarae, ac mae gan "
                "bob un deitl testun a, lle mae gennym un, drawsgrifiad."
            ),
            "How accessible this website is": "Pa mor hygyrch yw'r wefan hon",
            "This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, "
            "and level AAA for colour contrast. Every page is checked automatically with axe before each "
            "release.": (
                "Nod y wefan hon yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA, a "
                "lefel AAA ar gyfer cyferbyniad lliw. Caiff pob tudalen ei gwirio'n awtomatig ag axe cyn pob "
                "fersiwn newydd o'r wefan."
            ),
            "Some older PDF documents may not be fully accessible to screen reader software. If you need a "
            "document in another format, ask us and we will provide one.": (
                "Efallai na fydd rhai dogfennau PDF hŷn yn gwbl hygyrch i feddalwedd darllen sgrin. Os oes angen "
                "dogfen arnoch mewn fformat arall, gofynnwch i ni a byddwn yn ei darparu."
            ),
            "Feedback and contact information": "Adborth a gwybodaeth gyswllt",
            "If you find a problem, or need information in a different format, e-mail us at "
            "enquiries@productivity.example and we will reply within 5 working days.": (
                "Os dewch o hyd i broblem, neu os oes angen gwybodaeth arnoch mewn fformat gwahanol, anfonwch e-bost "
                "atom yn enquiries@productivity.example a byddwn yn ateb o fewn 5 diwrnod gwaith."
            ),
            "Enforcement procedure": "Y drefn orfodi",
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
            "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with "
            "how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).": (
                "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff "
                "y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018. Os nad ydych yn fodlon â'r ffordd "
                "rydym yn ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)."
            ),
        },
    ),
    WelshPage(
        "forums/wales/",
        "intro",
        {
            "Wales Productivity Forum": "Fforwm Cynhyrchiant Cymru",
            "Wales": "Cymru",
            "Fforwm Cynhyrchiant Cymru: the productivity forum for Wales, working in Welsh and English.": (
                "Fforwm Cynhyrchiant Cymru: y fforwm cynhyrchiant i Gymru, sy'n gweithio yn Gymraeg ac yn Saesneg."
            ),
            "The Wales Productivity Forum is chaired by a regional business leader and supported by a forum lead "
            "from Cardiff University. It focuses on the foundational economy, rural firms and bilingual business "
            "support.": (
                "Arweinydd busnes rhanbarthol sy'n cadeirio Fforwm Cynhyrchiant Cymru, gyda chefnogaeth arweinydd "
                "fforwm o Brifysgol Caerdydd. Mae'n canolbwyntio ar yr economi sylfaenol, cwmnïau gwledig a "
                "chymorth busnes dwyieithog."
            ),
            "Forum members include stakeholders from policy, community and business leaders from local, national "
            "and multinational enterprises. To join, or to suggest a topic for a meeting, e-mail the forum.": (
                "Ymhlith aelodau'r fforwm mae rhanddeiliaid o fyd polisi a'r gymuned, ac arweinwyr busnes o fentrau "
                "lleol, cenedlaethol ac amlwladol. I ymuno, neu i awgrymu pwnc ar gyfer cyfarfod, anfonwch e-bost at "
                "y fforwm."
            ),
            "What the forum does": "Gwaith y fforwm",
            "The forums are involved in the implementation of research insights, the design of practical business "
            "and policy interventions, and in providing input to the development of the institute's future "
            "research agenda. In Wales the forum's current focus is the foundational economy, rural firms and "
            "bilingual business support.": (
                "Mae'r fforymau'n helpu i roi canfyddiadau ymchwil ar waith, i gynllunio ymyriadau ymarferol ym maes "
                "busnes a pholisi, ac i lywio agenda ymchwil y sefydliad at y dyfodol. Yng Nghymru, mae'r fforwm yn "
                "canolbwyntio ar hyn o bryd ar yr economi sylfaenol, cwmnïau gwledig a chymorth busnes dwyieithog."
            ),
        },
    ),
    WelshPage(
        "forums/wales/wales-breakfast-briefing-2023/",
        "summary",
        {
            "Wales breakfast briefing: National Productivity Week 2023": (
                "Brecwast briffio Cymru: Wythnos Genedlaethol Cynhyrchiant 2023"
            ),
            "A bilingual breakfast briefing, in Welsh and English, on productivity in the foundational economy, "
            "during National Productivity Week.": (
                "Brecwast briffio dwyieithog, yn Gymraeg ac yn Saesneg, ar gynhyrchiant yn yr economi sylfaenol, yn "
                "ystod Wythnos Genedlaethol Cynhyrchiant."
            ),
            "The Wales Productivity Forum's breakfast briefing, held in Welsh and English with simultaneous "
            "translation. Breakfast is served from 7:45am.": (
                "Brecwast briffio Fforwm Cynhyrchiant Cymru, yn Gymraeg ac yn Saesneg, gyda chyfieithu ar y pryd. "
                "Bydd brecwast ar gael o 7:45yb."
            ),
            **CARDIFF_VENUE,
        },
    ),
    WelshPage(
        "forums/wales/management-practices-workshop-for-sme-leaders/",
        "summary",
        {
            "Management practices workshop for SME leaders": "Gweithdy arferion rheoli i arweinwyr BBaChau",
            "A hands-on workshop on the management practices that raise productivity in small firms.": (
                "Gweithdy ymarferol ar yr arferion rheoli sy'n codi cynhyrchiant mewn cwmnïau bach."
            ),
            **CARDIFF_VENUE,
        },
    ),
    WelshPage(
        "forums/wales/wales-forum-meeting-the-foundational-economy/",
        "summary",
        {
            "Wales forum meeting: the foundational economy": "Cyfarfod fforwm Cymru: yr economi sylfaenol",
            "The forum meets, in Welsh and English, on productivity in care, food and other everyday services.": (
                "Mae'r fforwm yn cyfarfod, yn Gymraeg ac yn Saesneg, i drafod cynhyrchiant ym maes gofal, bwyd a "
                "gwasanaethau bob dydd eraill."
            ),
            **CARDIFF_VENUE,
        },
    ),
]


def load(log):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    welsh = Locale.objects.filter(language_code="cy").first()
    if site is None or welsh is None:
        log("Welsh: no default site or no Welsh locale, so no Welsh pages.")
        return
    made = [_demo_translation(site.root_page, page, welsh, log) for page in PAGES]
    log(f"Welsh: {sum(1 for page in made if page)} pages in Welsh.")


def _demo_translation(home, page, welsh, log):
    return demo_object(f"welsh-page:{page.path}", lambda: _translate(home, page, welsh, log))


def _translate(home, page, welsh, log):
    english = Page.objects.filter(locale=home.locale_id, url_path=home.url_path + page.path).first()
    if english is None:
        log(f"Welsh: no English page at /{page.path} (deleted?), so no Welsh one.")
        return None
    existing = english.get_translation_or_none(welsh)
    if existing and not existing.alias_of_id:  # translated by an editor before the demo was loaded
        return existing
    source, _ = TranslationSource.update_or_create_from_instance(english)
    po = source.export_po()
    missing = [entry.msgid for entry in po if entry.msgctxt != SLUG and entry.msgid not in page.texts]
    if missing:
        log(f"Welsh: no Welsh in institute/demo/welsh.py for these texts of /{page.path}, so no Welsh page: {missing}")
        return None
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=welsh)
    translation.import_po(_in_welsh(po, page), tool_name=TOOL_NAME)
    # Published here rather than when the loader's transaction commits, as save_target(publish=True) would.
    translation.save_target(publish=False)
    translated = english.get_translation(welsh)
    translated.get_latest_revision().publish()
    return translated


def _in_welsh(po, page):
    for entry in po:
        entry.msgstr = (page.slug or entry.msgid) if entry.msgctxt == SLUG else page.texts[entry.msgid]
        if entry.msgctxt == page.note_field:
            entry.msgstr = f"{entry.msgstr} {DEMO_NOTE}"
    return po
