"""The quote pipeline: attributions -> speakers and roles -> quote types -> stance."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import spacy

from service.pipeline.attribution.model import AttributionModel
from service.pipeline.document import Document
from service.pipeline.nlp import MODEL as SPACY_MODEL
from service.pipeline.nlp import load_nlp, parse
from service.pipeline.quote_types import quote_type
from service.pipeline.speakers.antecedents import AntecedentModel
from service.pipeline.speakers.resolver import resolve_speakers
from service.pipeline.stance.model import StanceModel
from service.pipeline.stance.targets import (
    entity_mentions,
    entity_target,
    given_targets,
    holders,
    rank_entities,
)
from service.pipeline.types import Attribution, Quote, Stance

WARM_UP_TEXT = (
    "Jane Doe, a spokeswoman for the city, said the bridge would reopen on Monday. "
    "\u201cWe are confident,\u201d she said."
)


class Pipeline:
    """Every model of the service, loaded once per process, behind one call."""

    def __init__(self, models_dir: Path | str, threads: int = 1) -> None:
        models_dir = Path(models_dir)
        self.attribution = AttributionModel(models_dir / "attribution", threads)
        self.attribution.linker  # noqa: B018 -- a missing or stale linking.json fails at load
        self.stance = StanceModel(models_dir / "stance", threads)
        self.coreference = AntecedentModel(models_dir / "coreference")
        load_nlp()  # now, not on the first request
        # spaCy parses while ONNX Runtime (which releases the GIL) tags the same text
        self._parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
        spacy_version = spacy.util.get_package_version(SPACY_MODEL) or "unknown"
        self.models = [
            {"name": m["name"], "version": m["version"]}
            for m in (self.attribution.meta, self.stance.meta, self.coreference.meta)
        ] + [{"name": SPACY_MODEL, "version": spacy_version}]

    def warm_up(self) -> None:
        """Run one short article through every step, so the first request pays no set-up."""
        self.analyse(WARM_UP_TEXT, targets=["the bridge"])

    def analyse(
        self, text: str, title: str | None = None, targets: list[str] | None = None
    ) -> list[Quote]:
        """Return the quotes of `text`, sorted by start, with speakers, types and stance."""
        parsing = self._parser.submit(parse, text)
        document = Document(text)
        spans = self.attribution.tag(document)  # while spaCy parses
        document.doc = parsing.result()
        attributions = self.attribution.find(document, spans)  # the linker reads the parse
        if not attributions:
            return []
        # Request targets or a title apply to every quote alike; only the entity rule needs
        # the quote's speaker.
        shared = given_targets(targets, title)
        stances = self._stances(attributions, [shared] * len(attributions)) if shared else None
        speakers = resolve_speakers(document, attributions, self.coreference)
        quotes = [Quote(a, quote_type(document, a), s)
                  for a, s in zip(attributions, speakers, strict=True)]
        if stances is None:
            ranking = rank_entities(entity_mentions(document.parse))
            per_quote = [
                entity_target(ranking, q.speaker, q.attribution.fragments,
                              holders(document.parse, ranking, q.attribution.fragments))
                for q in quotes
            ]
            stances = self._stances(attributions, per_quote)
        for quote, found in zip(quotes, stances, strict=True):
            quote.stance.extend(found)
        return sorted(quotes, key=lambda q: q.attribution.start)

    def _stances(
        self, attributions: list[Attribution], targets: list[list[tuple[str, str]]]
    ) -> list[list[Stance]]:
        """Per attribution, its stance toward each of its (target, target_source) pairs: one
        batched stance call per document."""
        wanted = [(i, t, source) for i, pairs in enumerate(targets) for t, source in pairs]
        texts = [" ".join(f.text for f in a.fragments) for a in attributions]
        found: list[list[Stance]] = [[] for _ in attributions]
        predicted = self.stance.predict([(target, texts[i]) for i, target, _ in wanted])
        for (i, target, source), (label, conf) in zip(wanted, predicted, strict=True):
            found[i].append(Stance(target, source, label, conf))
        return found
