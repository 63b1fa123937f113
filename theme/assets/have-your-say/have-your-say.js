/* Have your say: a tidier message, and a choice of email or text message.
 *
 * Without this script the form still works: the browser hands every answer to the person's email app
 * (form action mailto:, method post, enctype text/plain). With it, the message reads "Question: answer"
 * line by line, and people who prefer can send a text message instead. Nothing is sent from this page:
 * the person's own app opens, and they press send there. No request goes to any server.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-hys-form]");
  if (!form) return;
  var channel = form.querySelector("[data-hys-channel]");
  if (channel && form.getAttribute("data-hys-sms")) {
    channel.hidden = false;
    channel.disabled = false;
  }

  function encode(text) {
    // RFC 6068 and RFC 5724: percent-encode everything, line ends as CRLF.
    return encodeURIComponent(text.replace(/\r?\n/g, "\r\n"));
  }

  function message() {
    var lines = [];
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "hys-channel" || field.disabled || seen[field.name]) return;
      var value;
      if (field.type === "radio") {
        var picked = form.querySelector('input[type="radio"][name="' + CSS.escape(field.name) + '"]:checked');
        value = picked ? picked.value : "";
        seen[field.name] = true;
      } else {
        value = field.value.trim();
      }
      if (value) lines.push(field.name + (/[?:.!]$/.test(field.name) ? " " : ": ") + value);
    });
    return lines.join("\n");
  }

  form.addEventListener("submit", function (event) {
    if (!form.checkValidity()) return;
    event.preventDefault();
    var picked = form.querySelector('input[name="hys-channel"]:checked');
    var subject = form.getAttribute("data-hys-subject");
    var url;
    if (picked && picked.value === "sms") {
      url = "sms:" + form.getAttribute("data-hys-sms") + "?body=" + encode(subject + "\n" + message());
    } else {
      url = "mailto:" + form.getAttribute("data-hys-email") + "?subject=" + encode(subject) + "&body=" + encode(message() + "\n");
    }
    window.location.href = url;
  });
})();
