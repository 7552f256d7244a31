// TalkHost status page: reads /talkhost/api/ and its event stream; no libraries, no build step.
"use strict";
(function () {
  const api = "/talkhost/api/";
  const $ = (id) => document.getElementById(id);
  const tokenKey = "talkhost.token";
  let state = null;
  let uptimeBase = null;

  function token() { return sessionStorage.getItem(tokenKey) || ""; }

  async function get(call) {
    const r = await fetch(api + call, { headers: authHeaders(), cache: "no-store" });
    if (!r.ok) throw new Error((await r.text()).trim() || ("HTTP " + r.status));
    return r.json();
  }

  function authHeaders(extra) {
    const h = Object.assign({}, extra || {});
    if (token()) h["Authorization"] = "Bearer " + token();
    return h;
  }

  function text(id, value) { $(id).textContent = value === null || value === undefined || value === "" ? "-" : value; }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "-";
    const s = Math.max(0, Math.floor(seconds));
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
    return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
  }

  function bytes(n) {
    if (n === null || n === undefined || n < 0) return "-";
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + " KiB";
    if (n < 1024 * 1024 * 1024) return (n / 1048576).toFixed(1) + " MiB";
    return (n / 1073741824).toFixed(2) + " GiB";
  }

  function clock(iso) { return iso ? new Date(iso).toLocaleTimeString() : ""; }

  function showStatus(s) {
    state = s;
    const badge = $("badge");
    badge.textContent = s.words;
    badge.className = "badge " + s.state.toLowerCase();
    text("explanation", s.explanation);
    text("kind", s.kindWords);
    text("address", s.address ? "http://" + s.address : null);
    text("pid", s.pid > 0 ? s.pid : null);
    text("mode", s.mode ? s.mode.toLowerCase().replace("standin", "stand-in") + (s.startedByUs ? ", started by TalkHost" : ", adopted") : null);
    text("health", s.health ? s.health.words + (s.health.lastLatencyMillis !== null
      ? " (last check " + s.health.lastLatencyMillis.toFixed(1) + " ms)" : "") : null);
    text("restarts", s.talkhost ? s.talkhost.restarts : null);
    text("gateway", s.gateway ? (s.gateway.serving ? s.gateway.address + ": " + s.gateway.served + " served, "
      + s.gateway.held + " held, " + s.gateway.refused + " refused" : s.gateway.explanation) : null);
    showInstances(s.instances || []);
    uptimeBase = s.uptimeSeconds === undefined || s.uptimeSeconds === null ? null
      : { seconds: s.uptimeSeconds, at: Date.now() };
    tickUptime();
    if (s.resources) {
      text("memory-now", bytes(s.resources.residentBytes));
      text("cpu-now", s.resources.cpuPercent + " %");
    }
    if (s.notices) s.notices.forEach(addNotice);
  }

  // Several AllTalk servers: one row each (a single server needs no table).
  function showInstances(list) {
    const table = $("instances");
    table.hidden = list.length < 2;
    const body = table.tBodies[0];
    body.replaceChildren(...list.map((i) => {
      const row = document.createElement("tr");
      [i.name, i.kind, i.where, i.state, i.inFlight, i.served].forEach((v) => {
        const cell = document.createElement("td");
        cell.textContent = v;
        row.appendChild(cell);
      });
      return row;
    }));
  }

  function tickUptime() {
    text("uptime", uptimeBase ? duration(uptimeBase.seconds + (Date.now() - uptimeBase.at) / 1000) : null);
  }

  let refreshing = null;
  let fastPoll = null;
  function refreshStatus() {
    if (refreshing) return refreshing;
    refreshing = get("status").then(showStatus).catch((e) => text("explanation", e.message))
      .finally(() => { refreshing = null; });
    return refreshing;
  }

  function healthClass(h) {
    if (h === "READY") return "ready";
    if (h === "BUSY") return "busy";
    if (h === "STARTING" || h === "RECONNECTING" || h === "UNKNOWN") return "starting";
    return "down";
  }

  function chart(svg, values) {
    const max = Math.max(1, ...values);
    const step = values.length > 1 ? 300 / (values.length - 1) : 300;
    const points = values.map((v, i) => (i * step).toFixed(1) + "," + (58 - (v / max) * 54).toFixed(1)).join(" ");
    svg.innerHTML = "";
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", points);
    svg.appendChild(line);
  }

  function refreshHealth() {
    get("health").then((h) => {
      const tl = $("timeline");
      tl.innerHTML = "";
      h.samples.forEach((s) => {
        const cell = document.createElement("span");
        cell.className = healthClass(s.health);
        cell.title = clock(s.time) + ": " + (s.health || "unknown").toLowerCase();
        tl.appendChild(cell);
      });
      const last = h.samples.length ? h.samples[h.samples.length - 1] : null;
      tl.setAttribute("aria-label", "Health over the last " + Math.round(h.samples.length * 2 / 60)
        + " minutes; now " + h.words);
      const measured = h.samples.filter((s) => s.residentBytes !== undefined);
      chart($("memory-chart"), measured.map((s) => s.residentBytes / 1048576));
      chart($("cpu-chart"), measured.map((s) => s.cpuPercent || 0));
      if (last && last.residentBytes !== undefined) text("memory-now", bytes(last.residentBytes));
      if (last && last.cpuPercent !== undefined) text("cpu-now", last.cpuPercent + " %");
    }).catch(() => {});
  }

  function fillTable(id, rows) {
    const body = $(id).tBodies[0];
    body.innerHTML = "";
    rows.forEach((cells) => {
      const tr = document.createElement("tr");
      cells.forEach((c) => {
        const td = document.createElement("td");
        td.textContent = c.text === undefined ? c : c.text;
        if (c.cls) td.className = c.cls;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function refreshTables(freshDoctor) {
    get("ports").then((ports) => fillTable("ports", ports.map((p) =>
      [p.port, p.holder.toLowerCase().replace("_", " "), p.explanation]))).catch(() => {});
    get("metrics").then((ms) => fillTable("metrics", ms.map((m) =>
      [m.operation, m.count, m.failures, m.p50Millis.toFixed(1) + " ms", m.p95Millis.toFixed(1) + " ms",
        m.p99Millis.toFixed(1) + " ms"]))).catch(() => {});
    if (freshDoctor !== undefined) {
      get("doctor" + (freshDoctor ? "?fresh=true" : "")).then((d) => fillTable("doctor", d.checks.map((c) =>
        [c.title, { text: c.status, cls: c.status }, c.message, c.fix || "-"]))).catch(() => {});
    }
  }

  const noticesSeen = new Set();
  function addNotice(n) {
    const key = n.time + " " + n.text;
    if (noticesSeen.has(key)) return;
    noticesSeen.add(key);
    const list = $("notices");
    const li = document.createElement("li");
    li.className = n.level;
    const time = document.createElement("time");
    time.dateTime = n.time;
    time.textContent = clock(n.time);
    li.appendChild(time);
    li.appendChild(document.createTextNode(n.text));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 30) list.removeChild(list.lastChild);
  }

  // The live stream opens at the first key press or pointer use, or after 10 seconds: tools that render
  // the page and wait for the network to go quiet (headless browsers, snapshot tools) would wait for
  // ever on an open stream. Until it opens, the page polls every second.
  let live = null;
  function listen() {
    if (live) return;
    live = true;
    clearInterval(fastPoll);
    if (!window.EventSource) { $("live").textContent = "This browser shows no live events; the page refreshes every few seconds."; return; }
    const es = new EventSource(api + "events");
    live = es;
    es.onopen = () => { $("live").textContent = "Live: new notices appear here as they happen."; };
    es.onerror = () => { $("live").textContent = "Live events interrupted; reconnecting..."; };
    es.addEventListener("notice", (e) => { addNotice(JSON.parse(e.data)); refreshStatus(); });
    es.addEventListener("state", () => { refreshStatus(); });
    es.addEventListener("health", () => { refreshStatus(); refreshHealth(); });
  }

  async function act(action, button) {
    const out = $("action-result");
    out.className = "result";
    out.textContent = action.charAt(0).toUpperCase() + action.slice(1) + "ing AllTalk...";
    button.disabled = true;
    try {
      const r = await fetch(api + action, { method: "POST", headers: authHeaders(), credentials: "omit" });
      if (r.status === 401) {
        out.className = "result refused";
        out.textContent = (await r.text()).trim();
        $("token").focus();
        return;
      }
      const body = r.headers.get("Content-Type") || "";
      if (!r.ok) { out.className = "result failed"; out.textContent = (await r.text()).trim(); return; }
      const s = body.includes("json") ? await r.json() : {};
      out.textContent = s.message || s.explanation || "Done.";
    } catch (e) {
      out.className = "result failed";
      out.textContent = "TalkHost did not answer: " + e.message;
    } finally {
      button.disabled = false;
      refreshStatus();
    }
  }

  async function say(event) {
    event.preventDefault();
    const out = $("say-result");
    const button = $("speak");
    out.className = "result";
    out.textContent = "Speaking...";
    button.disabled = true;
    try {
      const r = await fetch(api + "say", { method: "POST", credentials: "omit",
        headers: authHeaders({ "Content-Type": "application/json" }),
        body: JSON.stringify({ text: $("say-text").value }) });
      if (!r.ok) {
        out.className = "result " + (r.status === 401 ? "refused" : "failed");
        out.textContent = (await r.text()).trim();
        if (r.status === 401) $("token").focus();
        return;
      }
      const player = $("player");
      if (player.src) URL.revokeObjectURL(player.src);
      player.src = URL.createObjectURL(await r.blob());
      out.textContent = "Here it is: press play to hear it again.";
      player.play().catch(() => {});
    } catch (e) {
      out.className = "result failed";
      out.textContent = "TalkHost did not answer: " + e.message;
    } finally {
      button.disabled = false;
    }
  }

  function init() {
    const field = $("token");
    field.value = token();
    field.addEventListener("change", () => sessionStorage.setItem(tokenKey, field.value.trim()));
    field.addEventListener("input", () => sessionStorage.setItem(tokenKey, field.value.trim()));
    $("forget").addEventListener("click", () => { sessionStorage.removeItem(tokenKey); field.value = ""; field.focus(); });
    document.querySelectorAll("button[data-action]").forEach((b) =>
      b.addEventListener("click", () => act(b.dataset.action, b)));
    $("say-form").addEventListener("submit", say);
    $("doctor-again").addEventListener("click", () => refreshTables(true));
    refreshStatus();
    refreshHealth();
    refreshTables(false);
    fastPoll = setInterval(refreshStatus, 1000);
    setTimeout(listen, 10000);
    ["keydown", "pointerdown", "focusin"].forEach((t) => document.addEventListener(t, listen, { once: true }));
    setInterval(tickUptime, 1000);
    setInterval(refreshStatus, 5000);
    setInterval(refreshHealth, 4000);
    setInterval(() => refreshTables(), 15000);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
