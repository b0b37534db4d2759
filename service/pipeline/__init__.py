"""The quote pipeline: attributions -> speakers and roles -> quote types -> stance."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import spacy

from service.pipeline.attribution import AttributionModel
from service.pipeline.nlp import MODEL as SPACY_MODEL
from service.pipeline.nlp import load_nlp
from service.pipeline.quote_types import quote_type
from service.pipeline.speakers import resolve_speakers
from service.pipeline.stance import StanceModel, choose_targets
from service.pipeline.types import Quote, Stance

WARM_UP_TEXT = (
    "Jane Doe, a spokeswoman for the city, said the bridge would reopen on Monday. "
    "\u201cWe are confident,\u201d she said."
)


class Pipeline:
    """Every model of the service, loaded once per process, behind one call."""

    def __init__(self, models_dir: Path | str, threads: int = 1) -> None:
        models_dir = Path(models_dir)
        self.attribution = AttributionModel(models_dir / "attribution", threads)
        self.stance = StanceModel(models_dir / "stance", threads)
        self.nlp = load_nlp()
        # spaCy parses while ONNX Runtime (which releases the GIL) tags the same text
        self._parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
        spacy_version = spacy.util.get_package_version(SPACY_MODEL) or "unknown"
        self.models = [
            {"name": m["name"], "version": m["version"]}
            for m in (self.attribution.meta, self.stance.meta)
        ] + [{"name": SPACY_MODEL, "version": spacy_version}]

    def warm_up(self) -> None:
        """Run one short article through every step, so the first request pays no set-up."""
        self.analyse(WARM_UP_TEXT, targets=["the bridge"])

    def analyse(
        self, text: str, title: str | None = None, targets: list[str] | None = None
    ) -> list[Quote]:
        """Return the quotes of `text`, sorted by start, with speakers, types and stance."""
        parsing = self._parser.submit(self.nlp, text)
        attributions = self.attribution.find(text)
        doc = parsing.result()
        if not attributions:
            return []
        speakers = resolve_speakers(doc, text, attributions)
        quotes = [
            Quote(a, quote_type(text, a), s) for a, s in zip(attributions, speakers, strict=True)
        ]
        entities = [(ent.text, ent.label_) for ent in doc.ents]
        wanted = [
            (quote, target, source)
            for quote in quotes
            for target, source in choose_targets(targets, title, entities, quote.speaker.name)
        ]
        pairs = [(t, " ".join(f.text for f in q.attribution.fragments)) for q, t, _ in wanted]
        # one batched stance call per document
        for (quote, target, source), (label, conf) in zip(
            wanted, self.stance.predict(pairs), strict=True
        ):
            quote.stance.append(Stance(target, source, label, round(conf, 4)))
        return sorted(quotes, key=lambda q: q.attribution.start)
