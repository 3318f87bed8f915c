/// The site's own script, written to `assets/site.js`.
///
/// On `DOMContentLoaded` it highlights `pre code[class*="language-"]` blocks with highlight.js
/// (9.18 API: `hljs.highlightBlock`), renders `$...$` and `$$...$$` with KaTeX's auto-render
/// (skipping `pre`, `code` and inline SVG), and wires figure selectors:
///
/// ```html
/// <form class="figure-select" data-figure-group="runs">
///   <label>Data <select><option value="circles">circles</option>...</select></label>
///   <label>Activation <select><option value="tanh">tanh</option>...</select></label>
/// </form>
/// ```
/// shows only the elements whose `data-figure-key` is `"runs:circles/tanh"` (the group name, a
/// colon, then the select values joined by `/`) and hides the others of the group. When no
/// figure has the combination the selects name, the selects move to the nearest one that does,
/// keeping the value just chosen: a page can offer a base setting and variations of one or two
/// selects at a time instead of every combination. Buttons with
/// `data-figure-choice="circles/tanh"` inside the form select a choice directly. Without
/// JavaScript every figure is shown and the controls are hidden.
enum SiteScript {
  static let javaScript = #"""
    (function () {
      "use strict";
      document.documentElement.classList.add("js");

      function highlightCode() {
        if (!window.hljs) { return; }
        var blocks = document.querySelectorAll('pre code[class*="language-"]');
        for (var i = 0; i < blocks.length; i++) {
          if (blocks[i].closest(".output, .no-highlight")) { continue; }
          window.hljs.highlightBlock(blocks[i]);
        }
      }

      function renderMath() {
        if (!window.renderMathInElement) { return; }
        window.renderMathInElement(document.body, {
          delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "$", right: "$", display: false }
          ],
          ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "svg"],
          ignoredClasses: ["output", "no-math"],
          throwOnError: false
        });
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
      // value of the select just changed; the selects are set to that choice.
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

      document.addEventListener("DOMContentLoaded", function () {
        wireFigureGroups();
        highlightCode();
        renderMath();
      });
    })();

    """#
}
