"""Role rules: appositives, titles before the name, copular and "as" phrases, descriptions,
each trimmed to the role itself."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from service.pipeline.nlp import parse
from service.pipeline.speakers.roles import described_before
from tests.support.handmade import attribution, resolve


def role_of(text: str, source: str, content: str) -> str | None:
    att = attribution(text, content, source=source)
    return resolve(text, [att])[0].role


@pytest.mark.parametrize(
    "text, source, content, role",
    [
        # appositive, trimmed at the comma
        (
            "Hugh Hill, a doctor at the city hospital, said the ward was full.",
            "Hugh Hill",
            "the ward was full",
            "doctor at the city hospital",
        ),
        # where the person is from belongs to the appositive
        (
            "Hugh Hill, a sheep farmer from the village of Elton, said the ward was full.",
            "Hugh Hill",
            "the ward was full",
            "sheep farmer from the village of Elton",
        ),
        # an age between the name and the appositive
        (
            "Hugh Hill, 52, a doctor at the city hospital, said the ward was full.",
            "Hugh Hill",
            "the ward was full",
            "doctor at the city hospital",
        ),
        # an appositive between dashes
        (
            "Hugh Hill \u2014 surgeon and radio host \u2014 said the ward was full.",
            "Hugh Hill",
            "the ward was full",
            "surgeon and radio host",
        ),
        # a time word modifying the appositive's noun is part of the role
        (
            '"The rules are clear," said Hugh Hill, a two-decade veteran of the rules panel.',
            "Hugh Hill",
            "The rules are clear,",
            "two-decade veteran of the rules panel",
        ),
        # appositive with a second noun phrase and a relative clause after it
        (
            "Nina Roy, founder of Roy Labs and the youngest delegate at the summit, said "
            "funding was scarce.",
            "Nina Roy",
            "funding was scarce",
            "founder of Roy Labs",
        ),
        # title before the name, organisation first: reordered to "title of organisation"
        (
            "Acme founder and chairman Sam Field said the merger was off.",
            "Sam Field",
            "the merger was off",
            "founder and chairman of Acme",
        ),
        # formal title before the name stays as written
        (
            "Finance Minister Olaf Berg said the budget was balanced.",
            "Olaf Berg",
            "the budget was balanced",
            "Finance Minister",
        ),
        # copular phrase anywhere in the article
        (
            "Ada Kim said profits would fall. Kim is the chief executive of Pine Bank.",
            "Ada Kim",
            "profits would fall",
            "chief executive of Pine Bank",
        ),
        # "as" phrase, trimmed before the date
        (
            "Kofi Mensah, who will serve as treasurer of the party from June, said dues "
            "would rise.",
            "Kofi Mensah",
            "dues would rise",
            "treasurer of the party",
        ),
        # a parenthetical abbreviation inside the role is kept
        (
            "Lina Haas, the head of the European Central Bank (ECB) research unit, said "
            "rates would hold.",
            "Lina Haas",
            "rates would hold",
            "head of the European Central Bank (ECB) research unit",
        ),
        # what the organisation is, written before its name, is not part of the role
        (
            "Priya Nair, an analyst at market research firm Kestrel, said demand was weak.",
            "Priya Nair",
            "demand was weak",
            "analyst at Kestrel",
        ),
        # the role at the quote gives way to an earlier one that says more
        (
            "Dana Okafor, a law professor at Kestrel University, studied the case. "
            "Okafor, the law professor, said the ruling was sound.",
            "Okafor, the law professor,",
            "the ruling was sound",
            "law professor at Kestrel University",
        ),
        # a preposition inside one hyphenated word does not end the role
        (
            "Ines Vidal, the editor-in-chief of the Harbor Ledger, said sales had doubled.",
            "Ines Vidal",
            "sales had doubled",
            "editor-in-chief of the Harbor Ledger",
        ),
        # an indefinite appositive says what someone is whatever its noun, where nothing
        # else does, and where (the gold sets' "lobbyist in North Carolina")
        (
            "Marta Ilves, a longtime Republican donor in Tallinn, said the race was close.",
            "Marta Ilves",
            "the race was close",
            "longtime Republican donor in Tallinn",
        ),
        # a copular clause naming whose job it is, the job first
        (
            "Its chief executive is Halima Yusuf, who flew in on Monday. Yusuf said the plant "
            "would close.",
            "Yusuf",
            "the plant would close",
            "chief executive",
        ),
        # a possessed description goes on to the comma before the name
        (
            "From the club's head of medical services, Farida Haidari: the surgery went well, "
            "Haidari said.",
            "Haidari",
            "the surgery went well",
            "club's head of medical services",
        ),
        # no-break spaces between the titles (web copy) neither end the role nor stay in it
        (
            "Speaking on Sunday, Republican vice-presidential nominee\u00a0Gov.\u00a0Tim Rowe "
            "(R-IN) said taxes would fall.",
            "Gov.\u00a0Tim Rowe (R-IN)",
            "taxes would fall",
            "Republican vice-presidential nominee",
        ),
        # a party member's position is a role, the party and state label is not
        (
            "Rep. Lara Quint, the top Democrat on the House Budget Committee, said cuts "
            "would hurt.",
            "Rep. Lara Quint",
            "cuts would hurt",
            "top Democrat on the House Budget Committee",
        ),
        (
            "Senator Rhea Dunn, Democrat of Oregon, said the bill was dead.",
            "Senator Rhea Dunn",
            "the bill was dead",
            "Senator",
        ),
        # a lower-case "lady" is part of a title, not an honorific like "Lady Dunn"
        (
            "Former first lady Ruth Kell said the fund would grow.",
            "Ruth Kell",
            "the fund would grow",
            "Former first lady",
        ),
        # with no article, a noun that is someone's place somewhere, after an age
        (
            "Nia Powell, 58, landlady of the Plough Inn, said the bus mattered.",
            "Nia Powell",
            "the bus mattered",
            "landlady of the Plough Inn",
        ),
        # the time the role was held until stays out
        (
            "Sipho Ndlovu, until last year a foreman at the Germiston plant, said the lights "
            "were broken.",
            "Sipho Ndlovu",
            "the lights were broken",
            "foreman at the Germiston plant",
        ),
        # a short job word ("vet"), with where it is held
        (
            "Eilidh Munro, the only vet on Barra, said the flocks were clean.",
            "Eilidh Munro",
            "the flocks were clean",
            "only vet on Barra",
        ),
        # "one of" a class of people, with the adverbs of its adjectives and where
        (
            "Abe Lind, one of the most respected surgeons in the state, said wards were full.",
            "Abe Lind",
            "wards were full",
            "one of the most respected surgeons in the state",
        ),
    ],
)
def test_role_phrases(text: str, source: str, content: str, role: str) -> None:
    assert role_of(text, source, content) == role


def test_an_indefinite_appositive_gives_way_to_a_job() -> None:
    text = ("Sen. Rhea Lund, a progressive icon, spoke first. Lund said the bill would pass.")
    assert role_of(text, "Lund", "the bill would pass") == "Sen."


def test_a_headlines_words_before_a_name_are_no_title() -> None:
    text = ("Standing with tenants, Lund pillories Okafor's housing record.\n\nCouncil Speaker "
            "Mette Lund attacked Sen. Ada Okafor on Tuesday. Okafor said the criticism was "
            "unfair.")
    assert role_of(text, "Okafor", "the criticism was unfair") == "Sen."


def test_a_critic_of_a_titled_person_gives_that_person_no_role_from_it() -> None:
    text = ("Ms. Lee, a longtime critic of Senator Ada Okafor, spoke first. Okafor said the "
            "bill would pass.")
    assert role_of(text, "Okafor", "the bill would pass") == "Senator"


def test_a_persons_favourite_is_no_role() -> None:
    text = "His favourite player is Tomas Berg. Berg said the season was long."
    assert role_of(text, "Berg", "the season was long") is None


def test_a_hypothetical_copular_clause_states_no_role() -> None:
    text = "If the candidate is Amos Reddy, the answer is no. Reddy said he would not run."
    assert role_of(text, "Reddy", "he would not run") is None


def test_a_word_of_the_name_is_never_the_role() -> None:
    text = "Osama bin Laden declared war in 1996. Bin Laden said America was weak."
    assert role_of(text, "Bin Laden", "America was weak") is None


def test_no_role_stated_gives_null() -> None:
    text = "Tom Ward said the road would reopen. Ward lives in Leeds."
    assert role_of(text, "Tom Ward", "the road would reopen") is None


def test_a_titled_role_wins_over_an_earlier_descriptive_appositive() -> None:
    text = (
        "Rosa Vidal, the voice of the protests, spoke first. "
        "Union leader Rosa Vidal said the strike would continue."
    )
    assert role_of(text, "Rosa Vidal", "the strike would continue") == "Union leader"


def test_a_fuller_later_title_upgrades_a_bare_one() -> None:
    text = (
        "President Ilir Meta arrived on Monday. Albanian President Ilir Meta said the "
        "border would stay open."
    )
    assert role_of(text, "Ilir Meta", "the border would stay open") == "Albanian President"


def test_an_unnamed_speaker_keeps_the_description_as_name_and_no_role() -> None:
    text = "The director-general of the Sports Council said the games would go ahead."
    att = attribution(
        text, "the games would go ahead", source="The director-general of the Sports Council"
    )
    speaker = resolve(text, [att])[0]
    # the guideline: unnamed (other) speakers carry no role; the description is the name
    assert speaker.type == "other"
    assert speaker.name == "The director-general of the Sports Council"
    assert speaker.role is None


def test_description_gives_a_role_to_a_person_who_had_none() -> None:
    text = (
        "Maya Singh presented the forecast on Monday. "
        "The economist said growth would slow to 2 percent."
    )
    speaker = resolve(text, [
            attribution(text, "Monday", source="Maya Singh"),
            attribution(text, "growth would slow to 2 percent", source="The economist"),
        ],
    )[1]
    assert (speaker.name, speaker.role) == ("Maya Singh", "economist")


def test_possessive_title_before_the_name_stays_as_written() -> None:
    text = "Trump's campaign manager Robby Mook said the polls were wrong."
    assert role_of(text, "Robby Mook", "the polls were wrong") == "Trump's campaign manager"


def described_role(text: str, content: str, source: str) -> str | None:
    return resolve(text, [attribution(text, content, source=source)])[0].role


def test_a_description_outside_any_quote_gives_the_one_person_before_it_a_role() -> None:
    text = (
        'Ava Brandt spent ten years on the film. "It had to be told," Brandt said.\n\n'
        "The director makes this clear in her new documentary."
    )
    assert described_role(text, '"It had to be told,"', "Brandt") == "director"
    # the fullest of the descriptions that can only be that person
    text = text.replace("The director makes", "The award-winning director makes")
    assert described_role(text, '"It had to be told,"', "Brandt") == "award-winning director"


@pytest.mark.parametrize(
    "later",
    [
        # the description's verb has the person as its other argument: someone else
        "The FBI director chastised Brandt for the film.",
        # two people it could be
        "Brandt met Carl Ode in May. The director spoke first.",
        # it names its own person
        "The festival director, Carl Ode, praised the film.",
        # an office's name, not a person
        "The director's office praised the film.",
        # inside someone's quote
        'Carl Ode said: "The director must be proud."',
        # someone of an organisation, and offices a setting has one of
        "The festival's director praised the film.",
        "The judge set bail at $1 million.",
        "The president's approval rating fell.",
    ],
)
def test_a_description_that_may_be_someone_else_gives_no_role(later: str) -> None:
    text = f'Ava Brandt spent ten years on the film. "It had to be told," Brandt said. {later}'
    assert described_role(text, '"It had to be told,"', "Brandt") is None


def test_a_description_of_someone_brought_in_before_the_person_is_named_gives_no_role(
) -> None:
    text = ("A lorry shed its load on the ring road with its driver still in the cab. Ava "
            "Brandt, who saw it, called for help. \"It had to be done,\" Brandt said. The "
            "driver was treated for shock.")
    assert described_role(text, '"It had to be done,"', "Brandt") is None


def test_a_role_in_someone_elses_words_is_no_role() -> None:
    # "our next governor" is the crowd's cheer, not what the article says she is
    text = (
        "\u201cWelcome our next governor, Maria Castellanos!\u201d the crowd chanted. "
        "\u201cThe state is ready,\u201d Castellanos said."
    )
    assert role_of(text, "Castellanos", "The state is ready,") is None


@pytest.mark.parametrize("title", ["Del.", "Rev.", "Sen."])
def test_an_abbreviated_title_is_the_role_not_part_of_the_name(title: str) -> None:
    text = f"\u201cThe vote is close,\u201d said {title} Aurelio Brandt of Guam."
    att = attribution(text, "The vote is close,", source=f"{title} Aurelio Brandt of Guam")
    speaker = resolve(text, [att])[0]
    assert (speaker.name, speaker.role) == ("Aurelio Brandt", title)


@pytest.mark.parametrize("title, name, role", [
    ("Secretary of State", "John Kerry", "Secretary of State"),
    ("Speaker of the House", "Paul Ryan", "Speaker of the House"),
    ("Secretary of Homeland Security", "Jeh Johnson", "Secretary of Homeland Security"),
    # an office of a named organisation: the organisation's whole name
    ("Bank of America CEO", "Brian Moynihan", "CEO of Bank of America"),
])
def test_a_formal_title_with_of_before_the_name(title: str, name: str, role: str) -> None:
    text = f"The deal was announced Monday. \u201cNo,\u201d said {title} {name}."
    att = attribution(text, "No,", source=f"{title} {name}")
    speaker = resolve(text, [att])[0]
    assert (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize("text, source, name, role", [
    ("The tour was cancelled. Drummer Kenji Abe said the band needed rest.",
     "Drummer Kenji Abe", "Kenji Abe", "Drummer"),
    ("On Tuesday Alderman Grace Tembo said the car park would not be built.",
     "Alderman Grace Tembo", "Grace Tembo", "Alderman"),
    # a first name with a job-like ending stays the name, and so does one before a particle
    ("The tour was cancelled. Jennifer Anne Walsh said the band needed rest.",
     "Jennifer Anne Walsh", "Jennifer Anne Walsh", None),
    ("The tour was cancelled. Chandler Van Voorhis said the band needed rest.",
     "Chandler Van Voorhis", "Chandler Van Voorhis", None),
    # a job word by its ending, with a given name no list holds, or after a title word
    ("Headmistress Oonagh Ferrity said the band needed rest.",
     "Headmistress Oonagh Ferrity", "Oonagh Ferrity", "Headmistress"),
    ("The audit was late. County Surveyor Ilse Vandekerckhove said the band needed rest.",
     "County Surveyor Ilse Vandekerckhove", "Ilse Vandekerckhove", "County Surveyor"),
    ("The tour was cancelled. Hunter Ellis Grant said the band needed rest.",
     "Hunter Ellis Grant", "Hunter Ellis Grant", None),
])
def test_a_title_the_lexicon_lacks_is_no_part_of_the_name(
    text: str, source: str, name: str, role: str | None
) -> None:
    content = text[text.index(" said ") + 6 : -1]
    speaker = resolve(text, [attribution(text, content, source=source)])[0]
    assert (speaker.name, speaker.role) == (name, role)


def test_a_description_before_the_name_is_the_role_however_the_name_is_parsed() -> None:
    # a parse seen in a long sentence: the name hangs on "given", not on "executive"
    words = ["given", "efforts", "which", "Acme", "'s", "chief", "executive", ",", "Dana",
             "Whitcombe", ",", "called", "it", "nonsense"]
    tags = ["VBN", "NNS", "WDT", "NNP", "POS", "JJ", "NN", ",", "NNP", "NNP", ",", "VBD", "PRP",
            "NN"]
    heads = [0, 0, 6, 6, 3, 6, 1, 9, 9, 0, 9, 9, 11, 11]
    deps = ["ROOT", "pobj", "det", "poss", "case", "amod", "acl", "punct", "compound", "pobj",
            "punct", "acl", "dobj", "oprd"]
    spaces = [words[k + 1] not in ("'s", ",") for k in range(len(words) - 1)] + [False]
    doc = Doc(Vocab(), words=words, spaces=spaces, tags=tags, heads=heads, deps=deps)
    assert described_before(doc, 8, 10) == "Acme's chief executive"
    assert described_before(doc, 3, 4) is None  # no comma around "Acme": no appositive


def test_a_description_with_a_persons_possessive_used_as_the_mention_is_the_role() -> None:
    text = (
        "Maria Olsen posted the tweet on Monday. \u201cThat was a mistake,\u201d Dana "
        "Whitcombe said. \u201cIt was outrageous,\u201d Olsen's former campaign strategist "
        "said in an interview."
    )
    atts = [
        attribution(text, "That was a mistake,", source="Dana Whitcombe", cue="said"),
        attribution(text, "It was outrageous,", source="Olsen's former campaign strategist",
                    cue="said"),
    ]
    speaker = resolve(text, atts)[1]
    assert (speaker.name, speaker.role) == ("Dana Whitcombe", "Olsen's former campaign strategist")


def test_a_title_the_ner_cut_from_the_name_after_it_is_no_person() -> None:
    # spaCy tags "Charlotte Mayor" a person apart from "Jennifer Roberts"; the city is no
    # person either ("in Charlotte" later stays a place)
    text = (
        "Protests went on in Charlotte for a third night.\n\nCharlotte Mayor Jennifer Roberts "
        "said Friday that the video should be released."
    )
    speaker = resolve(text, [attribution(text, "the video should be released",
                                         source="Charlotte Mayor Jennifer Roberts")])[0]
    assert (speaker.name, speaker.role) == ("Jennifer Roberts", "Charlotte Mayor")


@pytest.mark.parametrize("text, source, name", [
    # a surname that is a title word keeps its place before a date
    ("Former Vermont Gov. Howard Dean Friday said the party needed new leaders.",
     "Former Vermont Gov. Howard Dean Friday", "Howard Dean"),
    ("Rep. Steve King Tuesday said he meant every word.", "Rep. Steve King Tuesday",
     "Steve King"),
])
def test_a_title_word_surname_is_no_title(text: str, source: str, name: str) -> None:
    content = text[text.index(" said ") + 6 : -1]
    assert resolve(text, [attribution(text, content, source=source)])[0].name == name


@pytest.mark.parametrize("relation", ["rival", "opponent"])
def test_a_rivalry_is_a_relation_an_occupation_beats(relation: str) -> None:
    text = f"Republican {relation} Maria Lopez, a lawyer, said the plan would fail."
    assert role_of(text, f"Republican {relation} Maria Lopez, a lawyer,",
                   "the plan would fail") == "lawyer"


@pytest.mark.parametrize("relation", ["rival", "opponent"])
def test_a_rivalry_is_a_relational_role_that_an_occupation_described_replaces(
    relation: str
) -> None:
    text = (
        f"{relation.title()} Maria Lopez mocked the complaint on Friday. "
        "Lopez said the attacks were lies. "
        "The Democratic presidential candidate\u2019s response came in a speech in Ohio."
    )
    speaker = resolve(text, [attribution(text, "the attacks were lies", source="Lopez")])[0]
    assert (speaker.name, speaker.role) == ("Maria Lopez", "Democratic presidential candidate")


def test_a_relations_owner_is_not_what_the_relative_is() -> None:
    # the daughter of a nominee is no nominee: "the GOP candidate" is not she
    text = (
        "Ivy Reyes, the Republican presidential nominee's eldest daughter, spoke on Monday. "
        "The GOP candidate said the plan would cost little."
    )
    got = resolve(text, [
        attribution(text, "the plan would cost little", source="The GOP candidate")])[0]
    assert got.name != "Ivy Reyes"


@pytest.mark.parametrize("text, source, role", [
    ("An attorney for the family, Mark Dale, said the client was ready.",
     "An attorney for the family, Mark Dale,", "attorney for the family"),
    ("In a statement, one of the family's attorneys, Jo Banks, said the client was ready.",
     "Jo Banks", "one of the family's attorneys"),
    ("In Washington, John Smith, a lawyer, said the client was ready.",
     "John Smith, a lawyer,", "lawyer"),  # a place opening the sentence is no description
])
def test_a_description_with_a_complement_set_off_before_the_name(
    text: str, source: str, role: str
) -> None:
    assert role_of(text, source, "the client was ready") == role


def test_a_dash_ending_the_text_after_a_name_gives_no_role_and_no_error() -> None:
    text = "\u201cThe plan will fail,\u201d said Tom Reyes \u2014"
    assert role_of(text, "Tom Reyes", "The plan will fail,") is None


def test_a_lead_description_is_the_person_the_story_then_quotes_by_name() -> None:
    # delayed identification: the lead describes, the next paragraph names, with no role
    text = (
        "Party figure urges caution.\n\n"
        "A former party chairman says President Ann Lee should name a successor now.\n\n"
        '"There is no time to lose," said Tom Reed, who led the party for a decade.'
    )
    lead = attribution(text, "President Ann Lee should name a successor now",
                       source="A former party chairman", cue="says")
    quote = attribution(text, '"There is no time to lose,"', source="Tom Reed", cue="said")
    first, second = resolve(text, [lead, quote])
    assert (first.name, first.role) == ("Tom Reed", "former party chairman")
    assert (second.name, second.role) == ("Tom Reed", "former party chairman")


def test_a_lead_description_is_not_a_person_named_in_its_own_sentence() -> None:
    text = (
        "A former party chairman says Tom Reed should name a successor now.\n\n"
        '"There is no time to lose," said Tom Reed.'
    )
    lead = attribution(text, "Tom Reed should name a successor now",
                       source="A former party chairman", cue="says")
    quote = attribution(text, '"There is no time to lose,"', source="Tom Reed", cue="said")
    first, _ = resolve(text, [lead, quote])
    assert first.name == "A former party chairman"


def test_a_place_owned_description_opening_an_item_is_the_person_then_named() -> None:
    # a live blog's item: the description opens the paragraph, the name follows
    text = (
        "2:45 p.m.\n\n"
        "Vermont\u2019s tax commissioner says no one from the state leaked the files.\n\n"
        "Karl Ostrom says he asked staff to check the records again."
    )
    item = attribution(text, "no one from the state leaked the files",
                       source="Vermont\u2019s tax commissioner", cue="says")
    named = attribution(text, "he asked staff to check the records again",
                        source="Karl Ostrom", cue="says")
    first, second = resolve(text, [item, named])
    assert first.name == second.name == "Karl Ostrom"
    assert first.role == second.role and second.role is not None
    assert "tax commissioner" in second.role


def test_a_hyphenated_first_name_the_ner_calls_an_organisation_is_a_person() -> None:
    text = (
        "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the "
        "Security Council, called the test a threat."
    )
    (got,) = resolve(text, [attribution(text, "the test a threat", source="Jean-Marc Ayrault",
                                        cue="called")])
    assert (got.name, got.type, got.role) == (
        "Jean-Marc Ayrault", "person", "foreign minister of France")


def test_a_bare_title_yields_to_the_office_a_later_description_spells_out() -> None:
    text = (
        "Sen. Lindsey Graham (R-S.C.) told reporters on Thursday that the plan could work.\n\n"
        "In June, the South Carolina senator called on fellow Republicans to back the plan."
    )
    told = attribution(text, "the plan could work", source="Sen. Lindsey Graham", cue="told")
    (got,) = resolve(text, [told])
    assert (got.name, got.role) == ("Lindsey Graham", "South Carolina senator")


def test_a_lead_description_is_not_a_person_only_owning_a_later_source() -> None:
    text = (
        "A former party official says the vote was rigged.\n\n"
        "\u201cThat is false,\u201d said a lawyer for Ann Lee."
    )
    lead = attribution(text, "the vote was rigged", source="A former party official",
                       cue="says")
    reply = attribution(text, "\u201cThat is false,\u201d", source="a lawyer for Ann Lee",
                        cue="said")
    first, _ = resolve(text, [lead, reply])
    assert first.name == "A former party official"


def test_a_lead_after_a_dateline_names_its_speaker_in_the_next_paragraph() -> None:
    text = (
        "WASHINGTON (AP) \u2014 A former party chairman says the rules must change.\n\n"
        "\u201cIt is time,\u201d said Tom Reed, who led the party for a decade."
    )
    lead = attribution(text, "the rules must change", source="A former party chairman",
                       cue="says")
    quote = attribution(text, "\u201cIt is time,\u201d", source="Tom Reed", cue="said")
    first, second = resolve(text, [lead, quote])
    assert (first.name, second.role) == ("Tom Reed", "former party chairman")


def test_a_dotted_bare_title_also_yields_to_the_office_spelled_out() -> None:
    text = (
        "Capt. Ann Ruiz told reporters the ship was safe.\n\n"
        "Later the Navy captain said the crew had been lucky."
    )
    told = attribution(text, "the ship was safe", source="Capt. Ann Ruiz", cue="told")
    (got,) = resolve(text, [told])
    assert (got.name, got.role) == ("Ann Ruiz", "Navy captain")


def test_a_possessed_description_set_off_around_the_name_is_a_role_outside_the_lexicon() -> None:
    text = ("Mathieu Girard won the stage. His directeur sportif, Claire Fontaine, added that "
            "he had waited for three years.")
    got = role_of(text, "Claire Fontaine", "he had waited for three years")
    assert got == "directeur sportif"


@pytest.mark.parametrize(
    "description, role",
    [("The Ohio governor", "Ohio governor"), ("The governor", "governor")],
)
def test_a_description_that_spells_out_a_title_is_the_role(description: str, role: str) -> None:
    """"Gov. X" then "The Ohio governor said": the description says the same office in full
    (and more), so it is the role on every quote of X."""
    text = (
        "Gov. Martina Kowalski signed the water bill on Monday. "
        f"{description} said the state would pay for new pipes."
    )
    assert role_of(text, description, "the state would pay for new pipes") == role


def test_where_someone_is_from_says_nothing_of_the_job() -> None:
    """Of two stated roles, the one with more words of the job wins; a place of origin adds
    none ("Secretary General" beats "diplomat from South Korea")."""
    text = ("Ban Sung-ho, a diplomat from South Korea, leads the talks. "
            "Secretary General Ban Sung-ho said the vote was close.")
    assert role_of(text, "Secretary General Ban Sung-ho", "the vote was close") == (
        "Secretary General")


def test_a_description_set_off_before_the_name_keeps_its_place_and_drops_the_time() -> None:
    """The appositive hangs on the place ("Cerveira, X,"), the time phrase opens the clause."""
    doc = parse("Late on Sunday the mayor of Vila Nova de Cerveira, Rui Magalhães, posted a "
                "message.")
    start = next(t.i for t in doc if t.text == "Rui")
    assert described_before(doc, start, start + 2) == "mayor of Vila Nova de Cerveira"


@pytest.mark.parametrize("when", ["Last autumn", "Last spring", "This summer"])
def test_a_time_phrase_opening_the_sentence_is_no_title(when: str) -> None:
    # the NER tags no date there, but the parser makes the noun an adverbial
    text = (
        f"{when} Nguyen Thi Hoa opened a repair caf\u00e9 on Carver Street. "
        "She recalls, \u201cPeople cried when their toasters worked again.\u201d"
    )
    quote = "\u201cPeople cried when their toasters worked again.\u201d"
    assert role_of(text, "She", quote) is None


def test_a_listed_job_the_tagger_took_for_a_verb_heads_the_appositive() -> None:
    # the tagger reads "warden" as a past tense here
    text = ("\u2018The cliff edge has moved four metres since Easter,\u2019 says Eilidh "
            "Drummond, warden of the lighthouse trust.")
    assert role_of(text, "Eilidh Drummond, warden of the lighthouse trust",
                   "The cliff edge has moved four metres since Easter") == (
        "warden of the lighthouse trust")


@pytest.mark.parametrize("who, role", [
    ("a retired welterweight whom everyone at the boxing club calls", "retired welterweight"),
    ("a man whom everyone at the boxing club calls", None),
])
def test_the_noun_a_nickname_names_is_the_role_unless_it_is_a_kind_of_person(
    who: str, role: str | None,
) -> None:
    text = f"\u201cKids come in angry and go home tired,\u201d explains {who} \u201cSlim\u201d."
    source = f"{who} \u201cSlim\u201d"
    assert role_of(text, source, "Kids come in angry and go home tired") == role


@pytest.mark.parametrize("job", ["coxswain"])
def test_a_job_the_tagger_took_for_a_verb_after_the_cue_is_the_title_of_the_name(job: str) -> None:
    # no second verb can follow "said": the word is the person's title, not a verb
    text = ("Divers searched the bay on Friday. \u2018The tide turned against us,\u2019 said "
            f"{job} Morwenna Tregear, who has worked the harbour for years.")
    att = attribution(text, "The tide turned against us", source=f"{job} Morwenna Tregear, "
                      "who has worked the harbour for years")
    got = resolve(text, [att])[0]
    assert (got.name, got.type, got.role) == ("Morwenna Tregear", "person", job)


def test_a_verb_before_a_name_that_is_its_object_is_no_title() -> None:
    text = "The mayor will meet Morwenna Tregear on Monday. Tregear said the pier must close."
    att = attribution(text, "the pier must close", source="Tregear")
    assert resolve(text, [att])[0].role is None


def test_a_role_keeps_where_it_is_held_and_a_relation_in_a_race_stays_a_relation() -> None:
    text = ("Amara Osei, a lobbyist in Accra, met Attorney General Kofi Mensah on Monday. "
            "Mensah, Osei's opponent in the coming election, said the bill would pass. "
            "Osei said it would not.")
    got = resolve(text, [attribution(text, "the bill would pass", source="Mensah"),
                         attribution(text, "it would not", source="Osei")])
    assert [(s.name, s.role) for s in got] == [
        ("Kofi Mensah", "Attorney General"), ("Amara Osei", "lobbyist in Accra")]


@pytest.mark.parametrize("text, source, content, name, role", [
    # a participle before a name, "vet" as a verb after "will": no title
    ("The club confirmed injured Morwenna Tregear would miss the final. Tregear said she was "
     "sad.", "Tregear", "she was sad", "Morwenna Tregear", None),
    ("The Senate committee will vet Jane Smith next week. Smith said she was ready.", "Smith",
     "she was ready", "Jane Smith", None),
    # "in" goes on to a place or body, not to an age, a mood or a document
    ("Tom Reyes, a builder in his forties, said the wall was unsafe.", "Tom Reyes",
     "the wall was unsafe", "Tom Reyes", "builder"),
    # mid-sentence, a name word with a job-like ending is the name
    ("The talks ran late in Doha, where Nariman Abdul Karim said the talks would go on.",
     "Nariman Abdul Karim", "the talks would go on", "Nariman Abdul Karim", None),
])
def test_words_like_titles_are_no_title(
    text: str, source: str, content: str, name: str, role: str | None
) -> None:
    got = resolve(text, [attribution(text, content, source=source)])[0]
    assert (got.name, got.role) == (name, role)
