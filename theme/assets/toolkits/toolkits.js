/* Toolkit pages: the print button, and the averages on the Toolkit 1 form.
 * Everything happens in this page. No answer is stored or sent anywhere.
 * Without JavaScript the form still works on screen and on paper; people add up by hand. */
(function () {
  "use strict";

  function averageText(total, answered, rows) {
    if (answered === 0) return "not worked out yet";
    var average = Math.round((total / answered) * 10) / 10;
    if (answered === rows) return String(average);
    return average + " (from " + answered + " of " + rows + " rows so far)";
  }

  function updateQuestion(group) {
    var output = group.querySelector("[data-tk-average]");
    if (!output) return;
    var rows = Number(output.getAttribute("data-tk-rows"));
    var total = 0;
    var answered = 0;
    group.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      total += Number(input.value);
      answered += 1;
    });
    var text = averageText(total, answered, rows);
    if (output.textContent === text) return;
    if (answered === 0) {
      // Keep the blank line that is printed for people to fill in by hand.
      output.innerHTML = '<span class="tk-blank">' + text + "</span>";
    } else {
      output.textContent = text;
    }
  }

  function setUp() {
    document.querySelectorAll("[data-tk-print]").forEach(function (button) {
      button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
      button.addEventListener("click", function () { window.print(); });
    });

    var groups = document.querySelectorAll("[data-tk-question]");
    groups.forEach(function (group) {
      group.addEventListener("change", function () { updateQuestion(group); });
      updateQuestion(group); // the browser may have kept answers after "back"
    });

    document.querySelectorAll("[data-tk-clear]").forEach(function (button) {
      button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
      button.addEventListener("click", function () {
        var page = button.closest("article") || document;
        page.querySelectorAll(".tk-row input[type=radio]").forEach(function (input) { input.checked = false; });
        page.querySelectorAll(".tk-field input, .tk-field textarea").forEach(function (field) { field.value = ""; });
        groups.forEach(updateQuestion);
      });
    });
  }

  // Material's instant loading swaps pages without a reload; document$ tells us when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
