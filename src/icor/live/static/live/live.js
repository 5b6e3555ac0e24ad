/*
 * Live updates without reloading. Markup:
 *
 *   <div data-live-channel="conference-7"
 *        data-live-refresh="/conferences/7/figures/"
 *        data-live-events="attendance ballot result"
 *        aria-live="polite">...</div>
 *
 * One EventSource per channel (from /live/<channel>/) is shared by every element of the page
 * that names it. On one of the element's events (default: attendance, ballot, result) the
 * element's content is fetched again from data-live-refresh with htmx and swapped in. A burst
 * of events costs one fetch in flight plus at most one more, never one fetch per event.
 * After a lost connection the browser reconnects by itself and the element is refreshed once.
 *
 * An element showing one ballot (data-live-ballot="<id>") is not fetched again on that ballot's
 * events while it is open: the event carries the counts ("counts": {"voted", "present", "open"}),
 * written into the element's [data-live-count="voted"]; events of other ballots leave it alone.
 * Once closed, it is fetched once to show the result. data-live-skip="cast" makes an element
 * ignore the nudges of single votes (it shows nothing that a vote changes).
 */
(function () {
  "use strict";

  var DEFAULT_EVENTS = ["attendance", "ballot", "result"];
  var sources = {};

  function liveUrl(channel) {
    return "/live/" + encodeURIComponent(channel) + "/";
  }

  function refresher(element) {
    var busy = false;
    var again = false;
    function run() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      again = false;
      var url = element.getAttribute("data-live-refresh");
      window.htmx.ajax("GET", url, { target: element, swap: "innerHTML" }).finally(function () {
        busy = false;
        if (again) {
          run();
        }
      });
    }
    return run;
  }

  function eventData(event) {
    try {
      return JSON.parse(event.data) || {};
    } catch (error) {
      return {};
    }
  }

  // True when the event needs no fetch: it is about another ballot, a skipped vote nudge, or
  // it carries the counts of this open ballot, which are then written into the element.
  function handledByCounts(element, event) {
    var data = eventData(event);
    if (element.getAttribute("data-live-skip") === "cast" && data.cast === true) {
      return true;
    }
    var ballot = element.getAttribute("data-live-ballot");
    if (!ballot || data.ballot === undefined) {
      return false;
    }
    if (String(data.ballot) !== ballot) {
      return true;
    }
    var counts = data.counts;
    var shown = element.querySelectorAll('[data-live-count="voted"]');
    if (!counts || !counts.open || !shown.length) {
      return false;
    }
    shown.forEach(function (count) {
      count.textContent = String(counts.voted);
    });
    return true;
  }

  function source(channel) {
    if (!sources[channel]) {
      var stream = new EventSource(liveUrl(channel), { withCredentials: true });
      sources[channel] = stream;
    }
    return sources[channel];
  }

  function connect(element) {
    if (element.dataset.liveConnected) {
      return;
    }
    element.dataset.liveConnected = "1";
    if (!element.hasAttribute("aria-live")) {
      element.setAttribute("aria-live", "polite");
    }
    var stream = source(element.getAttribute("data-live-channel"));
    var refresh = refresher(element);
    var names = (element.getAttribute("data-live-events") || "").split(/\s+/).filter(Boolean);
    (names.length ? names : DEFAULT_EVENTS).forEach(function (name) {
      stream.addEventListener(name, function (event) {
        if (!handledByCounts(element, event)) {
          refresh();
        }
      });
    });
    var seenReady = false;
    stream.addEventListener("ready", function () {
      // The first "ready" opens the stream; a later one follows a reconnect: catch up once.
      if (seenReady) {
        refresh();
      }
      seenReady = true;
    });
  }

  var SELECTOR = "[data-live-channel][data-live-refresh]";

  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) {
      connect(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(SELECTOR).forEach(connect);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
  });
  document.addEventListener("htmx:load", function (event) {
    scan(event.target);
  });
  window.addEventListener("pagehide", function () {
    Object.keys(sources).forEach(function (channel) {
      sources[channel].close();
    });
    sources = {};
  });
})();
