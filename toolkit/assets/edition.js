/* teikit HTML edition: reading/diplomatic and language switches, note popovers, copy
   buttons. Without JavaScript the page shows the reading text, both languages, footnotes
   reachable by their links, and sign tooltips by CSS. */
(function () {
  "use strict";
  var body = document.body;
  var toolbar = document.querySelector(".tk-toolbar");
  if (toolbar) { toolbar.hidden = false; }

  function press(group, button) {
    group.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
  }

  var modeButtons = Array.prototype.slice.call(document.querySelectorAll("[data-tk-mode]"));
  modeButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var mode = b.getAttribute("data-tk-mode");
      body.classList.toggle("tk-diplomatic", mode === "diplomatic");
      body.classList.toggle("tk-reading", mode !== "diplomatic");
      press(modeButtons, b);
    });
  });

  var showButtons = Array.prototype.slice.call(document.querySelectorAll("[data-tk-show]"));
  showButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var show = b.getAttribute("data-tk-show");
      ["tk-show-all", "tk-show-1", "tk-show-2"].forEach(function (c) { body.classList.remove(c); });
      body.classList.add("tk-show-" + show);
      press(showButtons, b);
    });
  });

  /* note popovers: the footnote's text next to its marker, on hover and on focus */
  var pop = null;
  function hide() { if (pop) { pop.remove(); pop = null; } }
  function show(a) {
    hide();
    var note = document.getElementById(a.getAttribute("data-note"));
    if (!note) { return; }
    pop = document.createElement("div");
    pop.className = "tk-popover";
    pop.setAttribute("role", "tooltip");
    var kind = note.querySelector(".tk-fn-kind");
    var text = note.querySelector(".tk-fn-body");
    pop.textContent = (kind ? kind.textContent : "") + (text ? text.textContent : "");
    document.body.appendChild(pop);
    var r = a.getBoundingClientRect();
    pop.style.left = Math.max(4, window.scrollX + r.left - 20) + "px";
    pop.style.top = (window.scrollY + r.bottom + 4) + "px";
  }
  document.querySelectorAll(".tk-noteref").forEach(function (a) {
    a.addEventListener("mouseenter", function () { show(a); });
    a.addEventListener("focus", function () { show(a); });
    a.addEventListener("mouseleave", hide);
    a.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });

  /* copy buttons of the citation block */
  document.querySelectorAll(".tk-copy").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var el = document.getElementById(b.getAttribute("data-copy"));
      if (!el) { return; }
      var done = function () { b.textContent = "Copied"; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(el.textContent).then(done, function () {});
      } else {
        var range = document.createRange();
        range.selectNodeContents(el);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        try { document.execCommand("copy"); done(); } catch (err) { /* selectable anyway */ }
      }
    });
  });
}());
