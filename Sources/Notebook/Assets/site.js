// The site's own script: on DOMContentLoaded it highlights `pre code[class*="language-"]`
// blocks with highlight.js (9.18 API: hljs.highlightBlock), renders the math the engine marked
// (span.math) with katex.render, and wires figure selectors:
//
//   <form class="figure-select" data-figure-group="runs">
//     <label>Data <select><option value="circles">circles</option>...</select></label>
//     <label>Activation <select><option value="tanh">tanh</option>...</select></label>
//   </form>
//
// shows only the elements whose data-figure-key is "runs:circles/tanh" (the group name, a colon,
// then the select values joined by "/") and hides the others of the group. Buttons with
// data-figure-choice="circles/tanh" inside the form select a choice directly. Without
// JavaScript every figure is shown and the controls are hidden.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Highlights code in the languages highlight.js knows; a block in another language (```text)
  // gets the same frame, unhighlighted.
  function highlightCode() {
    if (!window.hljs) { return; }
    window.hljs.configure({ hideUpgradeWarningAcceptNoSupportOrSecurityUpdates: true });
    var blocks = document.querySelectorAll('pre code[class*="language-"]');
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].closest(".output, .no-highlight")) { continue; }
      var language = /language-(\S+)/.exec(blocks[i].className)[1];
      if (window.hljs.getLanguage(language)) {
        window.hljs.highlightBlock(blocks[i]);
      } else {
        blocks[i].classList.add("hljs");
      }
    }
  }

  // Renders the math the engine marked: span.math.inline and span.math.display hold TeX without
  // delimiters. Nothing else on the page is read as math, so a dollar in prose stays a dollar.
  function renderMath() {
    if (!window.katex) { return; }
    var spans = document.querySelectorAll("span.math");
    for (var i = 0; i < spans.length; i++) {
      window.katex.render(spans[i].textContent, spans[i], {
        displayMode: spans[i].classList.contains("display"),
        throwOnError: false
      });
    }
  }

  function figuresOf(group) {
    var prefix = group + ":";
    var all = document.querySelectorAll("[data-figure-key]");
    var members = [];
    for (var i = 0; i < all.length; i++) {
      var key = all[i].getAttribute("data-figure-key");
      if (key.indexOf(prefix) === 0) {
        members.push({ element: all[i].closest("figure") || all[i], choice: key.slice(prefix.length) });
      }
    }
    return members;
  }

  function showChoice(form, choice) {
    var members = figuresOf(form.getAttribute("data-figure-group"));
    for (var i = 0; i < members.length; i++) {
      members[i].element.hidden = members[i].choice !== choice;
    }
    var buttons = form.querySelectorAll("[data-figure-choice]");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].setAttribute("aria-pressed", String(buttons[j].getAttribute("data-figure-choice") === choice));
    }
  }

  function currentChoice(form) {
    var selects = form.querySelectorAll("select");
    var values = [];
    for (var i = 0; i < selects.length; i++) { values.push(selects[i].value); }
    return values.join("/");
  }

  // The choice the selects name when a figure has it. Otherwise the existing choice nearest
  // to it (fewest selects that differ, the first on the page among equals) that keeps the
  // value of the select just changed; the selects are set to that choice. So a page can offer
  // a base setting and variations of one or two selects at a time instead of every combination.
  function existingChoice(form, changed) {
    var wanted = currentChoice(form);
    var selects = form.querySelectorAll("select");
    var kept = Array.prototype.indexOf.call(selects, changed);
    var target = wanted.split("/");
    var members = figuresOf(form.getAttribute("data-figure-group"));
    var best = null;
    var bestDistance = Infinity;
    for (var i = 0; i < members.length; i++) {
      if (members[i].choice === wanted) { return wanted; }
      var parts = members[i].choice.split("/");
      if (parts.length !== target.length || (kept >= 0 && parts[kept] !== target[kept])) { continue; }
      var distance = 0;
      for (var j = 0; j < parts.length; j++) { if (parts[j] !== target[j]) { distance++; } }
      if (distance < bestDistance) { best = parts; bestDistance = distance; }
    }
    if (!best) { return wanted; }
    for (var k = 0; k < selects.length; k++) { selects[k].value = best[k]; }
    return best.join("/");
  }

  function wireFigureGroups() {
    var forms = document.querySelectorAll("[data-figure-group]");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        form.addEventListener("submit", function (event) { event.preventDefault(); });
        form.addEventListener("change", function (event) {
          showChoice(form, existingChoice(form, event.target));
        });
        form.addEventListener("click", function (event) {
          var button = event.target.closest("[data-figure-choice]");
          if (button && form.contains(button)) {
            event.preventDefault();
            showChoice(form, button.getAttribute("data-figure-choice"));
          }
        });
        if (form.querySelector("select")) {
          showChoice(form, existingChoice(form, null));
        } else {
          var first = form.querySelector("[data-figure-choice]");
          if (first) { showChoice(form, first.getAttribute("data-figure-choice")); }
        }
      })(forms[i]);
    }
  }

  // The chapter list is a column on wide screens (always open) and collapsed on narrow ones.
  function wireSidebar() {
    var details = document.querySelector("nav.sidebar details");
    if (!details || !window.matchMedia) { return; }
    var wide = window.matchMedia("(min-width: 78rem)");
    var apply = function () { if (wide.matches) { details.open = true; } };
    apply();
    if (wide.addEventListener) { wide.addEventListener("change", apply); }
    var nav = details.parentNode;
    var current = details.querySelector("li.current");
    if (current && wide.matches && current.offsetTop > nav.clientHeight / 2) {
      nav.scrollTop = current.offsetTop - nav.clientHeight / 4;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireSidebar();
    wireFigureGroups();
    highlightCode();
    renderMath();
  });
})();

// ---- Copy buttons ----
// Every code block of the article (cells, hidden cells once revealed, other fenced code) gets a
// "Copy" button that puts its text on the clipboard; outputs get none.
(function () {
  "use strict";

  function copyText(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }

  // Under file:// or an old browser: a selected, off-screen text area and execCommand.
  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (error) { /* nothing to copy with */ }
    document.body.removeChild(area);
  }

  function addCopyButtons() {
    var blocks = document.querySelectorAll("main.page pre > code");
    for (var i = 0; i < blocks.length; i++) {
      (function (code) {
        var pre = code.parentNode;
        if (pre.classList.contains("output") || pre.closest(".cell-output")) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy-code";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy the code");
        button.addEventListener("click", function () {
          copyText(code.textContent, function () {
            button.textContent = "Copied";
            button.classList.add("copied");
            setTimeout(function () {
              button.textContent = "Copy";
              button.classList.remove("copied");
            }, 1500);
          });
        });
        pre.classList.add("copyable");
        pre.appendChild(button);
      })(blocks[i]);
    }
  }

  document.addEventListener("DOMContentLoaded", addCopyButtons);
})();
