"""General English word knowledge the canon builder leans on (nothing fandom-specific).

Open-class words (nouns, verbs, adjectives, adverbs) come from lemminflect's lexicon; the closed
classes it lacks (pronouns, determiners, prepositions, conjunctions, interjections), calendar words
and demonyms are listed here. Cue words tell an entity's type from the words around it.
"""

from __future__ import annotations

from functools import lru_cache

from ficdesk.canon.model import EntityType


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (keeps long word lists readable)."""
    return frozenset(text.split())


FUNCTION_WORDS = word_set("""
a an the this that these those such some any no every each either neither both all few many much more most
less least several enough other another own same
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
we us our ours ourselves they them their theirs themselves one ones oneself who whom whose which what whatever
whoever whichever whenever wherever however whatsoever
and or but nor so yet for if then else than because although though while whilst whereas unless until till
since as once whether lest
of in on at to from by with without within into onto upon over under above below across after before behind
beneath beside besides between beyond during except inside outside near off out past per through throughout
toward towards up down via among amongst around about against along alongside despite amid
be am is are was were been being have has had having do does did done doing will would shall should can could
may might must ought let
not no yes yeah oh ah hey hi hello okay ok well now here there where when why how just only also too very
still even ever never always often sometimes soon already again almost quite rather really perhaps maybe
thus hence therefore indeed instead meanwhile moreover furthermore nevertheless nonetheless otherwise
anyway anyhow somehow somewhat everyone everybody everything everywhere someone somebody something somewhere
anyone anybody anything anywhere nobody nothing nowhere
like unlike following including according regarding concerning considering versus
first second third last next later earlier finally originally initially eventually subsequently
""")

MONTHS = word_set("january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
CALENDAR = frozenset({"christmas", "easter", "halloween", "spring", "summer", "autumn", "winter"}) | MONTHS | WEEKDAYS

#: Nationalities and languages: capitalised, but adjectives, not entities.
DEMONYMS = word_set("""
american british english scottish welsh irish cornish french german dutch spanish italian portuguese greek
roman russian polish czech swedish norwegian danish finnish icelandic swiss austrian belgian european
asian african arab arabic chinese japanese korean indian pakistani canadian mexican brazilian argentinian
australian zealander turkish persian hebrew jewish christian catholic protestant muslim hindu buddhist
latin celtic norse victorian edwardian elizabethan gothic western eastern northern southern
""")

NUMBER_WORDS = word_set("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty hundred thousand million
first second third fourth fifth sixth seventh eighth ninth tenth
""")

#: Words that may join the capitalised parts of one name: "Children of Earth", "Leonardo da Vinci".
CONNECTORS = word_set("of the de da di du del della van von der den la le al bin ibn y du des")
#: Small words that stay lowercase inside a title: "A Day in the Death".
TITLE_SMALL_WORDS = word_set(
    "a an the of in on at to for and or but nor with from by as into onto upon over is are was be"
)

#: Words written before a name: kept as an alias, dropped from the canonical name.
HONORIFICS = word_set("""
captain capt doctor dr mr mrs ms miss mister madam sir dame lady lord king queen prince princess duke duchess
earl count countess baron baroness emperor empress professor prof detective inspector sergeant sgt
lieutenant lt colonel col general major admiral commander commodore agent officer constable chief corporal
private ensign cadet marshal sheriff deputy
father sister brother mother uncle aunt auntie grandma grandpa granny master mistress
president senator governor mayor judge reverend rev bishop pope
""")

