// The page's whole client: start a run, read its server-sent events, and drive it with the run endpoints.
// The run id lives in the URL (?run=...) and, with what was shown so far and the last event number, in
// sessionStorage: a reload shows the same text and tool calls and goes on from the next event (no repeat, no gap).
"use strict";

const storageKey = "agentweb.run";
const $ = (id) => document.getElementById(id);

let run = null;          // { id, lastEventId, text, tools: [{ callId, name, args, state, result }], status, turn, isPaused, afterTurn }
let source = null;       // the EventSource
let poller = null;       // the status poll while the run is live

function save() { sessionStorage.setItem(storageKey, JSON.stringify(run)); }

function load(id) {
  const stored = JSON.parse(sessionStorage.getItem(storageKey) || "null");
  return stored && stored.id === id ? stored
    : { id, lastEventId: 0, text: "", tools: [], status: "running", turn: 1, isPaused: false, afterTurn: false, tasks: [] };
}

function render() {
  const live = run && run.status === "running";
  $("answer").textContent = run ? run.text : "";
  const status = !run ? "idle" : run.status === "running" && run.isPaused ? "paused" : run.status;
  $("status").dataset.status = run ? run.status : "idle";
  $("status").textContent = !run ? "idle"
    : `${status}${live ? ` · turn ${run.turn}` : ""}${live && run.afterTurn ? " · stopping after this turn" : ""}`;
  $("stop").disabled = !live;
  $("stop-after-turn").disabled = !live || run.afterTurn;
  $("pause").disabled = !live;
  $("pause").textContent = run && run.isPaused ? "Resume" : "Pause";
  $("send").disabled = live;

  const tools = $("tools");
  tools.replaceChildren(...(run ? run.tools : []).map((tool) => {
    const li = document.createElement("li");
    li.dataset.callId = tool.callId;
    li.dataset.state = tool.state;
    li.textContent = `${tool.name}(${tool.args})`;
    if (tool.result !== undefined) {
      const result = document.createElement("span");
      result.className = "result";
      result.textContent = `→ ${tool.result}`;
      li.append(result);
    }
    return li;
  }));

  const tasks = $("tasks");
  tasks.replaceChildren(...(live ? run.tasks : []).map((task) => {
    const li = document.createElement("li");
    li.dataset.taskId = task.id;
    li.dataset.state = task.status === "running" ? "running" : "cancelled";
    li.textContent = `${task.name} #${task.id} `;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "cancel-task";
    cancel.textContent = "Cancel";
    cancel.disabled = task.status !== "running";
    cancel.addEventListener("click", () => control(`tasks/${task.id}/cancel`));
    li.append(cancel);
    return li;
  }));
}

function apply(update) {
  for (const content of update.contents || []) {
    switch (content.$type) {
      case "text":
        run.text += content.text || "";
        break;
      case "functionCall":
        run.tools.push({
          callId: content.callId,
          name: content.name,
          args: Object.entries(content.arguments || {}).map(([k, v]) => `${k}: ${v}`).join(", "),
          state: "running",
        });
        break;
      case "functionResult": {
        const tool = run.tools.find((t) => t.callId === content.callId);
        if (tool) {
          tool.result = typeof content.result === "string" ? content.result : JSON.stringify(content.result);
          tool.state = /was cancelled/.test(tool.result) ? "cancelled" : "done";
        }
        break;
      }
    }
  }
}

function showStatus(status) {
  run.status = status.status;
  run.turn = status.turn;
  run.isPaused = status.isPaused;
  run.tasks = status.trackedTasks;
  if (run.status !== "running") {
    run.afterTurn = false;
  }
}

function finish(status) {
  showStatus(status);
  for (const tool of run.tools) {
    if (tool.state === "running") tool.state = "cancelled";
  }
  if (source) { source.close(); source = null; }
  if (poller) { clearInterval(poller); poller = null; }
  save();
  render();
}

function connect() {
  // A new EventSource (first load, reload) says where to resume with ?lastEventId=; its own automatic
  // reconnects send the Last-Event-ID header, which the server prefers.
  source = new EventSource(`/runs/${encodeURIComponent(run.id)}/events?lastEventId=${run.lastEventId}`);
  source.addEventListener("ChatResponseUpdate", (e) => {
    apply(JSON.parse(e.data));
    run.lastEventId = Number(e.lastEventId);
    save();
    render();
  });
  source.addEventListener("gap", (e) => {
    const gap = JSON.parse(e.data);
    run.text += `\n[events ${gap.from}-${gap.to} are no longer available]\n`;
    run.lastEventId = gap.to;
    save();
  });
  source.addEventListener("end", (e) => finish(JSON.parse(e.data)));
  source.addEventListener("error", async () => {
    if (source && source.readyState === EventSource.CLOSED) {
      const response = await fetch(`/runs/${encodeURIComponent(run.id)}`);
      if (response.status === 404) {
        finish({ status: "lost", turn: run.turn, isPaused: false, trackedTasks: [] });
      }
    }
  });
  poller = setInterval(poll, 300);
  render();
}

async function poll() {
  if (!run || run.status !== "running") return;
  const response = await fetch(`/runs/${encodeURIComponent(run.id)}`);
  if (response.ok && run.status === "running") {
    const status = await response.json();
    if (status.status === "running") {
      showStatus(status);
      render();
    }
  }
}

async function control(action) {
  if (!run) return;
  const response = await fetch(`/runs/${encodeURIComponent(run.id)}/${action}`, { method: "POST" });
  if (response.ok) {
    const status = await response.json();
    if (status.status === "running") {
      showStatus(status);
    }
    render();
  }
}

async function start(prompt) {
  const response = await fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ prompt }),
  });
  if (!response.ok) {
    const problem = await response.json();
    alert(problem.detail || problem.title);
    return;
  }
  const { id } = await response.json();
  open(id);
}

function open(id) {
  if (source) { source.close(); source = null; }
  if (poller) { clearInterval(poller); poller = null; }
  run = load(id);
  history.replaceState(null, "", `?run=${encodeURIComponent(id)}`);
  save();
  if (run.status === "running") connect(); else render();
}

$("ask").addEventListener("submit", (e) => { e.preventDefault(); start($("prompt").value); });
$("stop").addEventListener("click", () => control("cancel?mode=immediate"));
$("stop-after-turn").addEventListener("click", async () => {
  run.afterTurn = true;
  save();
  await control("cancel?mode=afterTurn");
});
$("pause").addEventListener("click", () => control(run && run.isPaused ? "resume" : "pause"));
$("new").addEventListener("click", () => {
  if (source) { source.close(); source = null; }
  if (poller) { clearInterval(poller); poller = null; }
  run = null;
  sessionStorage.removeItem(storageKey);
  history.replaceState(null, "", location.pathname);
  render();
});

const fromUrl = new URLSearchParams(location.search).get("run");
const stored = JSON.parse(sessionStorage.getItem(storageKey) || "null");
if (fromUrl || stored) open(fromUrl || stored.id); else render();
