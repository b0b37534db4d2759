"""Closed word lists used by the speaker and role rules (English news conventions)."""

from __future__ import annotations

# Courtesy titles: stripped from names, carry no role, some carry gender.
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "madam": "f", "dame": "f", "lord": "m", "lady": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None,
    # West African and Muslim honorifics of one who made the pilgrimage
    "alhaji": "m", "alhaja": "f", "hajia": "f", "hajiya": "f",
}

# Office titles written before a name ("President Xi", "Sen. Warren"): stripped from the
# name, kept as the role.
TITLE_ABBREVIATIONS = {
    "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "cmdr.", "gov.", "sen.", "rep.",
    "rev.", "gen", "lt", "col", "sen", "rep", "gov", "supt.", "insp.", "det.", "cpl.",
    "del.", "atty.", "amb.", "pvt.", "ald.",
}

# abbreviated titles as a description names them ("Sen. X" ... "the senator"; only the word
# itself: "one official" is no governor written "Gov.")
SPELLED_OUT = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
               "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
               "sgt": "sergeant", "adm": "admiral", "rev": "reverend", "del": "delegate",
               "atty": "attorney", "amb": "ambassador", "supt": "superintendent",
               "det": "detective", "insp": "inspector", "pvt": "private", "cpl": "corporal",
               "ald": "alderman", "cmdr": "commander"}

# A title's clipped form in a description -> the words of the title it clips ("the chief
# vet" for a Chief Veterinary Officer)
CLIPPED = {"vet": {"veterinary", "veterinarian"}, "exec": {"executive"},
           "prof": {"professor"}, "doc": {"doctor"}, "super": {"superintendent"}}

# Head nouns that name an office, job or capacity; the role rules only accept phrases
# headed by one of these (or by a job-like suffix, see is_role_head below).
ROLE_NOUNS = {
    "ceo", "cfo", "coo", "cto", "cio", "chief", "executive", "founder", "co-founder",
    "cofounder", "president", "vice-president", "chairman", "chairwoman", "chairperson",
    "chair", "director", "director-general", "manager", "head", "boss", "officer", "owner",
    "partner", "minister", "secretary", "secretary-general", "spokesman", "spokeswoman",
    "spokesperson", "official", "analyst", "economist", "professor", "lecturer", "scientist",
    "researcher", "fellow", "expert", "senator", "governor", "mayor", "lawmaker",
    "legislator", "congressman", "congresswoman", "representative", "leader", "deputy",
    "premier", "chancellor", "ambassador", "envoy", "diplomat", "general", "commander",
    "commissioner", "editor", "correspondent", "journalist", "reporter", "columnist",
    "lawyer", "attorney", "judge", "justice", "prosecutor", "coach", "captain", "candidate",
    "nominee", "adviser", "advisor", "consultant", "strategist", "aide", "staffer",
    "campaigner", "activist", "organizer", "organiser", "entrepreneur",
    "investor", "banker", "trader", "engineer", "doctor", "physician", "surgeon", "nurse",
    "midwife", "vet",
    "teacher", "principal", "dean", "student", "member", "chairman-elect", "president-elect",
    "king", "queen", "prince", "princess", "monarch", "pope", "bishop", "archbishop",
    "pastor", "priest", "imam", "rabbi", "sheriff", "detective", "inspector", "superintendent",
    "administrator", "treasurer", "auditor", "supervisor", "coordinator", "pollster",
    "historian", "author", "writer", "novelist", "actor", "actress", "singer", "musician",
    "artist", "designer", "architect", "developer", "programmer", "physicist",
    "chemist", "biologist", "sociologist", "psychologist", "politician", "delegate",
    "governor-general", "mp", "mep", "councillor", "councilman", "councilwoman", "alderman",
    "alderwoman", "alderperson", "conductor", "composer",
    "businessman", "businesswoman", "executive-director", "veteran",
    "president-designate", "rapporteur", "negotiator", "regulator", "auditor-general",
    "attorney-general", "solicitor", "barrister", "counsel", "specialist", "scholar", "host",
    "anchor", "pundit", "critic", "surrogate", "contender", "hopeful", "incumbent",
    "co-chair", "vice-chair", "commentator", "instructor", "mediator", "curator", "trustee",
    "archivist", "ombudsman", "mechanic",
    "goalkeeper", "referee", "champion", "striker", "midfielder", "defender", "player", "athlete",
    "climber", "mountaineer", "pilot", "farmer", "firefighter", "paramedic", "librarian",
    "pharmacist", "dentist", "accountant", "chef", "resident", "victim", "survivor",
    "witness", "playwright", "photographer", "speaker", "whip",
    # police, court, church and sport offices of British and Commonwealth copy
    "constable", "sergeant", "marshal", "warden", "ranger", "steward", "clerk", "registrar",
    "bailiff", "chaplain", "vicar", "curate", "trooper", "trainer", "umpire", "skipper",
    "winger", "batsman", "bowler", "jockey", "caretaker", "janitor", "porter", "baker",
    "fisherman", "miner", "provost", "rector", "vice-rector", "bursar", "wicketkeeper",
    "keeper", "batter",
    # positions in team sports ("admitted forward X", "point guard Y")
    "forward", "guard", "centre-back", "full-back", "fullback", "quarterback", "linebacker",
    "pitcher", "catcher", "shortstop", "playmaker", "sculptor", "painter", "poet",
    # voices of a choir or an opera ("X, a soprano in the choir")
    "soprano", "mezzo-soprano", "contralto", "alto", "tenor", "baritone", "chorister",
}