#: Last words that make a name a place or an organisation ("Savile Row", "Torchwood Institute").
PLACE_HEADS = word_set("""
street road row lane avenue square park place gardens bridge castle palace tower manor abbey cathedral church
chapel station airport harbour harbor port island islands isle mountain mountains hill hills valley river
lake sea ocean bay beach forest wood woods city town village county shire kingdom empire republic planet
moon galaxy system sector district quarter estate house hospital prison temple desert coast cape falls
quadrant theatre theater stadium arena library chamber room cave caves mines fortress citadel dungeon
plaza tavern inn pub hotel asylum colony peninsula canyon glacier volcano plains swamp jungle states vineyard
ranch province territory territories zone campus
""")
ORG_HEADS = word_set("""
institute institution organisation organization agency company corporation corp inc ltd limited council
ministry department bureau office university college school academy society club party foundation trust
group guild order league union association federation alliance army navy force forces police service
services unit division team records studios studio productions press network channel bank
pictures cinema entertainment media interactive comics books publishing publications publishers technologies industries
enterprises holdings labs laboratories broadcasting software bros brothers motors airlines pharmaceuticals co plc
llc gmbh brotherhood sisterhood fellowship syndicate cartel consortium commission committee senate parliament
museum gallery
""")
#: Places every English reader knows by name: countries, continents, planets. Names that are also common
#: given names ("Jordan", "Georgia", "Chad", "Israel") and planets named like gods or characters are left out.
_KNOWN_PLACE_NAMES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burma
Burundi Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti
Ecuador Egypt England Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Germany Ghana Greece
Greenland Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Italy Jamaica
Japan Kazakhstan Kenya Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein
Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco
Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Nigeria Norway Oman Pakistan
Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Scotland Senegal
Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan
Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela
Vietnam Wales Yemen Zambia Zimbabwe
Africa Antarctica Asia Europe Oceania Arctic
Earth Jupiter Saturn Uranus Neptune
"""
KNOWN_PLACES = frozenset(_KNOWN_PLACE_NAMES.split())
#: Things bought in shops: "suits from X", "X suits" make X a brand or shop (an organisation), not a place.
GOODS = word_set("""
suit suits shirt shirts clothes clothing dress dresses shoes trainers jacket jackets jeans tie ties coat coats
jumper jumpers handbag handbags perfume cosmetics furniture groceries sandwiches
""")
#: Words after a shop's or brand's name besides its goods: "X and Y stores".
SHOP_WORDS = word_set("store stores shop shops brand brands outlet chain")
#: Last words that type a name without ending it: "the Night Watch", "Scotland Yard". Unlike the heads
#: above they do not stop a person's name ("City Watch of Ankh-Morpork" stays two names, as before).
GROUP_TYPE_HEADS = word_set("watch")
PLACE_TYPE_HEADS = word_set("yard")
#: Company endings: "Eidos" alone is the company of "Eidos Interactive" (not "Cardassian" of "Cardassian Union").
COMPANY_HEADS = word_set("""
company corporation corp inc ltd limited studios studio productions press records pictures entertainment media
interactive comics books publishing publications technologies industries enterprises holdings labs
laboratories broadcasting software bros brothers motors airlines co plc llc gmbh network games
""")
#: First words that make a name a place ("Mount Doom", "Lake Geneva", "Fort Knox").
PLACE_PREFIXES = word_set("mount mt lake cape fort port isle")
#: Last words that make a name a character's ("Cigarette Smoking Man", "Wonder Woman").
CHARACTER_HEADS = word_set("man woman boy girl kid")
#: Last words that make a name an object ("Sorting Hat", "Large Hadron Collider").
OBJECT_HEADS = word_set("""
device weapon sword dagger pistol rifle amulet necklace pendant artefact artifact relic wand potion cloak armour
armor spaceship starship vehicle machine engine computer gem jewel orb console serum screwdriver manipulator
collider implant charm hat
""")
WORK_HEADS = word_set("saga chronicles trilogy series season episode film movie novel book album show universe")

#: Lemmas near a mention that hint at its type, with weights.
CONTEXT_CUES: dict[EntityType, dict[str, float]] = {
    EntityType.PERSON: {
        "actor": 3, "actress": 3, "portray": 3, "cast": 2, "casting": 2, "role": 2, "filming": 2, "film": 0.5,
        "script": 1.5, "scripts": 1.5, "writer": 3, "director": 3, "producer": 3, "showrunner": 3, "creator": 2,
        "interview": 2, "interviews": 2, "comment": 1, "reviewer": 2, "critic": 2, "writing": 1.5, "born": 2,
        "career": 2, "award": 2, "nominated": 2, "voice": 1, "author": 3, "novelist": 3, "singer": 3,
        "musician": 3, "composer": 3, "performance": 1.5, "audition": 2, "starring": 2, "stars": 1,
    },
    EntityType.CHARACTER: {
         "protagonist": 3, "antagonist": 3, "villain": 2, "hero": 1.5,
        "heroine": 2, "companion": 1.5, "storyline": 1, "kills": 1, "killed": 1, "dies": 1, "died": 1,
        "death": 1, "fate": 1, "resurrected": 1.5, "lover": 1.5, "love": 0.5, "kiss": 1, "kissed": 1,
        "relationship": 1, "father": 0.5, "mother": 0.5, "wife": 0.5, "husband": 0.5, "brother": 0.5,
        "sister": 0.5, "son": 0.5, "daughter": 0.5, "grandson": 0.5, "team": 0.5, "spirit": 0.5,
    },
    # Weak: an article about a show talks about series and episodes around every name in it.
    EntityType.WORK: {
        "episode": 1, "episodes": 0.5, "season": 0.5, "film": 0.5, "movie": 0.5, "novel": 1, "album": 1.5,
        "song": 1.5, "miniseries": 1, "sequel": 1.5, "prequel": 1.5, "aired": 1.5, "broadcast": 1,
        "released": 1, "published": 1, "trilogy": 1.5, "spin-off": 1.5, "adaptation": 1, "tale": 0.5,
    },
    EntityType.PLACE: {
        "city": 3, "town": 3, "village": 3, "country": 3, "capital": 2, "located": 3, "lives": 1,
        "live": 0.5, "born": 0.5, "travel": 1.5, "travelled": 1.5, "traveled": 1.5, "journey": 1.5,
        "planet": 3, "region": 3, "island": 3, "street": 2, "location": 2, "moved": 1, "visit": 1,
        "visited": 1, "near": 1, "north": 1, "south": 1, "east": 1, "west": 1, "kingdom": 2,
        "realm": 3, "land": 1, "border": 2, "haunted": 1, "castle": 2, "house": 0.5, "homeworld": 3,
        "streets": 1.5, "colony": 2, "world": 1,
    },
    EntityType.ORGANISATION: {
        "organisation": 3, "organization": 3, "institute": 3, "agency": 3, "company": 3, "team": 1,
        "members": 2, "member": 2, "joined": 1.5, "joining": 1.5, "founded": 2, "founder": 2, "headquarters": 3,
        "employer": 2, "works": 0.5, "worked": 0.5, "hired": 1.5, "recruited": 2, "government": 2,
        "website": 2, "magazine": 2, "newspaper": 2, "reviewers": 2, "publisher": 2, "network": 1.5,
        "channel": 1.5, "band": 2, "guild": 3, "order": 1, "army": 2, "clan": 3, "house": 0.5,
    },
    EntityType.SPECIES: {
        "species": 4, "race": 2, "alien": 2, "aliens": 2, "creature": 2, "creatures": 2, "humanoid": 3,
        "humans": 1, "monsters": 2, "monster": 1.5, "beings": 2, "breed": 2,
    },
    EntityType.OBJECT: {
        "device": 3, "weapon": 3, "sword": 3, "ring": 2, "artefact": 3, "artifact": 3, "wand": 3,
        "amulet": 3, "spaceship": 3, "ship": 2, "vehicle": 2, "machine": 2, "key": 1, "stone": 1,
        "crown": 2, "manipulator": 3, "screwdriver": 3, "collider": 2,
    },
}

#: Verbs that make their subject a real person: "Watson later said", "Brealey has described" (not "Hermione
#: has been described", not "Rowling has said that Hermione ...": only right after the name, active voice).
SUBJECT_VERBS: dict[str, float] = {
    "said": 2, "says": 1, "stated": 2, "commented": 3, "explained": 2, "explains": 2, "argued": 2.5, "argues": 2.5,
    "noted": 1.5, "notes": 1.5, "believes": 1, "felt": 1, "described": 2, "told": 1, "recalled": 2,
    "joked": 2, "praised": 2, "criticised": 2, "criticized": 2, "reviewed": 2, "tweeted": 2, "wrote": 2.5,
    "directed": 3, "produced": 2, "created": 1.5, "portrayed": 3, "voiced": 3, "played": 2, "auditioned": 3,
    "starred": 3, "won": 1.5, "admitted": 1.5,
}

#: Role nouns written before a name ("Producer Sue Vertue"): never part of the name.
PERSON_ROLES = word_set("""
actor actress writer director producer showrunner author novelist critic journalist reviewer singer composer
presenter host editor creator designer artist photographer executive narrator
""")

#: Personal-name particles: a name joined by these is still a person's name ("Angua von Überwald").
NAME_PARTICLES = word_set("de da di du del della van von der den la le al bin ibn y des")
#: Two-word phrases before a mention: "played by X", "born in X".
PRECEDING_PAIRS: dict[tuple[str, str], EntityType] = {
    ("played", "by"): EntityType.PERSON, ("portrayed", "by"): EntityType.PERSON,
    ("voiced", "by"): EntityType.PERSON, ("written", "by"): EntityType.PERSON,
    ("directed", "by"): EntityType.PERSON, ("created", "by"): EntityType.PERSON,
    ("produced", "by"): EntityType.PERSON, ("born", "in"): EntityType.PLACE, ("streets", "of"): EntityType.PLACE,
    ("king", "of"): EntityType.PLACE, ("queen", "of"): EntityType.PLACE, ("capital", "of"): EntityType.PLACE,
    ("people", "of"): EntityType.PLACE, ("citizens", "of"): EntityType.PLACE, ("mayor", "of"): EntityType.PLACE,
    ("outskirts", "of"): EntityType.PLACE, ("north", "of"): EntityType.PLACE, ("south", "of"): EntityType.PLACE,
    ("east", "of"): EntityType.PLACE, ("west", "of"): EntityType.PLACE, ("moved", "to"): EntityType.PLACE,
    ("lives", "in"): EntityType.PLACE, ("located", "in"): EntityType.PLACE,
    ("city", "of"): EntityType.PLACE, ("country", "of"): EntityType.PLACE, ("planet", "of"): EntityType.PLACE,
    ("town", "of"): EntityType.PLACE, ("member", "of"): EntityType.ORGANISATION,
    ("members", "of"): EntityType.ORGANISATION, ("episode", "of"): EntityType.WORK,
}
#: Parenthesised words after a mention: "Gareth David-Lloyd (actor)".
PAREN_CUES: dict[str, EntityType] = {
    "actor": EntityType.PERSON, "actress": EntityType.PERSON, "writer": EntityType.PERSON,
    "character": EntityType.CHARACTER, "episode": EntityType.WORK, "film": EntityType.WORK,
    "novel": EntityType.WORK, "series": EntityType.WORK, "city": EntityType.PLACE, "place": EntityType.PLACE,
    "organisation": EntityType.ORGANISATION, "organization": EntityType.ORGANISATION,
    "species": EntityType.SPECIES,
}


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True when ``word`` (any case) is an ordinary English word rather than a name."""
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in CALENDAR or lower in NUMBER_WORDS:
        return True
    return bool(open_classes(lower))


