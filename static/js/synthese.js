/* "Insérer dans la synthèse": add a candidate's answer, quoted, at the end of the
 * chosen section of the document de synthèse, without reloading the page.
 *
 * The quotations, and what this script says, come from the page's JSON
 * (json_script "synthese-texts"), never from HTML: the script holds no French.
 * The text area then receives an "input" event, so that autosave.js saves the
 * draft as if the conseiller had typed it. Without this script the same buttons
 * post the form, and the server inserts the quotation.
 */
(function () {
  "use strict";

  var form = document.getElementById("phase-form");
  var data = document.getElementById("synthese-texts");
  if (!form || !data) {
    return;
  }
  var texts;
  try {
    texts = JSON.parse(data.textContent);
  } catch (error) {
    return; // the buttons still post the form
  }
  var quotations = texts.quotations || {};
  var status = document.getElementById("synthese-insert-status");

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=insert]");
    if (!button) {
      return;
    }
    var key = button.value;
    var text = quotations[key];
    var select = document.getElementById("section-" + key);
    var area = select ? document.getElementById("id_" + select.value) : null;
    if (!text || !area) {
      return; // let the form post: the server knows how
    }
    event.preventDefault();
    var current = area.value.replace(/\s+$/, "");
    area.value = (current ? current + "\n\n" : "") + text + "\n";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    area.scrollTop = area.scrollHeight;
    if (status) {
      var heading = select.options[select.selectedIndex].text;
      status.textContent = texts.inserted.replace("%(section)s", heading);
    }
  });
})();
