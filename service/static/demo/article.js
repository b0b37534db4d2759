// The article with its quotes highlighted, the selected quote's details and the speakers panel.
// Everything from the article or the answer goes into the page as text nodes (textContent),
// never as HTML.

// The API counts offsets in code points (Python str); JavaScript strings count UTF-16 units.
function utf16Offsets(text) {
  const offsets = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return offsets;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Marked stretches of the text: every quote's fragments (or its whole span), cue and mention.
function marks(answer) {
  const list = [];
  for (const quote of answer.quotes) {
    for (const part of quote.fragments || [quote]) {
      list.push({ kind: "quote", quote, start: part.start, end: part.end });
    }
    if (quote.cue) list.push({ kind: "cue", quote, ...quote.cue });
    const mention = quote.speaker.mention;
    if (mention) list.push({ kind: "mention", quote, ...mention });
  }
  return list;
}

// Speaker colour classes: one per entry of answer.speakers; quotes of unresolved speakers get none.
function speakerIndex(answer) {
  const byQuote = new Map();
  answer.speakers.forEach((speaker, index) => {
    for (const id of speaker.quote_ids) byQuote.set(id, index);
  });
  return byQuote;
}

// One span per stretch of text between mark boundaries, carrying every mark that covers it.
function segment(text, start, end, covering, colours, started) {
  const span = element("span", "", text.slice(start, end));
  const quote = covering.find((mark) => mark.kind === "quote")?.quote;
  if (quote) {
    span.classList.add("q", quote.type);
    if (colours.has(quote.id)) span.classList.add(`speaker-${colours.get(quote.id) % 8}`);
    span.dataset.quote = quote.id;
    if (!started.has(quote.id)) {
      started.add(quote.id);
      span.classList.add("q-start");
      span.tabIndex = 0;
      span.setAttribute("role", "button");
      const who = quote.speaker.name || "an unresolved speaker";
      span.setAttribute("aria-label", `${quote.type} quote ${quote.id} by ${who}`);
    }
  }
  for (const kind of ["cue", "mention"]) {
    const of = covering.filter((mark) => mark.kind === kind).map((mark) => mark.quote.id);
    if (of.length) {
      span.classList.add(kind);
      span.dataset[kind] = of.join(" ");
    }
  }
  return span;
}

export function renderArticle(container, text, answer) {
  const offsets = utf16Offsets(text);
  const list = marks(answer).map((mark) => ({
    ...mark, start: offsets[mark.start], end: offsets[mark.end],
  }));
  const cuts = [...new Set([0, text.length, ...list.flatMap((m) => [m.start, m.end])])]
    .sort((a, b) => a - b);
  const colours = speakerIndex(answer);
  const started = new Set();
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = list.filter((mark) => mark.start <= start && end <= mark.end);
    fragment.append(covering.length
      ? segment(text, start, end, covering, colours, started)
      : document.createTextNode(text.slice(start, end)));
  }
  container.className = "card";
  container.replaceChildren(fragment);
}

// The quote a click or key press in the article points at: the quote itself, else the quote
// whose cue or mention it is.
export function quoteAt(target) {
  const span = target.closest("[data-quote], [data-cue], [data-mention]");
  if (!span) return null;
  return span.dataset.quote || (span.dataset.cue || span.dataset.mention).split(" ")[0];
}

export function selectQuote(container, details, answer, id) {
  for (const node of container.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of container.querySelectorAll("[data-quote], [data-cue], [data-mention]")) {
    const ids = [node.dataset.quote, node.dataset.cue, node.dataset.mention].join(" ").split(" ");
    if (ids.includes(id)) node.classList.add("selected");
  }
  const quote = answer.quotes.find((q) => q.id === id);
  const field = (name) => details.querySelector(`[data-field="${name}"]`);
  const speaker = quote.speaker;
  field("text").textContent = quote.text;
  field("type").textContent = quote.type;
  field("speaker").textContent = speaker.name ?? "(unresolved)";
  field("speaker-type").textContent = speaker.type;
  field("role").textContent = speaker.role ?? "(none found)";
  field("mention").textContent = speaker.mention ? speaker.mention.text : "(none)";
  field("cue").textContent = quote.cue ? quote.cue.text : "(none)";
  field("stance").replaceChildren(...quote.stance.map((stance) => {
    const item = element("li");
    item.append(
      element("span", "target", stance.target), ": ",
      element("strong", "label", stance.label), ", confidence ",
      element("span", "confidence", String(stance.confidence)),
      element("span", "hint", ` (target from ${stance.target_source})`),
    );
    return item;
  }));
  field("confidence").textContent = String(quote.confidence);
  details.querySelector("#details-empty").hidden = true;
  details.querySelector("#details-list").hidden = false;
}

export function renderSpeakers(list, note, answer, onPick) {
  list.replaceChildren(...answer.speakers.map((speaker, index) => {
    const button = element("button", `speaker-${index % 8}`);
    button.type = "button";
    button.dataset.speaker = String(index);
    button.setAttribute("aria-pressed", "false");
    const count = speaker.quote_ids.length;
    button.append(
      element("span", "swatch"),
      element("span", "name", speaker.name),
      element("span", "meta",
        `${speaker.role ?? "no role found"} · ${count} quote${count === 1 ? "" : "s"}`),
    );
    button.addEventListener("click", () => onPick(index, button));
    const item = element("li");
    item.append(button);
    return item;
  }));
  const named = new Set(answer.speakers.flatMap((speaker) => speaker.quote_ids));
  const unresolved = answer.quotes.filter((quote) => !named.has(quote.id)).length;
  note.hidden = unresolved === 0;
  note.textContent = `${unresolved} quote(s) with an unresolved speaker (grey).`;
}

// Picks out one speaker's quotes (pressing the same speaker again shows all quotes again).
export function pickSpeaker(container, list, answer, index, button) {
  const pressed = button.getAttribute("aria-pressed") !== "true";
  for (const other of list.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-pressed", String(pressed));
  const ids = new Set(pressed ? answer.speakers[index].quote_ids : []);
  container.classList.toggle("picking", pressed);
  for (const node of container.querySelectorAll("[data-quote]")) {
    node.classList.toggle("picked", ids.has(node.dataset.quote));
  }
}
