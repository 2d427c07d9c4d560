"""The word lists of :mod:`parsing`, each declared once.

Lists that look alike but differ on purpose stay apart, under names that say how they differ
(four lists of verbs of saying: which word they follow and what they decide). The rules that
read them are in :mod:`parsing.places`, :mod:`parsing.claims`, :mod:`parsing.events` and
:mod:`parsing.dates`; the gazetteer's own name lists (``geo.names``) are geo's, and differ
from these (see ``DESIGNATORS``).
"""
from __future__ import annotations

from enum import StrEnum


class PlaceKind(StrEnum):
    """The kinds of place a word can hint: gazetteer kinds, whose values geo decides
    (``geo.place.Kind``). Declared again here, the five a word hints, for parsing and geo are
    siblings that import neither the other (tests/parsing/test_lexicon.py checks the values are geo's)."""

    ADMIN1 = "admin1"                      # a province, state, region, oblast
    ADMIN2 = "admin2"                      # a district, county, parish
    POPULATED_PLACE = "populated place"    # a city, town, village
    AIRPORT = "airport"
    PORT = "port or crossing"


class ActorKind(StrEnum):
    """What an actor is (``parsing.events.Actor.kind``): the word lists under "Actors" below tell
    the first six."""

    MILITARY = "military"                  # MILITARY
    POLICE = "police"                      # POLICE
    ARMED_GROUP = "armed group"            # ARMED: a group without a name
    CIVILIANS = "civilians"                # CIVILIANS
    PROTESTERS = "protesters"              # PROTESTERS
    RIOTERS = "rioters"                    # RIOTERS
    NAMED_GROUP = "named group"            # an organisation NER names: "the Taliban"
    STATE = "state"                        # a country acting: "Turkey had accepted"


class ClaimantKind(StrEnum):
    """Who makes a claim (``parsing.claims.Claim.kind``)."""

    PERSON = "person"                      # a named person: "Mariam Sadat said"
    GROUP = "group"                        # an organisation, a state or a body of people: "the Pentagon announced"
    SOURCE = "source"                      # an anonymous source: "an army officer confirmed"


# --- Dates ----------------------------------------------------------------------------------

#: Month names, in calendar order (a month's number is its index + 1).
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
#: Day names, Monday first (as ``date.weekday()`` counts them).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Seasons: NER's dates hold places as well ("January, South Carolina"), but a season in a date is none.
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}

# --- Directions -----------------------------------------------------------------------------

#: The eight points of the compass, as one word.
DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
#: The points of the compass as distances and bearings write them ("50 km north-east of"), in
#: the order the patterns try them.
COMPASS_POINTS = DIRECTIONS + ("north-east", "north-west", "south-east", "south-west")
#: Adjectives of the eight directions ("the northern Takhar Province").
DIRECTION_ADJECTIVES = ("northern", "southern", "eastern", "western", "northeastern", "northwestern",
                        "southeastern", "southwestern")

# --- Places: unit words and designators -----------------------------------------------------

#: Words after a name that make it a place and hint its kind ("Takhar Province", "Ohaji LGA").
#: geo.names.DESIGNATORS, the gazetteer's, differs: it has no "parish", and has "prefecture"
#: and "municipality".
DESIGNATORS = {
    "province": PlaceKind.ADMIN1, "provinces": PlaceKind.ADMIN1, "governorate": PlaceKind.ADMIN1,
    "state": PlaceKind.ADMIN1, "oblast": PlaceKind.ADMIN1, "region": PlaceKind.ADMIN1,
    "district": PlaceKind.ADMIN2, "districts": PlaceKind.ADMIN2, "county": PlaceKind.ADMIN2,
    "parish": PlaceKind.ADMIN2, "regency": PlaceKind.ADMIN2,
    "lga": PlaceKind.ADMIN2,  # Nigeria's local government areas: "Ohaji LGA"
    "city": PlaceKind.POPULATED_PLACE, "town": PlaceKind.POPULATED_PLACE, "village": PlaceKind.POPULATED_PLACE,
    "airport": PlaceKind.AIRPORT, "airbase": PlaceKind.AIRPORT, "port": PlaceKind.PORT,
    "crossing": PlaceKind.PORT,
}
#: Plural unit words: after a list they hint the kind of every name in it ("Dakota, Otoe and
#: Washington counties", "Kunduz and Takhar provinces").
LIST_DESIGNATORS = {
    "provinces": PlaceKind.ADMIN1, "states": PlaceKind.ADMIN1, "governorates": PlaceKind.ADMIN1,
    "oblasts": PlaceKind.ADMIN1, "regions": PlaceKind.ADMIN1,
    "districts": PlaceKind.ADMIN2, "counties": PlaceKind.ADMIN2, "parishes": PlaceKind.ADMIN2,
    "regencies": PlaceKind.ADMIN2,
    "cities": PlaceKind.POPULATED_PLACE, "towns": PlaceKind.POPULATED_PLACE, "villages": PlaceKind.POPULATED_PLACE,
}
#: Unit words after a name in a chain of units ("Tame, Arauca department"), lower-case: the
#: designators and other countries' units.
CHAIN_UNIT_WORDS = set(DESIGNATORS) | {"community", "department", "township", "municipality", "locality",
                                       "commune", "area", "neighborhood", "neighbourhood", "governorate"}
