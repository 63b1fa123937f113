/* Search, on the search page only (content/search.md sets `search_page: true`; theme/main.html loads this).
 *
 * The index is many small files (generator/outputs/search_index.py writes them), so a search fetches only
 * what its words need, even on a site of 10,000 pages: index.json (which word files there are), the word
 * files of the words typed, then the small files of pages or sections holding the 25 best results.
 *
 * Every word typed must be in the same section of a page (its heading or its text). The last word, if it
 * has 3 letters or more, also finds longer words that start with it: "forum" finds "forums". A word in a
 * heading counts more than a word in the text; the whole page comes before one of its parts; at most 25
 * pages are shown.
 *
 * The results are a plain list of links after the form, so Tab reaches them; Enter or the button searches;
 * nothing jumps anywhere by itself. The address gets ?q=..., so a search can be bookmarked and "back" works.
 * Without JavaScript the form stays hidden and the page offers the glossary A to Z and the site map instead.
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
  var MOST = 25;
  var SECTIONS = 65536; // a place is page × SECTIONS + section
  var files = {};
  var latest = 0;

  function get(path) {
    if (!files[path]) {
      files[path] = fetch(path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
      files[path].catch(function () { delete files[path]; }); // try again next time
    }
    return files[path];
  }

  // The same folding as the index (search_index.py `words`): lower case, no accents, letters and digits only.
  function split(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }

  function fileName(prefix) {
    return Array.from(prefix).map(function (ch) {
      return /[a-z0-9]/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16);
    }).join("");
  }

  // The last word typed, if it has 3 letters or more, also finds longer words: "forum" finds "forums".
  function isPrefix(typed, i, meta) {
    return i === typed.length - 1 && Array.from(typed[i]).length >= meta.prefix_min;
  }

  // The word files that can hold `word`, and, for a prefix, the longer words it finds.
  function prefixesFor(word, prefix, known, meta) {
    var letters = Array.from(word);
    var found = [];
    for (var n = letters.length; n > 0; n--) {
      var start = letters.slice(0, n).join("");
      if (known[start]) { found.push(start); break; }
    }
    if (prefix) {
      meta.words.forEach(function (other) {
        if (other.length > word.length && other.indexOf(word) === 0) found.push(other);
      });
    }
    return found;
  }

  // The place lists of the indexed words that a word typed finds (itself, or longer words starting with it).
  function listsFor(word, prefix, shards) {
    var lists = [];
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (indexed) {
        if (prefix ? indexed.indexOf(word) === 0 : indexed === word) lists.push(shard[indexed]);
      });
    });
    return lists;
  }

  // Place → 1 (in the heading), 2 (in the text) or 3, for one word typed. With `only`, just the places in it:
  // the words are read rarest first, so a common word ("the") adds no place the rarer words do not have.
  function places(lists, only) {
    var seen = new Map();
    lists.forEach(function (list) {
      var page = 0;
      for (var i = 0; i < list.length; i += 2) {
        page += list[i];
        var place = page * SECTIONS + (list[i + 1] >> 2);
        if (only && !only.has(place)) continue;
        seen.set(place, (seen.get(place) || 0) | (list[i + 1] & 3));
      }
    });
    return seen;
  }

  // `maps` rarest word first; the last map holds only the places every word is in.
  function best(maps) {
    var pages = new Map();
    maps[maps.length - 1].forEach(function (last, place) {
      var score = 0;
      for (var i = 0; i < maps.length; i++) {
        var kinds = maps[i].get(place);
        score += (kinds & 1 ? 10 : 0) + (kinds & 2 ? 1 : 0);
      }
      var section = place % SECTIONS;
      if (section === 0) score += 2; // the whole page before one of its parts
      var page = (place - section) / SECTIONS;
      var kept = pages.get(page);
      if (!kept || score > kept.score || (score === kept.score && section < kept.section)) {
        pages.set(page, { page: page, section: section, score: score });
      }
    });
    return Array.from(pages.values()).sort(function (a, b) { return b.score - a.score || a.page - b.page; })
      .slice(0, MOST);
  }

  function find(query) {
    var typed = split(query);
    return get("index.json").then(function (meta) {
      if (typed.length === 0) return [];
      var known = {};
      meta.words.forEach(function (prefix) { known[prefix] = true; });
      var asked = typed.map(function (word, i) { return prefixesFor(word, isPrefix(typed, i, meta), known, meta); });
      return Promise.all(asked.map(function (prefixes) {
        return Promise.all(prefixes.map(function (prefix) { return get("words/" + fileName(prefix) + ".json"); }));
      })).then(function (shards) {
        var lists = typed.map(function (word, i) {
          return listsFor(word, isPrefix(typed, i, meta), shards[i]);
        });
        var length = function (found) { return found.reduce(function (sum, list) { return sum + list.length; }, 0); };
        lists.sort(function (a, b) { return length(a) - length(b); });
        var maps = [];
        for (var i = 0; i < lists.length; i++) {
          maps.push(places(lists[i], i > 0 ? maps[i - 1] : null));
          if (maps[i].size === 0) return [];
        }
        var hits = best(maps);
        // A page's first sections are in its file of pages; a long page's later ones in files of their own.
        var paths = hits.map(function (hit) {
          var part = Math.floor(hit.section / meta.sections_per_file);
          return part === 0 ? "pages/" + Math.floor(hit.page / meta.pages_per_file) + ".json"
            : "sections/" + hit.page + "-" + part + ".json";
        });
        return Promise.all(paths.map(get)).then(function (records) {
          return hits.map(function (hit, i) {
            var part = Math.floor(hit.section / meta.sections_per_file);
            var record = part === 0 ? records[i][hit.page % meta.pages_per_file] : records[i];
            var section = record[2][hit.section % meta.sections_per_file];
            return {
              location: record[0] + (section[0] ? "#" + section[0] : ""),
              title: hit.section === 0 || section[1] === record[1] ? record[1] : record[1] + ": " + section[1],
              text: section[2],
            };
          });
        });
      });
    });
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
      link.textContent = hit.title;
      item.appendChild(link);
      if (hit.text) {
        var p = document.createElement("p");
        p.textContent = hit.text;
        item.appendChild(p);
      }
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  function search(query, remember) {
    query = query.trim();
    if (!query) return;
    var mine = ++latest;
    output.textContent = "";
    status.textContent = words.wait || "";
    find(query).then(function (hits) {
      if (mine !== latest) return; // a newer search is on its way
      show(query, hits);
      if (remember && window.history && history.replaceState) {
        history.replaceState(null, "", "?q=" + encodeURIComponent(query));
      }
    }).catch(function () {
      if (mine === latest) status.textContent = words.failed || "";
    });
  }

  form.hidden = false;
  // Fetch the small list of word files while the person types, so the answer needs one step less.
  field.addEventListener("focus", function () { get("index.json").catch(function () {}); }, { once: true });
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
