// watchfloor dashboard: small helpers; every page works without them.
// Nothing here builds markup from strings: text goes through textContent, and fetched pages are
// server-rendered (escaped) HTML parsed with DOMParser.
(function () {
  "use strict";

  // The country selector submits itself.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.submit(); });
  });

  // Actors: clicking a link in the graph or the table loads the events behind it in place.
  var panel = document.getElementById("edge-events");
  if (panel) {
    document.addEventListener("click", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a[data-edge]") : null;
      if (!a) return;
      ev.preventDefault();
      var href = a.getAttribute("href") || a.getAttribute("xlink:href");
      var url = new URL(href, window.location.href);
      panel.classList.add("loading");
      fetch(url.pathname + url.search, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("edge-events");
          if (fresh) panel.replaceChildren.apply(panel, Array.prototype.slice.call(fresh.childNodes));
          document.querySelectorAll("[data-edge]").forEach(function (x) {
            var on = x.getAttribute("data-edge") === a.getAttribute("data-edge");
            x.classList.toggle("on", on && x.tagName.toLowerCase() === "a" && x.closest("svg") !== null);
            var row = x.closest("tr");
            if (row) row.classList.toggle("on", on);
          });
          history.replaceState(null, "", url.pathname + url.search + "#edge-events");
          panel.scrollIntoView({ behavior: "smooth", block: "start" });
        })
        .catch(function () { window.location.href = href; })
        .finally(function () { panel.classList.remove("loading"); });
    });
  }

  // Briefs: the framed brief grows to its full height, so the page scrolls once.
  var frame = document.getElementById("brief-frame");
  if (frame) {
    var grow = function () {
      try {
        var doc = frame.contentDocument;
        if (doc && doc.documentElement) frame.style.height = (doc.documentElement.scrollHeight + 24) + "px";
      } catch (e) { /* keep the fixed height */ }
    };
    frame.addEventListener("load", grow);
    // the frame may have finished loading before this script ran: its load event is then gone
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") grow();
  }

  // Briefs: while a brief is written, follow its job and show the step; open the brief when it is ready.
  // (Without this script the page reloads itself every two seconds.)
  var job = document.getElementById("brief-job");
  if (job && job.getAttribute("data-state") === "running") {
    var set = function (id, text) { var el = document.getElementById(id); if (el) el.textContent = text; };
    var poll = function () {
      fetch(job.getAttribute("data-status"), { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.state === "done" && s.location) { window.location.href = s.location; return; }
          if (s.state === "running") {
            set("job-step", s.step);
            set("job-number", String(s.step_number));
            set("job-elapsed", String(Math.round(s.elapsed)));
            var bar = document.getElementById("job-progress");
            if (bar) { bar.value = s.step_number; bar.textContent = s.step_number + " of " + s.steps; }
            window.setTimeout(poll, 1000);
            return;
          }
          // failed, or the job is gone: the server's page says what happened and what to do
          window.location.reload();
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 500);
  }

  // Check: a highlighted passage shows its finding, and a finding shows its passage.
  var report = document.getElementById("report");
  if (report) {
    var clear = function () {
      document.querySelectorAll(".active").forEach(function (x) { x.classList.remove("active"); });
    };
    var idsOf = function (el) {
      var raw = el.getAttribute("data-finding") || el.getAttribute("data-findings") || "";
      return raw.split(/[\s,]+/).filter(Boolean);
    };
    var showFinding = function (mark) {
      clear();
      mark.classList.add("active");
      var first = null;
      idsOf(mark).forEach(function (id) {
        var card = document.getElementById("finding-" + id);
        if (card) {
          card.classList.add("active");
          var d = card.querySelector("details");
          if (d) d.open = true;
          first = first || card;
        }
      });
      if (first) first.scrollIntoView({ behavior: "smooth", block: "nearest" });
    };
    report.addEventListener("click", function (ev) {
      var mark = ev.target.closest("[data-finding], [data-findings]");
      if (mark && report.contains(mark)) showFinding(mark);
    });
    report.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.matches("[data-finding], [data-findings]")) showFinding(ev.target);
    });
    document.querySelectorAll(".finding-card").forEach(function (card) {
      card.addEventListener("click", function (ev) {
        if (ev.target.closest("a, summary")) return;
        var id = card.getAttribute("data-finding");
        clear();
        card.classList.add("active");
        var marks = Array.prototype.filter.call(report.querySelectorAll("[data-finding], [data-findings]"),
          function (m) { return idsOf(m).indexOf(id) >= 0; });
        marks.forEach(function (m) { m.classList.add("active"); });
        if (marks[0]) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
      });
    });
  }
})();