@lru_cache(maxsize=65536)
def open_classes(word: str) -> frozenset[str]:
    """The lexicon's parts of speech for ``word`` (NOUN, VERB, ADJ, ADV...); empty when unknown."""
    from lemminflect import getAllLemmas  # loaded on first use: numpy and its tables cost 0.15 s

    return frozenset(getAllLemmas(word.lower()))


@lru_cache(maxsize=65536)
def is_function_word(word: str) -> bool:
    """Closed-class words, calendar words and demonyms: never the whole of a name."""
    lower = word.lower()
    return lower in FUNCTION_WORDS or lower in CALENDAR or lower in DEMONYMS or lower.endswith(("ish", "ese"))


def _typed(kind: EntityType, text: str) -> dict[str, EntityType]:
    return dict.fromkeys(text.split(), kind)


#: Common nouns that say what a name next to them is: "the archer Milva", "Mila, a housekeeper",
#: "novels such as X", "a dragon named Druk". Real people are named by the trades of film and print;
#: every other kind of person or creature in a fandom article is a character.
NOUN_TYPES: dict[str, EntityType] = {
    **_typed(EntityType.CHARACTER, """
        man woman boy girl child kid baby son daughter father mother brother sister uncle aunt nephew niece cousin
        grandfather grandmother grandson granddaughter wife husband widow widower fiancé fiancée girlfriend
        boyfriend lover partner friend rival enemy nemesis mentor apprentice pupil student teacher servant butler
        maid housekeeper tailor mechanic pilot soldier knight warrior archer hunter assassin spy agent detective
        officer guard thief mercenary smuggler pirate sorcerer sorceress wizard witch mage witcher vampire werewolf
        ghost spirit demon god goddess angel dragon horse cat dog owl elf dwarf troll goblin giant orc android
        robot cyborg clone villain hero heroine protagonist antagonist companion sidekick ally leader chief
        commander ruler king queen prince princess emperor empress duke duchess lord lady senator chancellor
        governor mayor prefect priest priestess monk nun healer nurse scientist inmate prisoner killer murderer
        criminal gangster bandit outlaw refugee traitor orphan heir doctor surgeon bodyguard assistant secretary
        poet bard minstrel healer shapeshifter hybrid alien creature monster beast hippogriff unicorn phoenix
        character persona twin descendant ancestor tyrant warlord general admiral colonel captain
        sergeant lieutenant inspector constable sheriff marshal mate crewman crewmate neighbour neighbor
        landlady landlord boss employee colleague classmate roommate flatmate pet spider wolf bear eagle hawk raven
        crow snake serpent lion tiger fox hound pony mare stallion bird rat mouse ape monkey whale shark
    """),
    **_typed(EntityType.PERSON, """
        actor actress writer director producer showrunner author novelist critic journalist reviewer singer
        composer presenter host editor creator designer artist photographer executive narrator screenwriter
        playwright scriptwriter cartoonist illustrator animator translator comedian comedienne musician rapper
        dancer historian scholar academic commentator columnist blogger youtuber cinematographer choreographer
        filmmaker co-creator co-writer songwriter lyricist guitarist drummer novelist biographer
    """),
    **_typed(EntityType.PLACE, """
        city town village hamlet capital country nation kingdom duchy principality county province region state
        planet moon world continent island isle archipelago realm land homeworld colony fortress castle palace
        manor mansion estate vineyard farm ranch prison asylum temple cathedral monastery abbey church chapel tower
        ruins forest woods mountain volcano valley river lake sea ocean bay gulf coast peninsula desert swamp
        marsh jungle cave mine street road avenue square district quarter neighbourhood neighborhood suburb borough
        zone sector galaxy quadrant dimension pub inn tavern restaurant café cafe hotel theatre theater stadium
        arena library hospital station outpost port harbour harbor metropolis settlement camp location
    """),
    **_typed(EntityType.ORGANISATION, """
        company corporation firm studio developer publisher network channel label band group
        organisation organization agency institute institution society club party foundation trust charity council
        ministry department bureau government order guild league union association federation alliance army navy
        military force police service unit team cult sect gang clan brotherhood sisterhood fellowship newspaper
        magazine website journal tabloid blog retailer brand manufacturer chain school university college academy
        bank conglomerate subsidiary outlet publication syndicate cartel resistance faction
    """),
    **_typed(EntityType.WORK, """
        series show episode season film movie novel novella book story play musical opera album song comic
        manga anime game videogame sequel prequel spin-off spinoff adaptation miniseries serial drama sitcom
        documentary franchise trilogy saga collection anthology poem podcast webcomic expansion instalment
        installment audiobook cartoon programme reboot remake finale premiere two-parter tale
    """),
    **_typed(EntityType.SPECIES, "species race subspecies breed"),
    **_typed(EntityType.OBJECT, """
        device weapon sword blade dagger knife gun pistol rifle cannon ring amulet necklace pendant crown artefact
        artifact relic wand potion cloak armour armor shield ship spaceship starship vessel vehicle car machine
        engine computer gem jewel orb map tool console phone drug serum vaccine bomb chalice goblet locket mirror
        screwdriver implant chip charm talisman frigate cruiser destroyer freighter shuttle submarine battleship
        warship airship spacecraft aircraft superweapon
    """),
}


