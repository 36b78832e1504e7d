/* teikit: sorting and filtering the table of documents on the home page. Without
   JavaScript the table is a plain table in the edition's order. */
(function () {
  "use strict";
  var table = document.getElementById("tk-doc-table");
  var tools = document.querySelector(".tk-table-tools");
  if (!table || !tools) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function key(row, col) {
    var cell = row.cells[col];
    return (cell.getAttribute("data-sort") || cell.textContent || "").toLowerCase();
  }

  /* sort buttons in the column headers (aria-sort tells assistive technology) */
  heads.forEach(function (th, col) {
    var label = th.textContent;
    th.textContent = "";
    var b = document.createElement("button");
    b.type = "button";
    b.className = "tk-sort";
    b.textContent = label;
    th.appendChild(b);
    b.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.sort(function (a, b2) {
        var x = key(a, col), y = key(b2, col);
        if (x === y) { return 0; }
        if (!x) { return 1; }
        if (!y) { return -1; }
        return (x < y ? -1 : 1) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });

  /* filters: words anywhere in the row, and one select per column of few values */
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "tk-count";
  var text = document.createElement("input");
  text.type = "search";
  text.id = "tk-table-filter";
  var lab = document.createElement("label");
  lab.htmlFor = text.id;
  lab.textContent = "Filter the documents ";
  tools.appendChild(lab);
  tools.appendChild(text);
  var selects = [];
  [5, 6, 7].forEach(function (col) {
    var values = {};
    var blank = false;
    rows.forEach(function (r) {
      if (!r.cells[col].textContent) { blank = true; }
      r.cells[col].textContent.split(", ").forEach(function (v) { if (v) { values[v] = 1; } });
    });
    var names = Object.keys(values).sort();
    if (names.length < (blank ? 1 : 2)) { return; } /* a choice that would filter nothing */
    var s = document.createElement("select");
    s.id = "tk-table-col-" + col;
    var l = document.createElement("label");
    l.htmlFor = s.id;
    l.textContent = " " + heads[col].textContent + " ";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All";
    s.appendChild(all);
    names.forEach(function (n) {
      var o = document.createElement("option");
      o.value = n;
      o.textContent = n;
      s.appendChild(o);
    });
    s.setAttribute("data-col", col);
    tools.appendChild(l);
    tools.appendChild(s);
    selects.push(s);
    s.addEventListener("change", apply);
  });
  tools.appendChild(status);

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r) {
      var t = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return t.indexOf(w) >= 0; });
      selects.forEach(function (s) {
        var v = s.value;
        var col = +s.getAttribute("data-col");
        if (v && r.cells[col].textContent.split(", ").indexOf(v) < 0) { ok = false; }
      });
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown + " of " + rows.length + " documents shown";
  }
  text.addEventListener("input", apply);
  tools.hidden = false;
  apply();
}());
