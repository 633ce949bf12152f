/* Autosave of a phase form: nothing the candidate types is lost.
 *
 * - About two seconds after the last change, the form (files aside: they wait for
 *   "Enregistrer") is posted with its CSRF token and version to a JSON endpoint;
 *   "Enregistré à HH:MM" is announced in an aria-live region.
 * - Every change is also copied to localStorage until the server has it. On the
 *   next visit, a copy that differs from the saved answers is offered back
 *   ("Restaurer" / "Ignorer").
 * - On a 409 (the answers changed in another tab or window) nothing is overwritten:
 *   autosave stops, the user is told, and their text stays on screen and in the
 *   local copy.
 */
(function () {
  "use strict";

  var readonly = document.getElementById("phase-readonly");
  if (readonly) {
    // A finished phase has nothing left to restore.
    try {
      window.localStorage.removeItem(readonly.dataset.storageKey);
    } catch (error) {
      /* storage unavailable: nothing to clear */
    }
    return;
  }

  var form = document.getElementById("phase-form");
  // What it says comes from the page, in French (json_script): none is written here.
  var texts = document.getElementById("autosave-texts");
  if (!form || !texts || !window.fetch || !window.FormData) {
    return;
  }
  var MESSAGES = JSON.parse(texts.textContent);

  var DELAY = 2000;
  var url = form.dataset.autosaveUrl;
  var key = form.dataset.storageKey;
  var statusBox = document.getElementById("autosave-status");
  var restoreBox = document.getElementById("autosave-restore");
  var versionInput = form.querySelector("[data-version]");
  var timer = null;
  var inFlight = false;
  var again = false;
  var stopped = false;
  var edits = 0;
  var waitingSubmitter = null;

  function say(message, isError) {
    statusBox.textContent = message;
    statusBox.classList.toggle("fr-error-text", Boolean(isError));
  }

  function entries() {
    var result = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken" && name !== "version") {
        result.push([name, value]);
      }
    });
    return result;
  }

  function storeLocal() {
    try {
      window.localStorage.setItem(
        key,
        JSON.stringify({ saved: new Date().toISOString(), entries: entries() })
      );
    } catch (error) {
      /* storage full or disabled: the server copy is all we have */
    }
  }

  function readLocal() {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function clearLocal() {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* nothing to clear */
    }
  }

  function payload() {
    var data = new FormData(form);
    var names = [];
    data.forEach(function (value, name) {
      if (typeof value !== "string") {
        names.push(name);
      }
    });
    names.forEach(function (name) {
      data.delete(name);
    });
    return data;
  }

  function finish() {
    inFlight = false;
    if (waitingSubmitter) {
      var submitter = waitingSubmitter;
      waitingSubmitter = null;
      form.requestSubmit(submitter);
    } else if (again) {
      again = false;
      schedule();
    }
  }

  function send(keepalive) {
    window.clearTimeout(timer);
    timer = null;
    if (stopped) {
      return;
    }
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    var sentAt = edits;
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    say(MESSAGES.saving);
    window
      .fetch(url, {
        method: "POST",
        body: payload(),
        credentials: "same-origin",
        keepalive: Boolean(keepalive),
        headers: { "X-CSRFToken": token, Accept: "application/json" },
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            if (response.ok) {
              versionInput.value = String(body.version);
              say(MESSAGES.saved.replace("%(time)s", body.saved_at_display));
              if (sentAt === edits) {
                clearLocal();
              }
            } else if (response.status === 409) {
              stopped = true;
              storeLocal();
              say(body.message || MESSAGES.conflict, true);
            } else {
              storeLocal();
              say(body.message || MESSAGES.failed, true);
            }
          });
      })
      .catch(function () {
        storeLocal();
        say(MESSAGES.offline, true);
      })
      .then(finish);
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, DELAY);
  }

  function onEdit(event) {
    if (event.target.type === "file") {
      return;
    }
    edits += 1;
    storeLocal();
    if (!stopped) {
      schedule();
    }
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);

  form.addEventListener("submit", function (event) {
    window.clearTimeout(timer);
    timer = null;
    if (inFlight) {
      // Wait for the autosave's new version, or this post would be refused as stale.
      event.preventDefault();
      waitingSubmitter = event.submitter || null;
      return;
    }
    stopped = true;
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && timer !== null) {
      send(true);
    }
  });

  // --- restoring a local copy --------------------------------------------------
  function meaningful(list) {
    // Row counters and blank inputs say nothing about what was typed.
    return list.filter(function (entry) {
      return entry[1] !== "" && !/-rows$/.test(entry[0]);
    });
  }

  function same(a, b) {
    return JSON.stringify(meaningful(a)) === JSON.stringify(meaningful(b));
  }

  function ensureRows(saved) {
    if (!window.monbilanTable) {
      return;
    }
    form.querySelectorAll("[data-table-field]").forEach(function (container) {
      var counter = container.querySelector("[data-row-count]");
      var wanted = 0;
      saved.forEach(function (entry) {
        if (entry[0] === counter.name) {
          wanted = parseInt(entry[1], 10) || 0;
        }
      });
      var guard = 0;
      while ((parseInt(counter.value, 10) || 0) < wanted && guard < 100) {
        if (!window.monbilanTable.addRow(container)) {
          break;
        }
        guard += 1;
      }
    });
  }

  function restore(saved) {
    ensureRows(saved);
    var values = {};
    saved.forEach(function (entry) {
      (values[entry[0]] = values[entry[0]] || []).push(entry[1]);
    });
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.type === "file" || element.type === "hidden" ||
          element.type === "submit" || element.type === "button") {
        return;
      }
      var wanted = values[element.name] || [];
      if (element.type === "radio" || element.type === "checkbox") {
        element.checked = wanted.indexOf(element.value) !== -1;
      } else {
        element.value = wanted.length ? wanted[0] : "";
      }
    });
    edits += 1;
    storeLocal();
    schedule();
  }

  var saved = readLocal();
  if (saved && saved.entries && restoreBox) {
    if (same(saved.entries, entries())) {
      clearLocal();
    } else {
      restoreBox.hidden = false;
      restoreBox.querySelector("[data-autosave-restore]").addEventListener("click", function () {
        restore(saved.entries);
        restoreBox.hidden = true;
        say(MESSAGES.restored);
      });
      restoreBox.querySelector("[data-autosave-discard]").addEventListener("click", function () {
        clearLocal();
        restoreBox.hidden = true;
      });
    }
  }
})();
