// The demo page: sends the form to POST /v1/quotes and shows the answer (article.js) or the
// problem document. No framework, no build step.
import { pickSpeaker, quoteAt, renderArticle, renderSpeakers, selectQuote } from "./article.js";

const KEY_STORAGE = "quotes-api-key"; // shared with /docs; sessionStorage ends with the tab
const $ = (id) => document.getElementById(id);
let answer = null;

async function loadExamples() {
  const response = await fetch(new URL("examples.json", import.meta.url));
  const examples = await response.json();
  const select = $("example");
  examples.forEach((example, index) => {
    const option = document.createElement("option");
    option.value = String(index);
    option.textContent = example.name;
    select.append(option);
  });
  select.addEventListener("change", () => {
    const example = examples[Number(select.value)];
    if (!select.value || !example) return;
    $("title").value = example.title;
    $("text").value = example.text;
    $("targets").value = example.targets.join(", ");
  });
  $("text").addEventListener("input", () => { select.value = ""; }); // no longer the example
  select.value = "0";
  select.dispatchEvent(new Event("change"));
}

function requestBody() {
  const body = { text: $("text").value };
  const title = $("title").value.trim();
  if (title) body.title = title;
  const targets = $("targets").value.split(",").map((t) => t.trim()).filter(Boolean);
  if (targets.length) body.targets = targets;
  return body;
}

function showProblem(title, detail, errors) {
  $("problem-title").textContent = title;
  $("problem-detail").textContent = detail;
  $("problem-errors").replaceChildren(...Object.entries(errors || {}).map(([field, messages]) => {
    const item = document.createElement("li");
    item.textContent = `${field}: ${[].concat(messages).join(" ")}`;
    return item;
  }));
  $("problem").hidden = false;
}

function showAnswer(text, body, inferenceMs) {
  answer = body;
  renderArticle($("article"), text, body);
  renderSpeakers($("speakers"), $("unresolved"), body,
    (index, button) => pickSpeaker($("article"), $("speakers"), body, index, button));
  $("json").textContent = JSON.stringify(body, null, 2);
  $("details-empty").hidden = false;
  $("details-list").hidden = true;
  $("result").hidden = false;
  const time = inferenceMs ? ` in ${inferenceMs} ms` : "";
  $("status").textContent =
    `${body.quotes.length} quotes, ${body.speakers.length} speakers${time}.`;
}

async function analyse(event) {
  event.preventDefault();
  const key = $("key").value.trim();
  sessionStorage.setItem(KEY_STORAGE, key);
  const body = requestBody();
  const headers = { "Content-Type": "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  $("problem").hidden = true;
  $("submit").disabled = true;
  $("status").textContent = "Finding the quotes…";
  try {
    const response = await fetch("/v1/quotes", {
      method: "POST", headers, body: JSON.stringify(body),
    });
    const type = response.headers.get("Content-Type") || "";
    const parsed = type.includes("json") ? await response.json() : null;
    if (response.ok && parsed) {
      showAnswer(body.text, parsed, response.headers.get("X-Inference-Time"));
      return;
    }
    $("result").hidden = true;
    $("status").textContent = "";
    if (parsed && type.startsWith("application/problem+json")) {
      const retry = response.headers.get("Retry-After");
      const later = retry ? ` Retry in ${retry} s.` : "";
      showProblem(`${parsed.status} ${parsed.title}`, parsed.detail + later, parsed.errors);
    } else {
      showProblem(`${response.status} ${response.statusText}`, "The service gave no details.");
    }
  } catch (error) {
    $("status").textContent = "";
    showProblem("The service could not be reached", String(error));
  } finally {
    $("submit").disabled = false;
  }
}

function chooseQuote(event) {
  const id = answer && quoteAt(event.target);
  if (id) selectQuote($("article"), $("details"), answer, id);
}

function chooseTab(tab) {
  for (const other of document.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !selected;
  }
  tab.focus();
}

function setUp() {
  $("key").value = sessionStorage.getItem(KEY_STORAGE) || "";
  $("analyse").addEventListener("submit", analyse);
  $("article").addEventListener("click", chooseQuote);
  $("article").addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      chooseQuote(event);
    }
  });
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener("click", () => chooseTab(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) chooseTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
    });
  }
  loadExamples().catch((error) => showProblem("The examples did not load", String(error)));
}

setUp();