#: Unit words after which the capitalised words before are all one name ("Kan Thit village"); not
#: "state" ("the Tennessee Senior Olympics state competition").
SETTLEMENT_WORDS = {"village", "villages", "town", "district", "township"}
#: Unit words that end a unit's name heading a body's ("Douglas County Public Works").
UNIT_HEADS = {"county", "parish", "province", "governorate"}
#: Last words of an ORG entity that make it a place NER mislabelled ("Kabul International Airport"),
#: not a party to an event.
ORG_PLACE_ENDINGS = {"airport", "province", "district", "city", "port", "base", "airbase", "crossing"}

# --- Places: cues -----------------------------------------------------------------------------

#: "the town of X": the noun before "of" hints the kind of X (None: a cue that hints no kind).
OF_CUES = {
    "town": PlaceKind.POPULATED_PLACE, "towns": PlaceKind.POPULATED_PLACE, "city": PlaceKind.POPULATED_PLACE,
    "cities": PlaceKind.POPULATED_PLACE, "village": PlaceKind.POPULATED_PLACE, "villages": PlaceKind.POPULATED_PLACE,
    "district": PlaceKind.ADMIN2, "districts": PlaceKind.ADMIN2,
    "province": PlaceKind.ADMIN1, "provinces": PlaceKind.ADMIN1,
    "outskirts": None, "suburbs": None, "capital": None, "port": PlaceKind.PORT,
    "region": None, "area": None, "county": PlaceKind.ADMIN2, "state": PlaceKind.ADMIN1,
    # "the western countryside of Aleppo", "the vicinity of Abu Rasin"
    "countryside": None, "vicinity": None, "environs": None, "governorate": PlaceKind.ADMIN1,
    # "cases reported in areas of Botswana", "the Indonesian island of Java"
    "areas": None, "parts": None, "island": None, "islands": None,
    # "clashed in the direction of Krasne", "the east of Hodeidah"
    "direction": None, **dict.fromkeys(DIRECTIONS),
    # "a resident of Torun", "a native of Kabul", "the mayor of Dublin"
    "resident": None, "residents": None, "native": None, "natives": None, "mayor": PlaceKind.POPULATED_PLACE,
}
#: Cues that name a settlement or unit, known or not: the name after them is kept, unresolved if need be.
NAMING_CUES = {"town of", "towns of", "village of", "villages of", "district of", "districts of"}
#: Prepositions that put a place after them; PERSON/ORG spans need one to count.
STRONG_PREPOSITIONS = {"near", "outside", "around", "in", "at", "into", "across", "toward",
                       "towards", "through", "inside", "within"}