# Relations to another person ("Y's son", "her team-mate"): a role only when the article
# states no occupation (the guideline).
RELATIONAL_NOUNS = {
    "colleague", "team-mate", "teammate", "wife", "husband", "ex-wife", "ex-husband", "son",
    "daughter", "brother", "sister", "mother", "father", "friend", "neighbour", "neighbor",
    "cousin", "widow", "widower", "fiancee", "fiancé", "fiancée", "girlfriend", "boyfriend",
    "grandson", "granddaughter", "nephew", "niece", "uncle", "aunt", "stepfather",
    "stepmother", "classmate", "roommate", "mentor", "protege", "mate", "rival", "opponent",
}

PARTY_MEMBERS = {"democrat", "republican", "libertarian", "independent"}
# who a person is to another, written before the name like a title ("Rival Hillary Clinton")
RIVALRY_WORDS = {"rival", "opponent", "challenger", "incumbent"}

# who heads a body: "the head of the port" is its chief
HEADS = {"head", "chief", "ceo", "director", "president", "chairman", "chairwoman",
         "chairperson", "boss", "leader"}
# Nouns for people or offices whose head only loosely matches the title in a role:
# "the executive" may be the CEO, founder or chairman mentioned before.
LAWYERS = {"lawyer", "attorney", "counsel", "solicitor", "barrister"}  # one job, several names
ROLE_CLASSES = {
    "executive": {"ceo", "chief", "executive", "founder", "co-founder", "chairman",
                  "chairwoman", "chairperson", "president", "director", "head", "boss",
                  "officer", "owner", "manager", "entrepreneur", "businessman",
                  "businesswoman"},
    "boss": {"ceo", "chief", "founder", "chairman", "chairwoman", "chairperson", "head",
             "owner", "president", "director", "boss"},
    "head": HEADS,
    "chief": HEADS,
    "official": {"official", "minister", "secretary", "spokesman", "spokeswoman",
                 "spokesperson", "director", "director-general", "commissioner", "officer",
                 "deputy", "administrator", "ambassador", "envoy", "governor", "mayor"},
    "lawmaker": {"senator", "congressman", "congresswoman", "representative", "lawmaker",
                 "legislator", "mp", "mep", "delegate", "councillor"},
    "judge": {"judge", "justice", "magistrate"},
    "lawyer": LAWYERS,
    "attorney": LAWYERS,
    "justice": {"judge", "justice"},
    "nominee": {"nominee", "candidate", "contender", "hopeful"},
    "candidate": {"nominee", "candidate", "contender", "hopeful"},
    "entrepreneur": {"founder", "co-founder", "entrepreneur", "ceo", "owner", "businessman",
                     "businesswoman"},
}
# who speaks for someone: a spokesperson, or the communications or press staff
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "communications", "press"}
ROLE_CLASSES |= {word: SPOKESPEOPLE for word in ("spokesman", "spokeswoman", "spokesperson")}

# Gender carried by role or kinship nouns ("a ministry spokeswoman", "daughter of ...").
GENDERED_NOUNS = {
    "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f",
    "councilwoman": "f", "actress": "f", "queen": "f", "princess": "f", "daughter": "f",
    "wife": "f", "mother": "f", "sister": "f", "widow": "f", "woman": "f", "grandmother": "f",
    "spokesman": "m", "businessman": "m", "congressman": "m", "councilman": "m", "king": "m",
    "prince": "m", "son": "m", "husband": "m", "father": "m", "brother": "m", "man": "m",
    "widower": "m", "grandfather": "m", "actor": "m",
}

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
# Nouns that say what kind of person, not what they do ("a teenager who goes by “Kilo”", "a
# man everyone calls “Tinker”" have no role)
PERSON_KINDS = {"teenager", "youngster", "villager", "passenger", "stranger", "newcomer",
                "foreigner", "outsider", "bystander", "pensioner", "commuter", "shopper",
                "customer", "voter", "viewer", "reader", "listener", "user", "survivor",
                "man", "woman", "boy", "girl", "person", "guy", "lady", "gentleman", "child",
                "kid", "local"}
# What someone says and how: its owner is the speaker ("his remarks suggest", "The coach's
# tone hardened. «...»")
SPEECH_NOUNS = {"tone", "rhetoric", "remarks", "comments", "words", "language", "criticism",
                "stance", "position", "views", "argument", "arguments", "claims"}