def noun_type(word: str) -> EntityType | None:
    """The type ``NOUN_TYPES`` gives a noun, singular or plural ("house-elves" is an elf)."""
    lower = word.lower().rsplit("-", 1)[-1]
    if lower in NOUN_TYPES:
        return NOUN_TYPES[lower]
    for plural, singular in (("ies", "y"), ("ves", "f"), ("ves", "fe"), ("men", "man"), ("es", ""), ("s", "")):
        if lower.endswith(plural) and lower[: -len(plural)] + singular in NOUN_TYPES:
            return NOUN_TYPES[lower[: -len(plural)] + singular]
    return None


#: "<verb> by X": the maker of a work is a person, its publisher or broadcaster an organisation.
BY_PERSON_VERBS = word_set("""
written directed created produced translated illustrated composed edited drawn narrated adapted penned conceived
co-created co-written scripted voiced played portrayed performed sung hosted presented designed devised
painted photographed animated scored choreographed
""")
BY_ORG_VERBS = word_set("""
published distributed developed released broadcast aired acquired licensed funded commissioned manufactured
financed syndicated sponsored
""")
#: "<noun> of X": what X is when it follows these nouns ("the kingdom of Temeria", "the head of the Order").
OF_NOUN_TYPES: dict[str, EntityType] = {
    **{noun: kind for noun, kind in NOUN_TYPES.items() if kind is EntityType.PLACE},
    **_typed(EntityType.PLACE, """
        king queen prince princess duke duchess emperor empress ruler governor mayor lord lady people citizens
        inhabitants natives outskirts streets centre center north south east west edge border borders shores
        islands lands ruins falls pass slopes slope foot summit peak banks gates walls depths
    """),
    **_typed(EntityType.ORGANISATION, """
        member members head leader founder co-founder president chairman chairwoman employees employee agents
        spokesman spokeswoman ceo founders leadership
    """),
    **_typed(EntityType.WORK, """
        episode episodes season seasons series events sequel prequel adaptation adaptations remake finale pilot
        plot cast creator creators fans reboot chapter issue volume version versions premiere author protagonist
        star stars character characters
    """),
    **_typed(EntityType.CHARACTER, """
        son daughter father mother brother sister wife husband widow uncle aunt nephew niece cousin grandson
        granddaughter grandfather grandmother child children lover girlfriend boyfriend fiancé fiancée servant
        apprentice killer murderer descendant ancestor heir twin clone
    """),
}
#: "<verb> (them) to X": X is a place.
MOTION_VERBS = word_set("""
travel travels travelled traveled travelling traveling move moves moved moving return returns returned
returning fly flies flew flown sail sails sailed send sends sent flee flees fled journey journeys journeyed
head heads headed relocate relocated emigrate emigrated escape escapes escaped transported taken exiled
banished
""")
#: "<verb> on X": X is a channel or platform ("broadcast on HBO Max", "replied on Twitter").
PLATFORM_VERBS = word_set("""
broadcast aired airs airing released streamed streaming shown premiered premieres posted replied tweeted
published available
""")
#: "<verb> X" with X a character and the subject an actor: "Rupert Grint played Ron".
ACTING_VERBS = word_set("plays played voices voiced portrays portrayed reprises reprised")
#: "<verb> ... as X": X is the role ("stars as Geralt", "was cast as Kaylee").
ROLE_VERBS = ACTING_VERBS | word_set("""
star stars starred starring appear appears appeared appearing return returns returned cast credited
debuted guest-starred
""")
#: "<verb> in X": X is a work ("first appeared in X").
APPEARS_IN = word_set("appeared appears appearing starred stars starring featured features debuted introduced")