#: Those of STRONG_PREPOSITIONS that precede dates and names as often as places: no cue where
#: only a strong one will do.
LOOSE_PREPOSITIONS = {"in", "at", "into", "across", "through", "within"}
#: Words that may stand between a preposition and the name it places ("in the restive
#: northern Takhar").
CUE_MODIFIERS = {"the", *DIRECTION_ADJECTIVES, "central", "restive", "neighbouring", "neighboring", "nearby"}
#: Prepositions before which NER's NORP may be a town ("demonstrated in Vasteras").
NORP_PREPOSITIONS = {"in", "near", "at", "outside"}
#: Words right after a name that make it a place: "an Alexandria man", "Kunduz residents".
AFTER_CUES = {"man", "woman", "men", "women", "resident", "residents", "police", "area",
              "native", "couple", "teen", "teenager", "boy", "girl", "family", "families",
              "official", "officials", "authorities", "outskirts", "suburb", "suburbs"}

# --- Places: what is no place -----------------------------------------------------------------

#: Directions and vague areas that NER labels LOC alone ("the West", "the Gulf"):
#: no one place to map.
VAGUE = {*DIRECTIONS, "gulf", "interior", "coast", "border", "region", "area", "city", "county",
         "state", "province", "district", "capital"}
#: Words for a part of a place ("Northeast Georgia", "Southern California"): where the whole is no
#: name the gazetteer knows, the place is the name after them.
PART_WORDS = {*DIRECTIONS, *DIRECTION_ADJECTIVES, "central", "upper", "lower", "greater", "mid"}
#: Capitalised words that are dates or institutions, never places, whatever a gazetteer says.
NOT_PLACES = {*MONTHS, *WEEKDAYS, "christmas", "easter",
              # institutions news names by their seat or body ("in the Senate", "the Kremlin said")
              "senate", "congress", "parliament", "legislature", "white house", "kremlin",
              # adjectives that open a sentence before a word that follows places ("Local police")
              "local", "federal", "national", "regional", "international",
              # AP's state abbreviations are words without their full stop ("the Miss Ohio title")
              "miss", "mass", "ill", "ind", "del", "cal", "pa", "mo",
              # the planet, not the town named after it (Earth, Texas); Jupiter and Mars are
              # towns news names (Florida's, Pennsylvania's)
              "earth"}
