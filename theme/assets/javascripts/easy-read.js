/* The easy-read theme's only script on most pages (theme/main.html). Everything works without it.
 *
 * 1. The menu. Without JavaScript the header's "Menu" link jumps to the menu at the foot of the page.
 *    Here it becomes a real button (aria-expanded) that shows the same menu under the header. A closed menu
 *    is `hidden`, so its links are never in the Tab order. Escape closes it and puts focus back on the button.
 * 2. The colours. The "Dark colours" choice in the footer is shown, and remembered on this device.
 */
(function () {
  "use strict";

  function setUpMenu() {
    var link = document.querySelector("[data-ez-menu]");
    var menu = document.getElementById("site-menu");
    var header = document.querySelector(".ez-header");
    if (!link || !menu || !header) return;

    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "site-menu");
    link.parentNode.replaceChild(button, link);

    // The menu moves to just after the header, so it opens where the button is and comes next in the Tab order.
    // Its heading would then come before the page's own heading, so the menu takes the heading's words as its
    // name instead.
    var title = menu.querySelector(".ez-menu__title");
    if (title) {
      menu.removeAttribute("aria-labelledby");
      menu.setAttribute("aria-label", title.textContent.trim());
      title.parentNode.removeChild(title);
    }
    menu.hidden = true;
    menu.classList.add("ez-menu--open-under-header");
    header.parentNode.insertBefore(menu, header.nextSibling);

    function show(open) {
      menu.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }

    button.addEventListener("click", function () {
      var open = menu.hidden;
      show(open);
      if (open) {
        var first = menu.querySelector("a");
        if (first) first.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !menu.hidden) {
        show(false);
        button.focus();
      }
    });
  }

  function setUpColours() {
    var group = document.querySelector("[data-ez-colours]");
    if (!group) return;
    var box = group.querySelector("input[type=checkbox]");
    box.checked = document.body.getAttribute("data-md-color-scheme") === "slate";
    box.addEventListener("change", function () {
      var scheme = box.checked ? "slate" : "default";
      document.body.setAttribute("data-md-color-scheme", scheme);
      try { localStorage.setItem("ez-scheme", scheme); } catch (e) { /* private mode: not kept */ }
    });
    group.hidden = false;
  }

  function setUp() {
    setUpMenu();
    setUpColours();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
