// The search box of every page (form.search in the header).
//
// assets/search-index.js sets window.companionSearchDocuments, one document per section
// ({c: chapter title, s: section title, u: "page.html#anchor", t: text}), and
// window.companionSearchIndex, their lunr index (ref = position; fields s, c, t), built when the
// site was written. It is loaded on the first use of the box (a script element, since fetch
// fails under file://). Typing "/" anywhere focuses the box; Escape clears it; the arrow keys move
// through the results and Enter opens one. A page opened as page.html?search=words shows the
// results for those words.
(function () {
  "use strict";

  var script = document.currentScript;
  var assets = script ? script.src.replace(/[^\/]*$/, "") : "assets/";
  var maximumResults = 12;
  var index = null;
  var loading = null;

  function load(done) {
    if (index) { done(); return; }
    if (loading) { loading.push(done); return; }
    loading = [done];
    var tag = document.createElement("script");
    tag.src = assets + "search-index.js";
    tag.onload = function () {
      index = window.lunr.Index.load(window.companionSearchIndex);
      var waiting = loading;
      loading = null;
      for (var j = 0; j < waiting.length; j++) { waiting[j](); }
    };
    document.head.appendChild(tag);
  }

  // The words of the query, lower case, without lunr's stop words.
  function words(text) {
    var tokens = window.lunr.tokenizer(text);
    var kept = [];
    for (var i = 0; i < tokens.length; i++) {
      var token = window.lunr.trimmer(tokens[i]);
      if (token && window.lunr.stopWordFilter(token) && token.toString()) { kept.push(token); }
    }
    return kept;
  }

  // Every word must match, as a word or as the start of one (so "flow" finds "flower").
  function search(text) {
    var terms = words(text);
    if (!terms.length) { return []; }
    return index.query(function (query) {
      for (var i = 0; i < terms.length; i++) {
        var stem = window.lunr.stemmer(terms[i].clone()).toString();
        query.term(stem, {
          presence: window.lunr.Query.presence.REQUIRED,
          wildcard: window.lunr.Query.wildcard.TRAILING,
          usePipeline: false
        });
        query.term(terms[i].toString(), { boost: 10 });
      }
    });
  }

  // Up to 160 characters of the text around the first word of the query, cut at spaces.
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) { at = lower.indexOf(terms[i].toString()); }
    var start = Math.max(0, at - 60);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < at) { start = space + 1; }
    }
    var end = Math.min(text.length, start + 160);
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      if (last > at) { end = last; }
    }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function show(form, text) {
    var list = form.querySelector(".search-results");
    list.textContent = "";
    if (!text.trim()) { list.hidden = true; return; }
    var documents = window.companionSearchDocuments || [];
    var results = search(text).slice(0, maximumResults);
    var terms = words(text);
    if (!results.length) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No section mentions “" + text.trim() + "”.";
      list.appendChild(none);
    }
    for (var i = 0; i < results.length; i++) {
      var d = documents[Number(results[i].ref)];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = d.u;
      var chapter = document.createElement("span");
      chapter.className = "search-chapter";
      chapter.textContent = d.c;
      var section = document.createElement("span");
      section.className = "search-section";
      section.textContent = d.s;
      var context = document.createElement("span");
      context.className = "search-snippet";
      context.textContent = snippet(d.t, terms);
      link.appendChild(chapter);
      link.appendChild(section);
      link.appendChild(context);
      item.appendChild(link);
      list.appendChild(item);
    }
    list.hidden = false;
  }

  function move(form, step) {
    var links = form.querySelectorAll(".search-results a");
    if (!links.length) { return; }
    var current = Array.prototype.indexOf.call(links, document.activeElement);
    var next = current + step;
    if (next < 0) { form.querySelector("input").focus(); return; }
    links[Math.min(next, links.length - 1)].focus();
  }

  function wire(form) {
    var input = form.querySelector("input");
    var run = function () { load(function () { show(form, input.value); }); };
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = form.querySelector(".search-results a");
      if (first) { window.location.href = first.href; }
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); move(form, 1); }
      if (event.key === "ArrowUp") { event.preventDefault(); move(form, -1); }
      if (event.key === "Escape") {
        input.value = "";
        show(form, "");
        input.blur();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { form.querySelector(".search-results").hidden = true; }
    });
    var asked = new URLSearchParams(window.location.search).get("search");
    if (asked) {
      input.value = asked;
      run();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var input = document.querySelector("form.search input");
    if (input) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.lunr) { return; }
    var forms = document.querySelectorAll("form.search");
    for (var i = 0; i < forms.length; i++) { wire(forms[i]); }
  });
})();
