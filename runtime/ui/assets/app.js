// Live refresh: an element with data-live is fetched again (with part=1)
// every few seconds and replaced when it changed, keeping open <details>
// and the focused element. A button pauses it (WCAG 2.2.2).
(function () {
  "use strict";
  var live = document.getElementById("live");
  var toggle = document.getElementById("live-toggle");
  var state = document.getElementById("live-state");
  var stamp = document.getElementById("live-time");
  var every = Number(document.documentElement.dataset.refresh || 0);
  if (!live || !every) return;
  var paused = false, last = live.innerHTML, timer = null;

  function partURL() {
    var u = new URL(live.dataset.live, location.href);
    u.searchParams.set("part", "1");
    u.searchParams.delete("done");
    return u.toString();
  }
  function keyOf(el) {
    var cell = el.closest("[data-var]");
    return cell ? "var:" + cell.dataset.var : null;
  }
  function swap(html) {
    var open = {};
    live.querySelectorAll("details[open]").forEach(function (d) { var k = keyOf(d); if (k) open[k] = true; });
    var focused = document.activeElement && live.contains(document.activeElement) && document.activeElement.getAttribute("href");
    live.innerHTML = html;
    live.querySelectorAll("details").forEach(function (d) { if (open[keyOf(d)]) d.open = true; });
    if (focused) {
      var again = live.querySelector('[href="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }
  function tick() {
    timer = null;
    if (paused || document.hidden) { schedule(); return; }
    fetch(partURL(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.text(); })
      .then(function (html) {
        if (html !== last) { last = html; swap(html); }
        if (stamp) stamp.textContent = "· updated " + new Date().toLocaleTimeString();
        if (state) state.textContent = "Live";
      })
      .catch(function (e) { if (state) state.textContent = "Offline (" + e.message + ")"; })
      .then(schedule);
  }
  function schedule() { if (!timer) timer = setTimeout(tick, every); }
  if (toggle) {
    toggle.addEventListener("click", function () {
      paused = !paused;
      toggle.setAttribute("aria-pressed", String(paused));
      toggle.textContent = paused ? "Resume updates" : "Pause updates";
      if (state) state.textContent = paused ? "Paused" : "Live";
    });
  }
  schedule();
})();