#: Words after a place name that make it a disease's ("West Nile virus", "Marburg haemorrhagic fever").
DISEASE_WORDS = {"virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "encephalitis", "disease"}
#: Words that may stand between a place name and DISEASE_WORDS ("Marburg haemorrhagic fever").
DISEASE_BRIDGES = {"hemorrhagic", "haemorrhagic", "-"}
#: Places news names mostly for the disease named after them, "virus" or "fever" unsaid ("tested
#: negative for Ebola"); a place cue still makes one the place ("the Ebola river").
DISEASE_NAMES = {"ebola", "zika", "nipah", "hendra", "lassa", "chikungunya"}
#: Last words of a name in a chain that make it a building or a body, not a place ("the Civil
#: Hospital, Ludhiana").
FACILITY_WORDS = {"hospital", "clinic", "school", "university", "college", "market", "mosque", "church",
                  "temple", "camp", "base", "prison", "jail", "office", "building", "bank", "hotel", "stadium",
                  "square", "street", "road", "highway", "bridge", "station", "court", "house", "hall", "center",
                  "centre", "company", "ministry", "police", "council", "party", "army", "forces", "government",
                  "committee", "union", "agency"}

# --- Places: the shape of names -------------------------------------------------------------

#: Words that join capitalised words into one run of a name ("Mazar-i-Sharif", "Bank of ..."),
#: and that make a name before brackets the tail of a longer one: "of" and the hyphen included.
RUN_CONNECTORS = {"-", "i", "e", "y", "al", "el", "ul", "de", "del", "la", "le", "da", "do", "dos", "of"}
#: Words that join the parts of a Persian, Arabic or Romance name before a unit word ("Nad-e Ali
#: district", "Jalrez I Payan district"); a hyphen alone joins as often a city and its district
#: ("Aden-Crater"), which is no one name.
UNIT_NAME_JOINERS = {"-", "i", "e", "ye", "y", "al", "el", "ul", "de", "do", "da", "du", "di", "la", "le"}
#: Lower-case words inside Romance and Arabic place names ("Foz do Iguacu", "Ejido de Vergel"); not
#: "y", "e", "i", which also mean "and".
NAME_CONNECTORS = {"de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "le", "el", "al", "ul"}
#: Endings of town names that people's and organisations' names seldom have ("Gainesville").
TOWN_ENDINGS = ("ville", "town", "burg", "burgh", "boro", "borough", "polis")
#: Endings of demonyms (Afghan, Pakistani, Kurdish): NER's NORP so ending needs a sizeable town.
DEMONYM_ENDINGS = ("n", "ns", "i", "is", "sh")

# --- Organisations and bodies ---------------------------------------------------------------

#: Words in an ORG after a place name that make it an organisation named after it.
ORG_WORDS = {
    "council", "police", "university", "governor", "government", "administration", "office",
    "command", "corps", "army", "hospital", "assembly", "court", "committee", "province's",
    "provincial", "district's", "times", "post", "news", "club", "fc", "united", "city's",
    "department", "ministry", "authority", "airlines", "airways", "bank", "company",
    "service", "services", "sheriff", "sheriff's", "coroner", "coroner's", "commission", "commissioners",
    "board", "agency", "association", "coalition", "library", "school", "schools", "college", "institute",
    "chamber", "senate", "legislature", "health", "county's", "state's", "bureau", "center", "centre",
    "guard", "patrol",
    # plurals that head a body's name ("the U.S. Centers for Disease Control")
    "centers", "centres", "departments", "ministries", "offices", "agencies", "institutes", "bureaus",
}
#: Words after a place entity that make it part of an organisation's name ("Kunduz provincial council").
ORG_FOLLOWERS = {"provincial", "council", "municipal", "governor", "governorate's", "university",
                 "airlines", "airways"}
#: Words for bodies that run a unit of their own: "School District", "Police District".
BODY_WORDS = {"school", "schools", "university", "college", "hospital", "police", "court", "ministry",
              "council", "committee", "agency", "company", "bank", "office"}

# --- People and speech ----------------------------------------------------------------------

#: Words before a surname that make it one: "President Saakashvili", "coach Ripley". (parsing.nlp
#: keeps its own list of abbreviated titles, after which no sentence starts.)
SURNAME_TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "sen", "senator", "rep", "gov",
                  "governor", "mayor", "coach", "chief", "judge", "sheriff", "officer", "sgt", "lt", "capt",
                  "gen", "general", "col", "rev", "father", "pastor", "professor", "prof", "secretary",
                  "spokesman", "spokeswoman"}
#: The possessive endings as the tokenizer splits them ("Flores' honor" aside).
POSSESSIVES = ("'s", "’s")
#: Verbs after a one-word name that make it a person speaking ("Kristina said"), though a small
#: town bears the name.
PERSON_SPEECH_VERBS = {"said", "says", "told", "added", "explained", "noted", "stated", "wrote", "asked",
                       "replied"}
#: Verbs of saying that introduce a claim (:mod:`parsing.claims`), in all their forms.
SAY_VERBS = {
    "said", "says", "say", "told", "tells", "confirmed", "confirms", "claimed", "claims", "claim",
    "warned", "warns", "denied", "denies", "announced", "announces", "stated", "states", "added",
    "adds", "stressed", "stresses", "noted", "notes", "reported", "reports", "insisted", "explained",
    "acknowledged", "admitted", "alleged", "declared", "expressed", "tweeted", "wrote", "urged",
}
#: Verbs after an entity that make it the sentence's speaker, not a party to its event ("the
#: Pentagon announced"): a few of SAY_VERBS.
SPEAKER_VERBS = {"said", "says", "say", "told", "tells", "announced", "confirmed", "claimed", "claims", "added",
                 "stressed", "warned", "denied", "reported"}
#: Verbs after a place name that make it its government speaking, not where an event happened
#: ("Ankara also requested").
STATE_SPEECH_VERBS = {"said", "says", "announced", "requested", "asked", "demanded", "warned", "denied",
                      "claimed", "accused", "urged", "called", "insisted", "responded", "rejected", "condemned",
                      "agreed"}
#: Verbs after a place entity that make it a state acting ("Turkey had accepted"): its speech and more.
STATE_ACTION_VERBS = STATE_SPEECH_VERBS | {"accepted", "accepts", "agreed", "agrees", "signed", "take", "took",
                                           "sent", "deployed", "offered", "pledged", "launched", "requested"}
#: Auxiliaries and adverbs that may stand between a state and its verb ("Turkey had accepted").
AUXILIARIES = {"had", "has", "have", "would", "will", "also", "then", "could", "is", "was"}

# --- Claims ---------------------------------------------------------------------------------

#: Nouns that make a common-noun speaker ("an army officer", "officials", "a spokesman").
SOURCE_NOUNS = {
    "official", "officials", "officer", "officers", "source", "sources", "spokesman", "spokeswoman",
    "spokesperson", "commander", "commanders", "witness", "witnesses", "resident", "residents",
    "police", "authorities", "ministry", "governor", "elder", "elders", "member", "members",
    "soldier", "soldiers", "doctor", "doctors", "villagers", "diplomat", "diplomats", "analysts",
    "army", "military", "government", "forces", "group", "militants", "activists", "medics",
}
#: Those of SOURCE_NOUNS that make an unnamed speaker anonymous, whatever word leads the phrase.
ANONYMOUS_NOUNS = {"source", "sources", "official", "officials", "officer", "officers", "witness",
                   "witnesses", "resident", "residents", "soldier", "soldiers"}
#: Words that lead a source's phrase and make it anonymous ("a police officer", "two officials").
ANONYMOUS_LEADS = {"a", "an", "another", "two", "three", "several", "some"}
#: Words that open a source's phrase: reading back over it stops after one ("the army officers").
SOURCE_PHRASE_LEADS = {"the", *ANONYMOUS_LEADS}
#: Words at which reading back over a source's phrase stops.
SOURCE_PHRASE_BREAKS = {"and", "but", "that", "while", "as", "said", "of", "on"}
#: Pronouns that take the speaker last named ("she added").
PRONOUNS = {"he", "she", "they", "it", "we"}
#: Words that may stand between a speaker and the verb of saying ("Sadat also said").
SKIP_BEFORE_VERB = {"also", "however", "later", "earlier", "then", "further", "again", "had", "has",
                    "have", "was", "were", "on", "in", "this", "last", "today", "yesterday", ",",
                    "separately", "previously", "reportedly"}
#: Words that make the words between commas before a person's name their role ("the US
#: ambassador to the UN, Linda Thomas-Greenfield").
ROLE_WORDS = {"ambassador", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
              "president", "governor", "member", "commander", "chief", "head", "director", "official",
              "representative", "envoy", "leader", "mayor", "general", "officer", "adviser", "advisor"}

# --- Events ---------------------------------------------------------------------------------

#: (event type, sub-event type, trigger phrases): ACLED's event types and the words that tell
#: them. Earlier rows win over later ones.
TRIGGERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Explosions/Remote violence", "Suicide bomb",
     ("suicide bomb", "suicide bomber", "suicide bombers", "suicide attack", "suicide bombing",
      "suicide car bomb", "blew himself up", "blew herself up", "suicide vest")),
    ("Explosions/Remote violence", "Chemical weapon", ("chemical weapon", "chemical attack", "sarin", "chlorine gas")),
    ("Explosions/Remote violence", "Air/drone strike",
     ("airstrike", "airstrikes", "air strike", "air strikes", "drone strike", "drone strikes", "drone attack",
      "air raid", "air raids", "warplanes", "warplane", "aerial bombardment", "airplanes bombed",
      "air force", "helicopter gunship", "helicopter gunships", "bombed from the air")),
    ("Explosions/Remote violence", "Grenade", ("grenade", "grenades")),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     ("shelling", "shelled", "shells", "artillery", "mortar", "mortars", "missile", "missiles", "rocket",
      "rockets", "rocket-propelled", "rocket-propelled grenade", "rocket-propelled grenades", "rpg", "rpgs")),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     ("ied", "ieds", "roadside bomb", "roadside mine", "landmine", "land mine", "landmines", "explosive device",
      "explosive devices", "car bomb", "magnetic bomb", "sticky bomb", "bomb blast", "bomb exploded",
      "explosion", "explosions", "blast", "detonated", "bomb", "bombs", "mine exploded")),
    ("Violence against civilians", "Sexual violence", ("raped", "rape", "sexual violence", "sexually assaulted")),
    ("Violence against civilians", "Abduction/forced disappearance",
     ("abducted", "abduction", "kidnapped", "kidnapping", "abducting", "kidnap", "taken hostage")),
    ("Battles", "Government regains territory",
     ("retook", "retaken", "recaptured", "regained control", "regained", "recapture", "liberated",
      "cleared the area", "pushed back")),
    ("Battles", "Non-state actor overtakes territory",
     ("captured", "seized", "seize", "seizes", "took control", "taken control", "take control", "overran",
      "overrun", "fell to", "takeover", "capture of", "stormed")),
    ("Riots", "Mob violence", ("mob", "lynched", "lynching", "vigilantes", "vigilante", "beaten up by residents",
                               "beaten by residents", "beaten up", "beat up")),
    ("Riots", "Violent demonstration",
     ("riot", "riots", "rioters", "rioting", "violent protest", "violent demonstration", "threw stones",
      "pelted", "torched", "petrol bomb", "petrol bombs", "petrol bombed", "molotov", "molotov cocktails")),
    ("Protests", "Excessive force against protesters",
     ("fired on protesters", "opened fire on protesters", "killed protesters", "shot protesters",
      "fired live ammunition")),
    ("Protests", "Protest with intervention",
     ("dispersed", "tear gas", "teargas", "water cannon", "arrested protesters", "detained protesters")),
    ("Protests", "Peaceful protest",
     ("protest", "protests", "protested", "demonstrated", "staged a protest", "held a protest", "picketed",
      "press conference with banners", "press conference", "placards", "banners", "blocked the road",
      "blocked traffic", "blocked roads", "gathered to", "took to the streets", "strike", "went on strike",
      "boycott", "vigil", "marches", "march", "gathered", "sit-in", "protesters", "protestors", "demonstration", "demonstrations",
      "demonstrators", "rally", "rallies", "rallied", "marched", "sit-in", "picket")),
    ("Strategic developments", "Agreement",
     ("agreed", "agreement", "agreements", "accepted a leading role", "accepted a role", "accepts lead role",
      "ceasefire", "cease-fire", "truce", "peace deal", "signed a deal", "signed an agreement", "accord")),
    ("Strategic developments", "Arrests", ("arrested", "detained", "arrest", "arrests", "apprehended")),
    ("Strategic developments", "Disrupted weapons use",
     ("defused", "foiled", "weapons cache", "seized weapons", "seized explosives", "intercepted")),
    ("Strategic developments", "Looting/property destruction",
     ("looted", "looting", "set ablaze", "burned down", "burnt down", "demolished", "destroyed", "vandalized",
      "set fire", "set on fire", "set alight")),
    ("Strategic developments", "Non-violent transfer of territory",
     ("handed over", "withdrew from", "surrendered", "vacated")),
    ("Strategic developments", "Headquarters or base established",
     ("established a base", "established a new base", "set up a base", "set up a checkpoint",
      "established a checkpoint")),
    ("Strategic developments", "Change to group/activity",
     ("deployed", "patrol", "patrolled", "conducted a patrol", "redeployed", "reinforcements arrived")),
    ("Violence against civilians", "Attack",
     ("shot dead", "executed", "beheaded", "massacre", "massacred", "killed civilians", "murdered",
      "gunned down", "assassinated", "found dead", "body of a", "body was found", "shot to death",
      "stabbed", "tortured", "assaulted", "physically assaulted")),
    ("Battles", "Armed clash",
     ("clash", "clashes", "clashed", "fighting", "fought", "fight", "firefight", "gunfight", "gun battle",
      "battle", "battles", "battled", "exchange of fire", "offensive", "offensives", "ambush", "ambushed",
      "raid", "raids", "raided", "operation", "operations", "attacked", "attack", "attacks", "assault",
      "killed", "wounded", "firing", "fired on", "fired at", "fired upon", "fired with", "fired small arms",
      "shoot-out", "shootout", "shoot-outs", "shootouts", "shooting", "gunfire", "repelled", "bursts of fire",
      "shots fired", "fired shots", "shot", "shot at", "sniper", "snipers", "machine gun", "machine guns",
      "machine-gun",
      "incursion", "incursions", "repulsed")),
)
#: Ground combat: with air strikes in the same report, ACLED codes an armed clash.
GROUND_TRIGGERS = {"clash", "clashes", "clashed", "fighting", "fought", "raid", "raids", "raided", "operation",
                   "operations", "attack", "attacks", "attacked", "assault", "ambush", "ambushed", "offensive",
                   "firefight", "gunfight"}
