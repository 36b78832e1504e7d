#!/usr/bin/env node
// Reference renderer for teikit's citation tests: citeproc-js (npm "citeproc").
//
// Usage: node render.js STYLE.csl LOCALES_DIR < items.json
//   items.json: a CSL-JSON array of items.
// Prints a JSON array, one object per item in input order:
//   {"id": ..., "note": <citation cluster as plain text>,
//    "bibliography": <bibliography entry as plain text>}
// Each item is rendered alone (first citation, no ibid/subsequent forms).
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

function main() {
  const [stylePath, localesDir] = process.argv.slice(2);
  if (!stylePath || !localesDir) {
    process.stderr.write("usage: node render.js STYLE.csl LOCALES_DIR < items.json\n");
    process.exit(2);
  }
  const style = fs.readFileSync(stylePath, "utf8");
  const items = JSON.parse(fs.readFileSync(0, "utf8"));
  const byId = new Map(items.map((it) => [String(it.id), it]));
  const sys = {
    retrieveLocale: (lang) => {
      const file = path.join(localesDir, `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem: (id) => byId.get(String(id)),
  };
  const engine = new CSL.Engine(sys, style, "en-US");
  engine.setOutputFormat("text");
  const out = items.map((it) => {
    const id = String(it.id);
    engine.updateItems([id]);
    const note = engine.makeCitationCluster([{ id }]);
    const bib = engine.bibliography ? engine.makeBibliography() : false;
    const entry = bib ? bib[1].join("").trim() : null;
    return { id, note, bibliography: entry };
  });
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main();