# --- words the classifier reads around a name -----------------------------------------------------

#: Words after which "at X" is about a person: "smiles at Orrin", "angry at Jack".
AT_PERSON_VERBS = word_set("""
look looks looked looking stare stares stared glance glances glanced smile smiles smiled laugh laughs laughed
shout shouts shouted yell yells yelled point points pointed wink winks winked grin grins grinned frown frowns
frowned glare glares glared angry mad furious upset aimed throws threw snaps snapped
""")
#: Nouns after which "from X" is about a person: "a letter from Ianto".
FROM_PERSON_NOUNS = word_set("letter message call gift help note visit kiss word orders order permission advice")
#: Verbs of speaking that characters use in plot summaries too: bare "Jack said" is weak evidence of a person.
SPEECH_VERBS = word_set("said says told explained explains felt believes described admitted")

#: After a possessive name, what a person makes: "Shakespeare's play", "Terry Pratchett's novels" ...
PERSON_CREATIONS = word_set("""
novel novels book books play plays poem poems story stories film films comics creation universe works script
scripts screenplay characters
""")
#: ... and the things a company owns: "Nickelodeon's animated series".
ORG_CREATIONS = word_set("""
series show shows network channel adaptation adaptations game games franchise console studio website magazine
app platform subsidiary products brand programme programmes
""")

