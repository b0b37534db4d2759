"""Driving the demo page in the browser tests: fill the form, submit, read what it shows."""

from __future__ import annotations

import re
from typing import Any

RESULT_OR_PROBLEM = "#result:not([hidden]), #problem:not([hidden])"


def open_demo(page: Any, url: str) -> None:
    """Load / and wait until the example articles are in the form."""
    page.goto(f"{url}/")
    # A selector, not wait_for_function: Playwright evaluates a function string with eval(),
    # which the page's CSP refuses.
    page.wait_for_selector("#example option:nth-child(2)", state="attached")


def submit(page: Any, text: str, title: str = "", targets: str = "", key: str = "") -> None:
    """Type an article of one's own into the form, send it, wait for the answer or problem."""
    page.select_option("#example", "")
    for field, value in (("#text", text), ("#title", title), ("#targets", targets),
                         ("#key", key)):
        page.fill(field, value)
    page.click("#submit")
    page.wait_for_selector(RESULT_OR_PROBLEM)


def quote_texts(page: Any) -> dict[str, str]:
    """Quote id -> the text highlighted for it (its fragments, joined)."""
    return page.eval_on_selector_all("#article [data-quote]", """nodes => {
        const texts = {};
        for (const node of nodes) {
            texts[node.dataset.quote] = (texts[node.dataset.quote] || "") + node.textContent;
        }
        return texts;
    }""")


def marked(page: Any, kind: str, quote_id: str) -> str:
    """The text marked as the cue or mention (kind) of one quote."""
    nodes = page.locator(f'#article [data-{kind}~="{quote_id}"]')
    return "".join(nodes.all_text_contents())


def details(page: Any) -> dict[str, Any]:
    """The selected quote's details panel: field -> text; stance as a list of triples."""
    fields = {
        name: page.text_content(f'#details [data-field="{name}"]')
        for name in ("text", "type", "speaker", "speaker-type", "role", "mention", "cue",
                     "confidence")
    }
    fields["stance"] = [
        (item.locator(".target").text_content(), item.locator(".label").text_content(),
         float(item.locator(".confidence").text_content()))
        for item in page.locator('#details [data-field="stance"] li').all()
    ]
    fields["confidence"] = float(fields["confidence"])
    return fields


def expected_details(quote: dict[str, Any]) -> dict[str, Any]:
    """What the details panel must show for one quote of the API's JSON."""
    speaker = quote["speaker"]
    return {
        "text": quote["text"], "type": quote["type"],
        "speaker": speaker["name"] or "(unresolved)", "speaker-type": speaker["type"],
        "role": speaker["role"] or "(none found)",
        "mention": speaker["mention"]["text"] if speaker["mention"] else "(none)",
        "cue": quote["cue"]["text"] if quote["cue"] else "(none)",
        "confidence": quote["confidence"],
        "stance": [(s["target"], s["label"], s["confidence"]) for s in quote["stance"]],
    }


def highlighted(quote: dict[str, Any]) -> str:
    """The text the page must highlight for a quote: its fragments, else its whole span."""
    return "".join(part["text"] for part in quote.get("fragments") or [quote])


def _luminance(rgb: list[float]) -> float:
    channels = [c / 255 for c in rgb[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def lowest_contrast(page: Any, selector: str) -> float:
    """The lowest WCAG contrast ratio of text colour on background among the elements, as
    rendered (a transparent background shows the white card beneath)."""
    pairs = page.eval_on_selector_all(selector, """nodes => nodes.map(node => {
        const style = getComputedStyle(node);
        return [style.color, style.backgroundColor];
    })""")
    ratios = []
    for color, background in pairs:
        ink, paper = ([float(v) for v in re.findall(r"[\d.]+", c)] for c in (color, background))
        if len(paper) == 4 and paper[3] == 0:
            paper = [255.0, 255.0, 255.0]
        light, dark = sorted((_luminance(ink), _luminance(paper)), reverse=True)
        ratios.append((light + 0.05) / (dark + 0.05))
    return min(ratios)
