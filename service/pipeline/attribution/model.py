"""The attribution model: article text -> quotes with content, cue and source spans."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import numpy as np

from service.pipeline.attribution.acts import without_acts
from service.pipeline.attribution.casing import case_shapes
from service.pipeline.attribution.decoding import LabelledSpan, decode_spans
from service.pipeline.attribution.link_scorer import LinkScorer
from service.pipeline.attribution.linking import link
from service.pipeline.attribution.quoted import missed_direct_quotes
from service.pipeline.attribution.quoting import with_quoted_speakers
from service.pipeline.attribution.statements import separate
from service.pipeline.attribution.unclosed import within_unclosed_quotations
from service.pipeline.attribution.windows import merge_windows, window_bounds
from service.pipeline.attribution.works import without_titles
from service.pipeline.document import Document
from service.pipeline.onnx_model import load_meta, load_session, load_tokenizer
from service.pipeline.text import encoder_view
from service.pipeline.types import Attribution


class AttributionModel:
    """A fine-tuned MiniLM token tagger in ONNX Runtime, loaded once per process."""

    def __init__(self, model_dir: Path, threads: int = 1) -> None:
        model_dir = Path(model_dir)
        self.meta = load_meta(model_dir)
        self.tokenizer = load_tokenizer(model_dir / "tokenizer.json")
        self.session = load_session(model_dir / self.meta.get("file", "model.onnx"), threads)
        self.window = int(self.meta["window"]) - 2  # room for [CLS] and [SEP]
        self.stride = int(self.meta["stride"])
        self.batch = int(self.meta.get("batch", 4))
        self._cls = self.tokenizer.token_to_id("[CLS]")
        self._sep = self.tokenizer.token_to_id("[SEP]")
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._case = self.meta.get("token_types") == "case_shape"
        self._linking = model_dir / "linking.json"

    def logits(self, ids: list[int], shapes: list[int]) -> np.ndarray:
        """Per-token label logits for a whole article, windowed and merged; `shapes` are the
        tokens' case shapes (`casing.case_shapes`), read where the model was trained on them."""
        bounds = window_bounds(len(ids), self.window, self.stride)
        outputs: list[np.ndarray] = []
        for first in range(0, len(bounds), self.batch):
            chunk = bounds[first : first + self.batch]
            width = max(end - start for start, end in chunk) + 2
            batch_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros_like(batch_ids)
            types = np.zeros_like(batch_ids)  # [CLS], [SEP] and padding: LOWER
            for row, (start, end) in enumerate(chunk):
                batch_ids[row, : end - start + 2] = [self._cls, *ids[start:end], self._sep]
                mask[row, : end - start + 2] = 1
                if self._case:
                    types[row, 1 : end - start + 1] = shapes[start:end]
            feed = {"input_ids": batch_ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = types
            out = self.session.run(None, feed)[0]
            outputs += [out[row, 1 : end - start + 1] for row, (start, end) in enumerate(chunk)]
        return merge_windows(bounds, outputs, len(ids))

    @cached_property
    def linker(self) -> LinkScorer:
        """The link scorer beside the tagger (loaded on first use: training the scorer
        needs only the tagger)."""
        return LinkScorer(self._linking)

    def tag(self, document: Document) -> list[LabelledSpan]:
        """The source, cue and content spans the tagger marks in the document's text."""
        text = document.text
        encoding = self.tokenizer.encode(encoder_view(text), add_special_tokens=False)
        if not encoding.ids:
            return []
        logits = self.logits(encoding.ids, case_shapes(text, encoding))
        return decode_spans(text, logits, encoding.offsets, encoding.word_ids)

    def find(
        self, document: Document, spans: list[LabelledSpan] | None = None
    ) -> list[Attribution]:
        """Return the attributions in the document's text, sorted by content start: the
        tagged `spans` (tagged here when None) linked into quotes. The learned linker reads
        the document's parse (ValueError without one)."""
        text = document.text
        spans = self.tag(document) if spans is None else spans
        found = within_unclosed_quotations(document, with_quoted_speakers(text, without_acts(
            document, without_titles(document, separate(text, link(document, spans,
                                                                  self.linker))))))
        return sorted(found + missed_direct_quotes(document, found), key=lambda a: a.start)