#: Triggers that say someone was hurt, not that two armed sides fought.
HARM_ONLY_TRIGGERS = {"killed", "wounded", "shooting", "shot", "shot at", "attacked", "attack", "attacks",
                      "firing", "gunfire"}
#: Words just before a trigger that make it an intention, a hypothetical or a denial.
NOT_HAPPENED = {"would", "will", "could", "may", "might", "plan", "plans", "planned", "threatened", "vowed",
                "intend", "intends", "aim", "aims", "if", "not", "no", "never", "deny", "denied", "prevent",
                "avoid", "possible", "potential", "soon", "should", "want", "wants", "urged", "called"}
#: Determiners before a trigger ending in -ed that make it an adjective ("the captured area").
ADJECTIVE_DETERMINERS = {"the", "a", "an", "this", "that", "their"}

# Actors: the head nouns that name them, by the kind of actor they stand for.
#: Armies and soldiers.
MILITARY = {"forces", "troops", "army", "soldiers", "soldier", "military", "commandos", "ansf", "andsf",
            "servicemen", "marines", "paratroopers"}
#: Police forces and officers.
POLICE = {"police", "policemen", "policeman", "gendarmes", "gendarmerie"}
#: Armed groups without a name.
ARMED = {"militants", "militant", "insurgents", "insurgent", "gunmen", "gunman", "fighters", "rebels",
         "jihadists", "extremists", "terrorists", "attackers", "assailants"}
