/* Repeatable table rows, progressively enhanced.
 *
 * Without JavaScript, "Ajouter une ligne" submits the form: the draft is saved and
 * the page comes back with more blank rows. With it, the button adds a row in place.
 */
(function () {
  "use strict";

  function addRow(container) {
    var counter = container.querySelector("[data-row-count]");
    var tbody = container.querySelector("tbody");
    var rows = tbody.querySelectorAll("[data-row]");
    var max = parseInt(container.dataset.maxRows || "50", 10);
    var index = parseInt(counter.value, 10) || rows.length;
    if (!rows.length || index >= max) {
      return null;
    }
    var button = container.querySelector("[data-add-row]");
    var name = button.dataset.name;
    var row = rows[rows.length - 1].cloneNode(true);
    row.querySelector("[data-row-number]").textContent = String(index + 1);
    row.querySelectorAll("input").forEach(function (input) {
      var column = input.dataset.column;
      var label = row.querySelector('label[for="' + input.id + '"]');
      var id = input.id.replace(/-\d+-\d+$/, "") + "-" + index + "-" + column;
      input.name = name + "-" + index + "-" + column;
      input.value = "";
      if (label) {
        label.htmlFor = id;
        label.textContent = label.textContent.replace(/\d+$/, String(index + 1));
      }
      input.id = id;
    });
    tbody.appendChild(row);
    counter.value = String(index + 1);
    if (index + 1 >= max) {
      button.hidden = true;
    }
    return row;
  }

  document.querySelectorAll("[data-table-field]").forEach(function (container) {
    var button = container.querySelector("[data-add-row]");
    if (!button) {
      return;
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var row = addRow(container);
      if (row) {
        row.querySelector("input").focus();
      }
    });
  });

  window.monbilanTable = { addRow: addRow };
})();
