/* teikit: the search page, on Pagefind's JavaScript API (pagefind/pagefind.js).

   Pagefind keeps one index per language and searches the index of the page's language,
   stemming the query with that language's stemmer. An edition holds several languages, so
   this page opens one Pagefind instance per language of the bundle (each module loaded
   under its own URL, initialised while <html lang> names its language) and merges their
   results by score: a Russian query is stemmed as Russian against the Russian records,
   an English one as English. Filters are Pagefind filters, the same in every instance. */
const base = new URL("../pagefind/", import.meta.url).href;
const form = document.querySelector(".tk-search-form");
const input = document.getElementById("tk-q");
const status = document.getElementById("tk-search-status");
const list = document.getElementById("tk-results");
const fieldset = document.querySelector(".tk-filters");
const PAGE = 20;

async function instances() {
  const entry = await (await fetch(base + "pagefind-entry.json")).json();
  const html = document.documentElement;
  const own = html.lang;
  const out = [];
  for (const lang of Object.keys(entry.languages)) {
    html.lang = lang;
    const pf = await import(`${base}pagefind.js?lang=${encodeURIComponent(lang)}`);
    await pf.options({ basePath: base, excerptLength: 24 });
    await pf.init();
    out.push(pf);
  }
  html.lang = own;
  return out;
}

function selected() {
  const filters = {};
  for (const s of fieldset.querySelectorAll("select")) {
    if (s.value) { filters[s.name] = s.value; }
  }
  return filters;
}

async function fillFilters(pfs) {
  const merged = {};
  for (const pf of pfs) {
    const f = await pf.filters();
    for (const [name, values] of Object.entries(f)) {
      merged[name] = merged[name] || {};
      for (const [v, n] of Object.entries(values)) { merged[name][v] = (merged[name][v] || 0) + n; }
    }
  }
  const params = new URLSearchParams(location.search);
  for (const s of fieldset.querySelectorAll("select")) {
    const values = Object.keys(merged[s.name] || {}).sort();
    if (!values.length) { s.parentElement.hidden = true; continue; }
    for (const v of values) {
      const o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      s.appendChild(o);
    }
    if (params.get(s.name)) { s.value = params.get(s.name); }
  }
  fieldset.hidden = false;
}

/* one result per document: its title, date, and the passages found, each a link to its
   block's anchor in the document's page with Pagefind's excerpt (hits in <mark>) */
function item(doc) {
  const li = document.createElement("li");
  li.className = "tk-result";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = doc.target;
  a.textContent = doc.title;
  h.appendChild(a);
  li.appendChild(h);
  if (doc.date) {
    const meta = document.createElement("p");
    meta.className = "tk-result-meta";
    meta.textContent = doc.date;
    li.appendChild(meta);
  }
  const ul = document.createElement("ul");
  ul.className = "tk-passages";
  for (const p of doc.passages.slice(0, 5)) {
    const pi = document.createElement("li");
    const link = document.createElement("a");
    link.href = p.href;
    link.className = "tk-passage";
    link.innerHTML = p.excerpt; /* Pagefind's excerpt: escaped text, <mark> around hits */
    pi.appendChild(link);
    const note = [p.language, p.reading].filter(Boolean).join(", ");
    if (note) {
      const n = document.createElement("span");
      n.className = "tk-result-meta";
      n.textContent = " (" + note + ")";
      pi.appendChild(n);
    }
    ul.appendChild(pi);
  }
  li.appendChild(ul);
  return li;
}

async function run(pfs) {
  const q = input.value.trim();
  const filters = selected();
  const params = new URLSearchParams();
  if (q) { params.set("q", q); }
  for (const [k, v] of Object.entries(filters)) { params.set(k, v); }
  history.replaceState(null, "", "?" + params.toString());
  list.textContent = "";
  if (!q && !Object.keys(filters).length) { status.textContent = ""; return; }
  status.textContent = "Searching…";
  const found = [];
  for (const pf of pfs) {
    const r = await pf.search(q || null, { filters });
    if (r && r.results) { found.push(...r.results); }
  }
  found.sort((x, y) => y.score - x.score);
  /* a document is indexed once per language and reading: its pages merge into one result */
  const docs = new Map();
  for (const r of found.slice(0, 4 * PAGE)) {
    const data = await r.data();
    const target = data.meta.target;
    if (!docs.has(target)) {
      docs.set(target, { target, title: data.meta.title || target, date: data.meta.date,
                         passages: [], seen: new Set() });
    }
    const doc = docs.get(target);
    const subs = data.sub_results.length ? data.sub_results : [];
    for (const s of subs) {
      const anchor = s.url.split("#")[1] || "";
      if (!anchor || doc.seen.has(anchor)) { continue; }
      doc.seen.add(anchor);
      /* each block is indexed behind a heading "§" that carries its anchor */
      doc.passages.push({ href: target + "#" + anchor, excerpt: s.excerpt.replace(/^§\s*/, ""),
                          language: data.filters.language && data.filters.language[0],
                          reading: data.meta.reading });
    }
  }
  const shown = [...docs.values()].slice(0, PAGE);
  for (const doc of shown) { list.appendChild(item(doc)); }
  const n = docs.size;
  status.textContent = n ? `Found in ${n} document${n === 1 ? "" : "s"}` +
    (n > shown.length ? `; the first ${shown.length} are shown` : "") : "Nothing found.";
}

try {
  status.textContent = "Loading the search index…";
  const pfs = await instances();
  await fillFilters(pfs);
  status.textContent = "";
  input.value = new URLSearchParams(location.search).get("q") || "";
  form.addEventListener("submit", (ev) => { ev.preventDefault(); run(pfs); });
  for (const s of fieldset.querySelectorAll("select")) { s.addEventListener("change", () => run(pfs)); }
  await run(pfs);
} catch (err) {
  status.textContent = `The search index could not be loaded (${err}).`;
}