#: Nouns a name modifies: "a bar of Cadbury chocolate" (a company), "the Netflix television adaptation".
ORG_MODIFIED = word_set("""
chocolate suit suits product products phone phones store stores shop shops brand account app coffee car cars
beer clothes clothing network channel television broadcast streaming platform website subscription
""")
#: Nouns a work's name modifies: "the Star Trek franchise", "the Harry Potter series".
WORK_MODIFIED = word_set("series franchise novels books universe canon fandom episodes films games saga comics")
#: Infobox labels beyond the nouns of ``NOUN_TYPES``: "Affiliation: X", "Spouse: Y".
#: Words that open an infobox line, glued to the value when the scraper dropped the separator
#: ("Occupation SHIV: Pilot", "Species Human"): never the first word of the name after them.
INFOBOX_LABELS = word_set("""
occupation occupations affiliation affiliations species race gender sex age born died status nationality
family relatives spouse spouses partner partners children parents siblings birthplace residence hometown home
homeworld height weight eyes hair weapon weapons rank position religion origin alignment allegiance employer
employers aliases alias nickname nicknames portrayer portrayers appearances debut
""")
LABEL_TYPES: dict[str, EntityType] = {
    **dict.fromkeys(word_set("affiliation affiliations employer employers allegiance"), EntityType.ORGANISATION),
    **dict.fromkeys(word_set("birthplace residence origin"), EntityType.PLACE),
    **dict.fromkeys(word_set("spouse spouses partners parents children siblings relatives family"),
                    EntityType.CHARACTER),
    **dict.fromkeys(word_set("appearance appearances"), EntityType.WORK),
    **dict.fromkeys(word_set("performer"), EntityType.PERSON),
}
