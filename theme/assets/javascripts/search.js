/* Search, on the search page only (content/search.md sets `search_page: true`; theme/main.html loads this).
 *
 * Reads search_index.json (written by the search plugin) the first time someone searches, and shows the
 * pages that hold every word they typed. The results are a plain list of links after the form, so Tab
 * reaches them; Enter or the button searches; nothing jumps anywhere by itself. The address gets ?q=...,
 * so a search can be bookmarked and "back" works. Without JavaScript the form stays hidden and the page
 * offers the glossary A to Z and the site map instead.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-ez-search]");
  var output = document.querySelector("[data-ez-search-results]");
  var status = document.querySelector("[data-ez-search-status]");
  if (!form || !output || !status) return;
  var field = form.querySelector("input[name=q]");
  // The words come from the page (content/search.md), so editors can change them.
  var words = JSON.parse(status.getAttribute("data-ez-words") || "{}");
  var index = null;

  function plain(html) {
    return html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
  }

  function load() {
    if (index) return Promise.resolve(index);
    return fetch("search_index.json").then(function (response) { return response.json(); }).then(function (data) {
      var pages = {};
      index = data.docs.map(function (doc) {
        var page = doc.location.split("#")[0];
        var entry = { location: doc.location, page: page, title: plain(doc.title), text: plain(doc.text) };
        if (doc.location.indexOf("#") === -1) pages[page] = entry.title;
        return entry;
      });
      index.forEach(function (entry) { entry.pageTitle = pages[entry.page] || entry.title; });
      return index;
    });
  }

  function find(query) {
    var terms = query.toLowerCase().split(/[\s\-]+/).filter(Boolean);
    var best = {};
    index.forEach(function (entry) {
      var title = entry.title.toLowerCase();
      var text = entry.text.toLowerCase();
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = title.indexOf(terms[i]) !== -1;
        var inText = text.indexOf(terms[i]) !== -1;
        if (!inTitle && !inText) return;
        score += (inTitle ? 10 : 0) + (inText ? 1 : 0);
      }
      if (entry.location === entry.page) score += 2; // the whole page before one of its parts
      var kept = best[entry.page];
      if (!kept || score > kept.score) best[entry.page] = { entry: entry, score: score };
    });
    return Object.keys(best).map(function (key) { return best[key]; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, 25).map(function (hit) { return hit.entry; });
  }

  function snippet(text, query) {
    var first = query.toLowerCase().split(/[\s\-]+/).filter(Boolean)[0] || "";
    var at = Math.max(0, text.toLowerCase().indexOf(first) - 60);
    if (at > 0) {
      var space = text.indexOf(" ", at);
      if (space !== -1 && space < at + 20) at = space + 1; // start at a whole word
    }
    var part = text.slice(at, at + 180);
    return (at > 0 ? "… " : "") + part + (at + 180 < text.length ? " …" : "");
  }

  function show(query, hits) {
    output.textContent = "";
    // Only this short sentence is read out (the status is a live region); the list is there to Tab through.
    status.textContent = (hits.length === 0 ? words.none : hits.length === 1 ? words.one : words.many)
      .replace("{count}", String(hits.length)).replace("{query}", query);
    if (hits.length === 0) return;
    var list = document.createElement("ol");
    list.className = "ez-search__list";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "../" + hit.location;
      link.textContent = hit.location === hit.page || hit.title === hit.pageTitle ? hit.pageTitle : hit.pageTitle + ": " + hit.title;
      item.appendChild(link);
      var text = snippet(hit.text, query);
      if (text) {
        var p = document.createElement("p");
        p.textContent = text;
        item.appendChild(p);
      }
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  function search(query, remember) {
    query = query.trim();
    if (!query) return;
    output.textContent = "";
    status.textContent = words.wait || "";
    load().then(function () {
      show(query, find(query));
      if (remember && window.history && history.replaceState) {
        history.replaceState(null, "", "?q=" + encodeURIComponent(query));
      }
    }).catch(function () {
      status.textContent = words.failed || "";
    });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(field.value, true);
  });
  var start = new URLSearchParams(location.search).get("q");
  if (start) {
    field.value = start;
    search(start, false);
  }
})();