# A lead-in that names someone's words, not a document: "Comment from the director, X:"
LEAD_IN_NOUNS = {"comment", "comments", "response", "reaction", "reply", "word", "words",
                 "thoughts", "verdict", "answer"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves", "we", "us", "our"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
DASHES = {"--", "\u2014", "\u2013", "\u2015"}  # an aside's or a signature's dash
WRITER_PRONOUNS = {"i", "me", "my"}  # in the narration: the writer (plural "we" is a group)
RELATIVE_PRONOUNS = {"who", "whom", "whose", "which", "that"}
THING_PRONOUNS = {"it", "its", "this", "these", "those"}

# Offices a setting has one of ("the judge" of a trial, "the mayor" of a city): an unnamed
# holder the story refers to by bridging, rarely a second mention of the story's own person.
SETTING_OFFICES = {"judge", "mayor", "president", "governor", "prosecutor", "sheriff",
                   "coroner", "magistrate", "speaker", "premier", "chancellor", "pope"}
PLURAL_NOUN_TAGS = ("NNS", "NNPS")
# Plural nouns for people that are no office: who "they" may be below them.
PEOPLE_NOUNS = {"people", "voters", "residents", "citizens", "parents", "students", "workers",
                "families", "americans", "protesters", "demonstrators", "supporters",
                "opponents", "critics", "proponents", "advocates", "activists", "groups",
                "fans", "spectators"}

# Generic organisation nouns: "the ministry" resolves to the organisation named with it.
ORG_NOUNS = {
    "ministry", "department", "agency", "government", "company", "firm", "group", "bank",
    "committee", "commission", "council", "court", "office", "party", "campaign",
    "administration", "union", "association", "alliance", "institute", "university",
    "board", "police", "army", "military", "embassy", "parliament", "congress",
    "senate", "newspaper", "network", "corporation", "organisation", "organization",
    "foundation", "fund", "authority", "regulator", "bureau", "service", "team", "club",
    "coalition", "federation", "league", "society", "center", "centre", "caucus",
    "conference", "forum", "consortium", "chamber",
}
# bodies named by one common word ("the House", "the General Assembly"): never a person
GENERIC_BODIES = ORG_NOUNS | {"house", "assembly", "cabinet", "legislature", "pentagon"}
# The bodies an office is "of", which the NER runs into the holder's name ("Secretary of
# State Clinton" tagged "State Clinton")
OFFICE_BODIES = {"state", "house", "senate", "defense", "defence", "treasury", "justice",
                 "commerce", "labor", "labour", "education", "energy", "health", "finance",
                 "interior", "agriculture", "transportation", "transport", "homeland",
                 "security", "staff", "representatives", "commons", "lords", "war"}

# Verbs after which "said:" or "said;" opens a block quote written without marks.
SPEECH_VERBS = {
    "said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "wrote",
    "writes", "explained", "explains", "declared", "declares", "announced", "announces",
    "noted", "notes", "continued", "continues", "stressed", "replied", "responded",
    "remarked", "commented", "insisted", "argued", "warned", "asked", "tweeted", "posted",
    "admitted", "conceded", "claimed", "complained", "countered", "protested", "acknowledged",
    "recalled", "cautioned", "emphasised", "emphasized", "predicted", "promised", "suggested",
    "maintained", "maintains",
}

# Objects that make a speech verb say no words: "said nothing", "did not say anything"
EMPTY_WORDS = {"nothing", "anything", "something", "little"}

# Words before a name in quotation marks that introduce it as a name ("known as", "goes by",
# "calls herself" "Duchess")
NAMING_WORDS = {"name", "nickname", "called", "calls", "call", "nicknamed", "dubbed", "as", "by",
                "himself", "herself"}

# Cues that continue the previous speaker's turn ("He added that ...").
CONTINUATION_CUES = {"added", "adds", "adding", "continued", "continues", "continuing",
                     "went", "elaborated", "elaborates", "concluded", "concludes",
                     "reiterated", "stressed", "noted"}

# Dependency labels of a clause's subject (spaCy's English scheme).
SUBJECT_DEPS = ("nsubj", "nsubjpass")

# Job-like endings of a lower-case head noun ("economist", "organiser", "alderman")
ROLE_SUFFIXES = ("ist", "man", "woman", "person", "er", "or", "ian", "hand",  # "deckhand"
                 "mistress", "wife")  # "postmistress", "housewife"


def is_title_abbreviation(word: str) -> bool:
    """A lower-case word is an abbreviated title, with its dot or without ("rev" of "Rev.":
    titles are often matched without the dot)."""
    return word in TITLE_ABBREVIATIONS or f"{word}." in TITLE_ABBREVIATIONS


def is_role_head(word: str) -> bool:
    """An office, job or relation noun: listed, an abbreviated title, or a lower-case word
    with a job-like ending."""
    w = word.lower()
    singular = w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
    if w in ROLE_NOUNS or singular in ROLE_NOUNS or is_title_abbreviation(w):
        return True
    if w in RELATIONAL_NOUNS or singular in RELATIONAL_NOUNS:
        return True
    return word.islower() and singular not in ORG_NOUNS and any(  # "newspaper", "center"
        singular.endswith(suffix) and len(singular) >= len(suffix) + 4 for suffix in ROLE_SUFFIXES
    )
