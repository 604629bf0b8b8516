/// The explorer page, `GET /`: plain HTML, CSS and a little JavaScript, nothing fetched from
/// elsewhere. Its state is its URL's query (the command line's flags), so that every view has
/// a URL that reproduces it; each change replaces the URL and fetches the images again, with
/// at most one request in flight per image (a newer one waits and replaces older waiting ones).
enum ExplorerPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TrajViz explorer</title>
<style>
  :root { --ink: #1d2430; --muted: #5b6677; --line: #d8dde5; --panel: #f6f7f9; --accent: #2f6fdf; --bad: #b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
  header { display: flex; align-items: baseline; gap: 16px; padding: 10px 18px; border-bottom: 1px solid var(--line); }
  header h1 { font-size: 17px; margin: 0; }
  header span { color: var(--muted); }
  header .actions { margin-left: auto; display: flex; gap: 8px; }
  main { display: grid; grid-template-columns: 330px 1fr; min-height: calc(100vh - 46px); }
  aside { padding: 14px 16px; border-right: 1px solid var(--line); background: var(--panel); overflow-y: auto; }
  section.views { padding: 14px 18px; }
  fieldset { border: 0; padding: 0; margin: 0 0 14px; }
  legend, .label { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: 4px; }
  label { display: block; margin: 6px 0 2px; }
  input[type=text], input[type=number], select { width: 100%; padding: 5px 7px; border: 1px solid var(--line); border-radius: 5px; font: inherit; background: #fff; }
  input[type=range] { width: 100%; }
  .row { display: flex; gap: 8px; align-items: center; }
  .row > * { flex: 1; }
  .opt { background: #fff; border: 1px solid var(--line); border-radius: 7px; padding: 8px 10px; margin-bottom: 8px; position: relative; }
  .opt .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; }
  .opt .remove { position: absolute; top: 6px; right: 8px; border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 15px; }
  .slider { display: grid; grid-template-columns: 74px 1fr 64px; gap: 6px; align-items: center; margin: 4px 0; }
  .slider output { font-variant-numeric: tabular-nums; text-align: right; font-size: 13px; }
  .checks { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 4px; }
  .checks label { display: inline-flex; gap: 4px; margin: 0; }
  details summary { cursor: pointer; color: var(--muted); font-size: 12px; margin-top: 4px; }
  button { font: inherit; padding: 5px 11px; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
  button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
  .hint { color: var(--muted); font-size: 12px; }
  #error { display: none; margin: 0 0 10px; padding: 8px 10px; border: 1px solid #f0c4c0; background: #fdf1f0; color: var(--bad); border-radius: 6px; font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
  #warning { display: none; margin: 0 0 10px; padding: 6px 10px; background: #fff8e1; border: 1px solid #f1dfa0; border-radius: 6px; font-size: 13px; }
  #command { display: none; margin: 0 0 10px; padding: 8px 10px; background: #1d2430; color: #e8edf5; border-radius: 6px; white-space: pre-wrap; font: 13px/1.5 "DejaVu Sans Mono", monospace; }
  .figure { margin: 0 0 16px; }
  .figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
  #map { cursor: crosshair; }
  .diag { display: none; }
  #diag-spec { text-transform: none; letter-spacing: 0; font-family: "DejaVu Sans Mono", monospace; }
  #verdict { font-weight: 600; margin: 4px 0 8px; }
  #verdict.aliasing { color: var(--bad); }
  .busy { opacity: .75; transition: opacity .15s; }
</style>
</head>
<body>
<header>
  <h1>TrajViz explorer</h1>
  <span>optimizers exact to PyTorch, drawn live</span>
  <div class="actions">
    <button id="show-command" type="button">Show command</button>
    <button id="copy-link" type="button">Copy link</button>
  </div>
</header>
<main>
<aside>
  <fieldset>
    <legend>Function</legend>
    <select id="function-name"></select>
    <input id="function-expression" type="text" placeholder="an expression in x and y, e.g. (1-x)^2 + 100*(y-x^2)^2" style="display:none; margin-top:6px">
  </fieldset>
  <fieldset>
    <legend>Optimizers</legend>
    <div id="optimizers"></div>
    <div class="row"><select id="add-name"></select><button id="add" type="button" style="flex:0 0 auto">Add</button></div>
  </fieldset>
  <fieldset>
    <legend>Run</legend>
    <div class="slider"><span>steps</span><input id="steps" type="range" min="10" max="2000" step="10" value="300"><output id="steps-out">300</output></div>
    <label for="start">start point <span class="hint">(click on the map)</span></label>
    <div class="row"><input id="start" type="text" placeholder="the function's own"><button id="start-reset" type="button" style="flex:0 0 auto">Reset</button></div>
    <label for="zero-grad">zero-grad</label>
    <select id="zero-grad"><option value="inplace">inplace: zero_grad(set_to_none=False)</option><option value="none">none: a fresh buffer every step</option></select>
    <label for="clip">clip-grad-norm</label>
    <input id="clip" type="text" placeholder="none">
    <label for="scheduler">scheduler <span class="hint">(e.g. cosineannealinglr(T_max=300))</span></label>
    <input id="scheduler" type="text" placeholder="none">
    <label for="gradient-noise">gradient noise σ</label>
    <div class="row"><input id="gradient-noise" type="text" placeholder="none"><select id="noise-scale" style="flex:0 0 auto; width:auto"><option value="absolute">absolute</option><option value="relative">relative</option></select></div>
    <label for="seed">seed and runs <span class="hint">(with noise: a fan of runs)</span></label>
    <div class="row"><input id="seed" type="text" placeholder="0"><input id="runs" type="text" placeholder="1"></div>
    <label for="color-by">colour the map's paths by</label>
    <select id="color-by"><option value="">their optimizer</option><option value="step">step</option><option value="lr">lr</option></select>
  </fieldset>
  <p class="hint">Every view is a URL: the query holds the <code>trajviz</code> flags. Images come from
  <code>/map.png</code>, <code>/curves.png</code>, <code>/overlap.png</code>, <code>/friction.png</code>;
  the runs from <code>/trajectory.json</code>.</p>
</aside>
<section class="views">
  <div id="error"></div>
  <div id="warning"></div>
  <pre id="command"></pre>
  <div class="figure"><img id="map" alt="contour map with the optimizers' paths" width="800" height="680"></div>
  <div class="figure"><img id="curves" alt="loss and distance to the minimum against the step" width="1400" height="560"></div>
  <div class="diag">
    <div class="label">DiffGrad diagnosis: <span id="diag-spec"></span></div>
    <div id="verdict"></div>
    <div class="figure"><img id="overlap" alt="g(t) against the g(t-1) the optimizer read" width="1400" height="560"></div>
    <div class="figure"><img id="friction" alt="|Δg| and ξ against the step" width="1400" height="560"></div>
  </div>
</section>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const sliderKeys = { beta1: [0, 0.999], beta2: [0.9, 0.9999], momentum: [0, 0.99] };
let catalog = null, frame = null;

function parseSpec(text) {
  const m = text.match(/^\s*([^()\s]+)\s*(?:\((.*)\))?\s*$/);
  const options = {};
  if (m && m[2]) for (const part of m[2].split(",")) { const [k, v] = part.split("=").map(s => s && s.trim()); if (k) options[k] = v; }
  return { name: m ? m[1] : text, options };
}
function definition(name) { return catalog.optimizers.find(o => o.name === name); }
function format(v) { return Number(v.toPrecision(3)).toString(); }

function addOptimizer(spec) {
  const { name, options } = parseSpec(spec);
  const def = definition(name);
  if (!def) return;
  const box = document.createElement("div");
  box.className = "opt";
  box.dataset.name = name;
  const index = $("optimizers").children.length;
  box.innerHTML = `<div><span class="swatch" style="background:${catalog.palette[index % catalog.palette.length]}"></span><b>${name}</b></div><button class="remove" type="button" title="remove">×</button>`;
  const lrDefault = Number((def.options.find(o => o.key === "lr") || { defaultValue: "0.001" }).defaultValue);
  const lr = options.lr !== undefined ? Number(options.lr) : lrDefault;
  box.appendChild(slider("lr", Math.log10(lr), -5, 1, 0.01, v => format(10 ** v), "lr", options.lr ?? format(lrDefault)));
  for (const opt of def.options) {
    if (sliderKeys[opt.key] && (opt.kind === "real")) {
      const [lo, hi] = sliderKeys[opt.key];
      const v = options[opt.key] !== undefined ? Number(options[opt.key]) : Number(opt.defaultValue);
      box.appendChild(slider(opt.key, v, lo, hi, (hi - lo) / 200, x => format(x), opt.key, options[opt.key]));
    }
  }
  const checks = document.createElement("div"); checks.className = "checks";
  for (const opt of def.options.filter(o => o.kind === "boolean")) {
    const checked = (options[opt.key] ?? opt.defaultValue) === "true";
    checks.insertAdjacentHTML("beforeend", `<label title="${opt.summary}"><input type="checkbox" data-key="${opt.key}" data-default="${opt.defaultValue}" ${checked ? "checked" : ""}>${opt.key}</label>`);
  }
  box.appendChild(checks);
  const others = def.options.filter(o => o.kind !== "boolean" && o.key !== "lr" && !(sliderKeys[o.key] && o.kind === "real"));
  if (others.length) {
    const details = document.createElement("details");
    details.innerHTML = `<summary>more options</summary>` + others.map(o =>
      `<label title="${o.summary} (${o.range})">${o.key} <span class="hint">default ${o.defaultValue}</span><input type="text" data-key="${o.key}" placeholder="${o.defaultValue}" value="${options[o.key] ?? ""}"></label>`).join("");
    if (others.some(o => options[o.key] !== undefined)) details.open = true;
    box.appendChild(details);
  }
  box.querySelector(".remove").onclick = () => { box.remove(); recolor(); changed(); };
  box.addEventListener("input", changed);
  $("optimizers").appendChild(box);
}

// A slider keeps the value it was given (from the URL) exactly until it is moved.
function slider(label, value, min, max, step, show, key, given) {
  const row = document.createElement("div");
  row.className = "slider";
  row.innerHTML = `<span>${label}</span><input type="range" min="${min}" max="${max}" step="${step}" value="${value}" data-key="${key}" aria-label="${label}"><output>${given ?? show(value)}</output>`;
  const input = row.querySelector("input");
  if (given !== undefined) input.dataset.given = given;
  input.addEventListener("input", () => { delete input.dataset.given; input.dataset.moved = "1"; row.querySelector("output").textContent = show(Number(input.value)); });
  return row;
}

function recolor() { [...$("optimizers").children].forEach((box, i) => box.querySelector(".swatch").style.background = catalog.palette[i % catalog.palette.length]); }

function specOf(box) {
  const parts = [];
  for (const input of box.querySelectorAll("input[data-key]")) {
    const key = input.dataset.key;
    if (input.type === "range") {
      const moved = key === "lr" ? format(10 ** Number(input.value)) : format(Number(input.value));
      const value = input.dataset.given ?? (input.dataset.moved ? moved : undefined);
      if (value !== undefined) parts.push(`${key}=${value}`);
    } else if (input.type === "checkbox") {
      if (String(input.checked) !== input.dataset.default) parts.push(`${key}=${input.checked}`);
    } else if (input.value.trim() !== "") parts.push(`${key}=${input.value.trim()}`);
  }
  return `${box.dataset.name}(${parts.join(", ")})`;
}

function functionValue() { return $("function-name").value === "" ? $("function-expression").value.trim() : $("function-name").value; }

function query() {
  const q = new URLSearchParams();
  q.set("function", functionValue());
  for (const box of $("optimizers").children) q.append("optimizer", specOf(box));
  q.set("steps", $("steps").value);
  if ($("start").value.trim()) q.set("start", $("start").value.trim());
  if ($("zero-grad").value !== "inplace") q.set("zero-grad", $("zero-grad").value);
  if ($("clip").value.trim()) q.set("clip-grad-norm", $("clip").value.trim());
  for (const id of ["scheduler", "gradient-noise", "seed", "runs"]) if ($(id).value.trim()) q.set(id, $(id).value.trim());
  if ($("gradient-noise").value.trim() && $("noise-scale").value !== "absolute") q.set("noise-scale", $("noise-scale").value);
  if ($("color-by").value) q.set("color-by", $("color-by").value);
  return q;
}

// The flags only the map takes, and those the diagnosis (four exact runs, no schedule) does not.
const mapOnly = new Set(["color-by"]);
const notDiagnosed = new Set(["scheduler", "gradient-noise", "noise-scale", "seed", "runs", "color-by"]);

function subset(q, keep) { const out = new URLSearchParams(); for (const [k, v] of q) if (!keep || keep(k, v)) out.append(k, v); return out; }

// Each view has at most one request in flight: a newer URL waits for it, replacing any older
// waiting one, so a dragged slider keeps at most one render per view on the server and the
// view always ends on the latest state.
const views = {};
function want(id, url, show) {
  const view = views[id] || (views[id] = { busy: false, wanted: null, shown: null, error: null, warning: null });
  view.wanted = url;
  view.show = show;
  pump(id);
}
function drop(id) {
  if (views[id]) Object.assign(views[id], { wanted: null, error: null, warning: null });
  report();
}
async function pump(id) {
  const view = views[id];
  if (view.busy || view.wanted === null || view.wanted === view.shown) return report();
  const url = view.wanted;
  view.busy = true;
  report();
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error((await response.text()).trim());
    await view.show(response, url);
    view.error = null;
    view.warning = response.headers.get("X-TrajViz-Warning");
  } catch (error) {
    view.error = error.message;
    view.warning = null;
  }
  view.shown = url;
  view.busy = false;
  pump(id);
}
function report() {
  const active = Object.entries(views).filter(([, v]) => v.wanted !== null);
  for (const [id, v] of active) if ($(id).tagName === "IMG") $(id).classList.toggle("busy", v.busy || v.wanted !== v.shown);
  const error = active.map(([, v]) => v.error).find(Boolean);
  showError(error || null);
  const warnings = [...new Set(active.flatMap(([, v]) => (v.warning ? v.warning.split(" | ") : [])))];
  $("warning").style.display = warnings.length ? "block" : "none";
  $("warning").textContent = warnings.join("\n");
}
function image(id, onHeaders) {
  return async (response, url) => {
    if (onHeaders) onHeaders(response.headers);
    const blob = await response.blob();
    const img = $(id);
    if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(blob);
    img.dataset.url = url;
  };
}
function verdict(spec) {
  return async (response) => {
    const report = await response.json();
    const clone = /clone\s*=\s*true/.test(spec) || !/clone\s*=\s*false/.test(spec);
    const mode = $("zero-grad").value;
    const run = report.variants.find(r => r.clone === clone && r.zeroGrad === mode);
    $("verdict").className = run && run.finding === "aliasing" ? "aliasing" : "";
    $("verdict").textContent = run ? `clone=${clone}, zero-grad ${mode}: ${run.summary}` : report.finding;
  };
}

function refresh() {
  const q = query();
  history.replaceState(null, "", "?" + q.toString());
  renderCommand();
  if (!q.get("function") || !q.getAll("optimizer").length) { showError("choose a function and at least one optimizer"); return; }
  const mapQuery = subset(q); mapQuery.set("size", "800x680");
  want("map", "/map.png?" + mapQuery, image("map", h => { frame = (h.get("X-TrajViz-Frame") || "").split(",").map(Number); }));
  want("curves", "/curves.png?" + subset(q, k => !mapOnly.has(k)), image("curves"));
  const friction = q.getAll("optimizer").find(spec => (definition(parseSpec(spec).name) || {}).friction);
  document.querySelector(".diag").style.display = friction ? "block" : "none";
  if (friction) {
    const d = subset(q, k => k !== "optimizer" && !notDiagnosed.has(k)); d.append("optimizer", friction);
    $("diag-spec").textContent = friction;
    want("overlap", "/overlap.png?" + d, image("overlap"));
    want("friction", "/friction.png?" + d, image("friction"));
    want("verdict", "/verdict.json?" + d, verdict(friction));
  } else {
    for (const id of ["overlap", "friction", "verdict"]) drop(id);
  }
}

function showError(message) { $("error").style.display = message ? "block" : "none"; $("error").textContent = message || ""; }

function quote(text) { return /^[A-Za-z0-9_.,=:\/@-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'"; }
function renderCommand() {
  const q = query();
  const flag = ([k, v]) => (k === "start" ? `--start=${quote(v)}` : `--${k} ${quote(v)}`);
  const lines = [`trajviz render ${[...q].map(flag).join(" ")} --size 800x680`, `trajviz curves ${[...q].filter(([k]) => !mapOnly.has(k)).map(flag).join(" ")}`];
  const friction = q.getAll("optimizer").find(spec => (definition(parseSpec(spec).name) || {}).friction);
  if (friction) {
    const d = [...q].filter(([k]) => k !== "optimizer" && !notDiagnosed.has(k)).map(flag).join(" ");
    lines.push(`trajviz diagnose ${d} --optimizer ${quote(friction)}`);
  }
  $("command").textContent = lines.join("\n");
}

let pending = false;
function changed() {
  $("steps-out").textContent = $("steps").value;
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; refresh(); });
}

function setFunction(name) {
  const known = catalog.functions.some(f => f.name === name);
  $("function-name").value = known ? name : "";
  $("function-expression").style.display = known ? "none" : "block";
  if (!known) $("function-expression").value = name;
}

async function start() {
  catalog = await (await fetch("/catalog.json")).json();
  $("function-name").innerHTML = catalog.functions.map(f => `<option value="${f.name}">${f.title}</option>`).join("") + `<option value="">expression…</option>`;
  $("add-name").innerHTML = catalog.optimizers.map(o => `<option>${o.name}</option>`).join("");
  const q = new URLSearchParams(location.search);
  setFunction(q.get("function") || "rosenbrock");
  const specs = q.getAll("optimizer");
  for (const spec of (specs.length ? specs : ["adam(lr=0.05)", "sgd(lr=0.001, momentum=0.9)", "diffgrad(lr=0.05, clone=false)", "rmsprop(lr=0.01)"])) addOptimizer(spec);
  if (q.get("steps")) $("steps").value = q.get("steps");
  $("steps-out").textContent = $("steps").value;
  $("start").value = q.get("start") || "";
  $("zero-grad").value = q.get("zero-grad") || "inplace";
  $("clip").value = q.get("clip-grad-norm") || "";
  for (const id of ["scheduler", "gradient-noise", "seed", "runs", "color-by"]) $(id).value = q.get(id) || "";
  $("noise-scale").value = q.get("noise-scale") || "absolute";
  $("function-name").onchange = () => { $("function-expression").style.display = $("function-name").value === "" ? "block" : "none"; $("start").value = ""; changed(); };
  for (const id of ["function-expression", "steps", "start", "zero-grad", "clip", "scheduler", "gradient-noise", "noise-scale", "seed", "runs", "color-by"]) $(id).addEventListener("input", changed);
  $("start-reset").onclick = () => { $("start").value = ""; changed(); };
  $("add").onclick = () => { addOptimizer($("add-name").value); changed(); };
  $("show-command").onclick = () => { const c = $("command"); c.style.display = c.style.display === "block" ? "none" : "block"; renderCommand(); };
  $("copy-link").onclick = () => { navigator.clipboard && navigator.clipboard.writeText(location.href); };
  $("map").addEventListener("click", (event) => {
    if (!frame || frame.length !== 8) return;
    const img = $("map"), box = img.getBoundingClientRect();
    const px = (event.clientX - box.left) * img.naturalWidth / box.width, py = (event.clientY - box.top) * img.naturalHeight / box.height;
    const [px0, py0, px1, py1, x0, y0, x1, y1] = frame;
    const x = x0 + (px - px0) * (x1 - x0) / (px1 - px0), y = y0 + (py - py0) * (y1 - y0) / (py1 - py0);
    if (x < Math.min(x0, x1) || x > Math.max(x0, x1) || y < Math.min(y0, y1) || y > Math.max(y0, y1)) return;
    $("start").value = `${format(x)},${format(y)}`;
    changed();
  });
  refresh();
}
start();
</script>
</body>
</html>
"""#
}
