"""Acts are no quotes. The tagger learned PolNeAR's broad attributions, where an appointment
("The board confirmed Lena Hartvig as the agency's new director") or a decision to act
("decided to run for the county council") can be marked with its verb for a cue. A newsroom
reads neither as anyone's words. Such an attribution is dropped when its one content piece
stands outside quotation marks and is:
- the person an appointment verb names, with no clause of its own ("Hye-jin Kwon", "Lena
  Hartvig as the agency's new director");
- an infinitive that a decision verb governs ("to run for the county council").
PolNeAR's relations include such acts, so this costs a little there: of the attributions the
train-only tagger finds, it drops 1 of 2,424 on dev and 30 of 21,969 on train (1 and 24 of
them overlap a gold content), and 1 of the 1,841 quotes of the speaker gold sets.
"""

from __future__ import annotations

from spacy.tokens import Span

from service.pipeline.document import Document
from service.pipeline.speakers.names import joins_name
from service.pipeline.types import Attribution

# verb forms, as the served parse has no lemmatizer
APPOINTMENT_VERBS = {
    "appoint", "appoints", "appointed", "appointing", "reappointed", "confirm", "confirms",
    "confirmed", "confirming", "nominate", "nominates", "nominated", "nominating", "elect",
    "elects", "elected", "electing", "hire", "hires", "hired", "hiring", "install", "installs",
    "installed", "promote", "promotes", "promoted", "select", "selects", "selected", "choose",
    "chooses", "chose", "chosen", "replace", "replaces", "replaced",
}
# "name" appoints only with "as" ("named her as director"); "did not name her" is speech
NAMING_VERBS = {"name", "names", "named", "naming"}
# a decision, not a stated intention: PolNeAR marks "vowed to", "plans to" as attributions
DECISION_VERBS = {"decided", "decides", "decide", "deciding", "chose", "chooses", "choose",
                  "opted", "opts", "resolved"}


def without_acts(document: Document, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions less those whose content is an appointment's person or a decision's
    infinitive (see the module docstring)."""
    return [a for a in attributions if not _is_act(document, a)]


def _is_act(document: Document, att: Attribution) -> bool:
    if att.cue is None or len(att.fragments) != 1:
        return False
    piece = att.fragments[0]
    if document.quoted_region(piece.start) is not None:
        return False  # quoted words are someone's
    doc = document.parse
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    content = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    if cue is None or content is None:
        return False
    verbs = {t.lower_ for t in cue if t.tag_.startswith("VB")}
    appointed = verbs & APPOINTMENT_VERBS or verbs & NAMING_VERBS and any(
        t.lower_ == "as" for t in content)
    if appointed and _names_a_person(content):
        return True
    return bool(verbs & DECISION_VERBS) and content[0].lower_ == "to" and len(content) > 1 and (
        content[1].tag_ == "VB")


def _names_a_person(content: Span) -> bool:
    """The piece opens with a person's name or an object pronoun and holds no verb of its own
    (the appointed one, perhaps "as" an office)."""
    first = content[0]
    name = next((content[:k] for k, t in enumerate(content) if t.lower_ == "as"), content)
    person = first.ent_type_ == "PERSON" or first.lower_ in ("him", "her", "them") or (
        len(name) > 1 and all(t.tag_ in ("NNP", "HYPH") or t.i > 0 and joins_name(t.doc, t.i - 1)
                              for t in name))  # "Hye-jin Kwon": "jin" tagged a noun
    return person and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in content)

