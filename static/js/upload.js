/* The phase's file question, in French whatever the browser's language.
 *
 * The browser's file input labels its button in the browser's own language
 * ("Choose File"). Here a French button and the chosen file's name show instead;
 * the real input stays on top of them, transparent, so that a click, the keyboard
 * and screen readers all use it as before. Without JavaScript, the browser's own
 * input shows.
 */
(function () {
  "use strict";

  function enhance(container) {
    var input = container.querySelector('input[type="file"]');
    var face = container.querySelector(".monbilan-upload__face");
    if (!input || !face) {
      return;
    }
    var name = face.querySelector("[data-upload-name]");
    face.hidden = false;
    container.classList.add("monbilan-upload--enhanced");
    input.addEventListener("change", function () {
      name.textContent = input.files && input.files.length
        ? input.files[0].name
        : name.dataset.empty;
    });
  }

  document.querySelectorAll("[data-upload]").forEach(enhance);
})();