#: Civilians.
CIVILIANS = {"civilians", "civilian", "villagers", "residents", "people", "children", "women", "farmers",
             "worshippers", "students", "journalists", "shepherd", "man", "woman", "boy", "girl"}
#: Protesters.
PROTESTERS = {"protesters", "protestors", "demonstrators"}
#: Rioters.
RIOTERS = {"rioters", "mob"}
#: Nouns after an actor's head noun that make it a person, usually the speaker ("an army officer").
PERSON_NOUNS = {"officer", "officers", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
                "commander", "commanders", "source", "sources", "chief", "member", "members", "doctor"}
#: Words at which reading back over an actor's modifiers stops ("the Afghan forces").
ACTOR_MODIFIER_BREAKS = {"the", "a", "an", "of", "and", "by", "with", "between", "against"}
#: Nouns a place name modifies when it says whose something is, not where: "US forces", "Turkish
#: troops", "Afghan officials". With no other place named, the country may still be where it
#: happened ("Afghan forces killed ten militants").
OWNED_NOUNS = (MILITARY | POLICE | ARMED | PERSON_NOUNS) | {
    "government", "authorities", "citizens", "personnel", "navy", "president", "minister", "ministry",
    "intelligence"}
#: ...and those that say it happened elsewhere: "the US dollar", "the Turkish embassy", "Israeli
#: airstrikes", "the Saudi-led coalition" are never in that country's territory in the news.
OWNED_ABROAD_NOUNS = {"coalition", "embassy", "consulate", "envoy", "delegation", "diplomats", "nationals",
                      "contractors", "advisers", "advisors", "peacekeepers", "drone", "drones", "jets",
                      "warplanes", "aircraft", "airstrike", "airstrikes", "dollar", "dollars", "currency"}
#: Numbers in words, as fatality counts read them.
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24,
                "fifteen": 15, "twenty": 20, "thirty": 30}

# --- Marks ----------------------------------------------------------------------------------

#: What ends a phrase of places ("at Karki, Nakhchivan."): a clause's punctuation.
PHRASE_ENDS = {".", ";", ":", ")", "!", "?", "(", "—", "–"}
#: What ends a dateline's place ("KABUL —", "BEIRUT:", "COLUMBUS, Ohio (AP)").
DATELINE_ENDS = {"—", "–", "-", "--", "---", ":", ",", "("}
#: Quotation marks that open and close a quotation (straight quotes do both, and are left out).
OPEN_QUOTES, CLOSE_QUOTES = "“«", "”»"
