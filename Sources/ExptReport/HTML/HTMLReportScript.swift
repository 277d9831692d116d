/// The script of report.html, hand-written and dependency-free: it reads the charts' data (the
/// JSON in `#expt-data`) and draws each line chart as SVG into its `figure.chart`, with hover
/// for the values at the nearest x, legend entries that hide and show a series, a linear/log
/// toggle for the y axis, and an x range to zoom (dragged over the plot or typed in two
/// fields). Each figure's `data-drawn` attribute counts the series it drew. With `#selftest`
/// in the address it clicks through the controls once and records `data-selftest` (`pass`, or
/// `fail: …` also logged as a console error) on the root element, for the browser test.
enum HTMLReportScript {
    static let text = #"""
(function () {
"use strict";
var NS = "http://www.w3.org/2000/svg", W = 720, H = 400, L = 70, R = 16, T = 12, B = 44;
var data = JSON.parse(document.getElementById("expt-data").textContent);

function svg(name, attrs, parent) {
  var e = document.createElementNS(NS, name);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}
function html(name, attrs, parent, text) {
  var e = document.createElement(name);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  if (text != null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function fmt(v) {
  var a = Math.abs(v);
  return a === 0 || (a >= 1e-4 && a < 1e6) ? String(+v.toPrecision(4)) : v.toExponential(3);
}
function tickLabel(v, log) {
  if (log && (v < 1e-3 || v > 1e4)) {
    var e = Math.floor(Math.log10(v) + 1e-9);
    return Math.round(v / Math.pow(10, e)) + "e" + e;
  }
  return String(+v.toPrecision(6));
}
function niceStep(rough) {
  if (!(rough > 0) || !isFinite(rough)) return 1;
  var p = Math.pow(10, Math.floor(Math.log10(rough))), f = rough / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}
function logFloor(v) {
  var p = Math.pow(10, Math.floor(Math.log10(v)));
  return [5, 2, 1].map(function (m) { return m * p; }).filter(function (c) { return c <= v * (1 + 1e-12); })[0] || p;
}
function logCeiling(v) {
  var p = Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 5, 10].map(function (m) { return m * p; }).filter(function (c) { return c >= v * (1 - 1e-12); })[0] || 10 * p;
}
function Axis(values, log, pad) {
  var v = values.filter(function (x) { return isFinite(x) && (!log || x > 0); });
  var lo = v.length ? v.reduce(function (a, b) { return Math.min(a, b); }) : (log ? 1 : 0);
  var hi = v.length ? v.reduce(function (a, b) { return Math.max(a, b); }) : (log ? 10 : 1);
  if (pad) {
    if (log) { lo /= 2; hi *= 2; }
    else { var p = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.1, 1); lo -= p; hi += p; }
  }
  if (log) {
    lo = logFloor(lo); hi = logCeiling(hi);
    if (lo === hi) hi = logCeiling(hi * 1.5);
  } else {
    if (lo === hi) { var q = lo === 0 ? 1 : Math.abs(lo) * 0.1; lo -= q; hi += q; }
    var s = niceStep((hi - lo) / 5);
    lo = Math.floor(lo / s) * s; hi = Math.ceil(hi / s) * s;
  }
  this.log = log; this.lo = lo; this.hi = hi;
}
Axis.prototype.fraction = function (v) {
  return this.log ? (Math.log10(v) - Math.log10(this.lo)) / (Math.log10(this.hi) - Math.log10(this.lo))
                  : (v - this.lo) / (this.hi - this.lo);
};
Axis.prototype.value = function (f) {
  return this.log ? Math.pow(10, Math.log10(this.lo) + f * (Math.log10(this.hi) - Math.log10(this.lo)))
                  : this.lo + f * (this.hi - this.lo);
};
Axis.prototype.ticks = function () {
  var out = [], lo = this.lo, hi = this.hi, v;
  if (this.log) {
    var a = Math.floor(Math.log10(lo) + 1e-9), b = Math.ceil(Math.log10(hi) - 1e-9), n = b - a;
    var ms = n <= 2 ? [1, 2, 5] : [1], st = Math.max(1, Math.floor((n + 5) / 6));
    for (var e = a; e <= b; e += st) ms.forEach(function (m) {
      v = m * Math.pow(10, e);
      if (v > lo * (1 + 1e-9) && v < hi * (1 - 1e-9)) out.push(v);
    });
    return [lo].concat(out, [hi]);
  }
  var s = niceStep((hi - lo) / 5);
  for (v = Math.ceil(lo / s) * s; v <= hi + s * 1e-9; v += s) out.push(Math.abs(v) < s * 1e-9 ? 0 : v);
  return out;
};

function Chart(figure, spec) {
  this.figure = figure; this.spec = spec; this.hidden = {};
  this.ylog = spec.ylog; this.range = null;
  var self = this, bar = html("div", { "class": "controls" }, figure);
  this.legend = html("div", { "class": "legend" }, bar);
  spec.series.forEach(function (s, i) {
    var b = html("button", { type: "button", "aria-pressed": "true", "data-series": String(i) }, self.legend);
    var sw = svg("svg", { width: "26", height: "10", "aria-hidden": "true" }, b);
    svg("line", { x1: "1", y1: "5", x2: "25", y2: "5", stroke: s.colour, "stroke-width": "2.5", "stroke-dasharray": s.dash || "none" }, sw);
    b.appendChild(document.createTextNode(s.name));
    b.addEventListener("click", function () { self.toggle(i); });
  });
  var tools = html("div", { "class": "tools" }, bar);
  var logLabel = html("label", {}, tools);
  this.logBox = html("input", { type: "checkbox" }, logLabel);
  this.logBox.checked = this.ylog;
  logLabel.appendChild(document.createTextNode("log y"));
  this.logBox.addEventListener("change", function () { self.ylog = self.logBox.checked; self.draw(); });
  tools.appendChild(document.createTextNode(spec.x + " from"));
  this.from = html("input", { type: "number", step: "any", "aria-label": spec.x + " from" }, tools);
  tools.appendChild(document.createTextNode("to"));
  this.to = html("input", { type: "number", step: "any", "aria-label": spec.x + " to" }, tools);
  var reset = this.resetButton = html("button", { type: "button", "class": "reset" }, tools, "all");
  function typed() {
    var a = parseFloat(self.from.value), b = parseFloat(self.to.value);
    if (isFinite(a) && isFinite(b) && a < b && (!spec.xlog || a > 0)) self.zoom(a, b);
  }
  this.from.addEventListener("change", typed);
  this.to.addEventListener("change", typed);
  reset.addEventListener("click", function () { self.zoom(null, null); });
  this.root = svg("svg", { viewBox: "0 0 " + W + " " + H, "class": "plot", role: "img", "aria-label": spec.title }, figure);
  this.tip = html("div", { "class": "tip", hidden: "" }, figure);
  this.allX = [];
  spec.series.forEach(function (s) { s.x.forEach(function (x) { if (self.allX.indexOf(x) < 0) self.allX.push(x); }); });
  this.allX.sort(function (a, b) { return a - b; });
  this.draw();
}
Chart.prototype.toggle = function (i) {
  this.hidden[i] = !this.hidden[i];
  this.legend.children[i].setAttribute("aria-pressed", this.hidden[i] ? "false" : "true");
  this.draw();
};
Chart.prototype.zoom = function (a, b) {
  this.range = a == null ? null : [a, b];
  this.draw();
};
Chart.prototype.inRange = function (x) {
  return !this.range || (x >= this.range[0] && x <= this.range[1]);
};
Chart.prototype.draw = function () {
  var self = this, spec = this.spec, root = this.root;
  while (root.firstChild) root.removeChild(root.firstChild);
  var shown = spec.series.filter(function (s, i) { return !self.hidden[i]; });
  var xs = [], ys = [];
  shown.forEach(function (s) {
    s.x.forEach(function (x, j) {
      if (!self.inRange(x)) return;
      xs.push(x); ys.push(s.y[j]);
      if (s.low) ys.push(s.low[j], s.high[j]);
    });
  });
  var canLog = ys.some(function (y) { return y > 0; });
  this.logBox.disabled = !canLog;
  var xa = this.range ? { lo: this.range[0], hi: this.range[1] } : null;
  this.xAxis = new Axis(xa ? [xa.lo, xa.hi] : xs, spec.xlog, false);
  if (xa) { this.xAxis.lo = xa.lo; this.xAxis.hi = xa.hi; }
  this.yAxis = new Axis(ys, this.ylog && canLog, spec.pad);
  var X = this.xAxis, Y = this.yAxis, pw = W - L - R, ph = H - T - B;
  function px(v) { return L + X.fraction(v) * pw; }
  function py(v) { return T + (1 - Y.fraction(v)) * ph; }
  function ok(x, y) { return isFinite(y) && (!X.log || x > 0) && (!Y.log || y > 0) && self.inRange(x); }
  var clip = "clip-" + this.figure.id;
  svg("rect", { x: L, y: T, width: pw, height: ph }, svg("clipPath", { id: clip }, root));
  Y.ticks().forEach(function (t) {
    svg("line", { x1: L, x2: L + pw, y1: py(t), y2: py(t), "class": "grid" }, root);
    svg("text", { x: L - 6, y: py(t) + 4, "text-anchor": "end", "class": "tick" }, root).textContent = tickLabel(t, Y.log);
  });
  X.ticks().forEach(function (t) {
    svg("line", { x1: px(t), x2: px(t), y1: T, y2: T + ph, "class": "grid" }, root);
    svg("text", { x: px(t), y: T + ph + 16, "text-anchor": "middle", "class": "tick" }, root).textContent = tickLabel(t, X.log);
  });
  svg("rect", { x: L, y: T, width: pw, height: ph, "class": "frame" }, root);
  svg("text", { x: L + pw / 2, y: H - 6, "text-anchor": "middle", "class": "label" }, root).textContent = spec.x;
  svg("text", { x: 14, y: T + ph / 2, "text-anchor": "middle", transform: "rotate(-90 14 " + (T + ph / 2) + ")", "class": "label" }, root).textContent = spec.y;
  var layer = svg("g", { "clip-path": "url(#" + clip + ")" }, root), drawn = 0;
  spec.series.forEach(function (s, i) {
    if (self.hidden[i] || !s.low) return;
    var up = [], down = [];
    s.x.forEach(function (x, j) {
      if (ok(x, s.low[j]) && ok(x, s.high[j])) { up.push(px(x) + "," + py(s.high[j])); down.unshift(px(x) + "," + py(s.low[j])); }
    });
    if (up.length > 1) svg("polygon", { points: up.concat(down).join(" "), fill: s.colour, "class": "band" }, layer);
  });
  spec.series.forEach(function (s, i) {
    if (self.hidden[i]) return;
    var d = "", n = 0, last = null;
    s.x.forEach(function (x, j) {
      if (!ok(x, s.y[j])) { last = null; return; }
      d += (last ? " L" : " M") + px(x).toFixed(2) + "," + py(s.y[j]).toFixed(2);
      last = x; n++;
    });
    if (n === 1) svg("circle", { cx: d.split(",")[0].slice(2), cy: d.split(",")[1], r: 3, fill: s.colour, "class": "line", "data-series": String(i) }, layer);
    else if (n > 1) svg("path", { d: d.trim(), stroke: s.colour, "stroke-dasharray": s.dash || "none", "class": "line", "data-series": String(i) }, layer);
    if (n > 0) drawn++;
  });
  this.figure.setAttribute("data-drawn", String(drawn));
  this.from.value = +X.lo.toPrecision(6); this.to.value = +X.hi.toPrecision(6);
  this.cursor = svg("line", { y1: T, y2: T + ph, "class": "cursor", visibility: "hidden" }, root);
  this.select = svg("rect", { y: T, height: ph, "class": "select", visibility: "hidden" }, root);
  var hit = svg("rect", { x: L, y: T, width: pw, height: ph, "class": "hit" }, root);
  hit.addEventListener("mousemove", function (e) { self.hover(e); });
  hit.addEventListener("mouseleave", function () {
    self.cursor.setAttribute("visibility", "hidden"); self.select.setAttribute("visibility", "hidden");
    self.tip.hidden = true; self.dragFrom = null;
  });
  hit.addEventListener("mousedown", function (e) { self.dragFrom = self.svgX(e); e.preventDefault(); });
  hit.addEventListener("mouseup", function (e) {
    var a = self.dragFrom, b = self.svgX(e);
    self.dragFrom = null;
    if (a == null || Math.abs(b - a) < 5) return;
    var f = function (p) { return X.value((Math.min(Math.max(p, L), L + pw) - L) / pw); };
    self.zoom(f(Math.min(a, b)), f(Math.max(a, b)));
  });
};
Chart.prototype.svgX = function (e) {
  var r = this.root.getBoundingClientRect();
  return (e.clientX - r.left) * W / r.width;
};
Chart.prototype.hover = function (e) {
  var self = this, X = this.xAxis, p = this.svgX(e), pw = W - L - R;
  if (this.dragFrom != null) {
    this.select.setAttribute("x", Math.min(p, this.dragFrom));
    this.select.setAttribute("width", Math.abs(p - this.dragFrom));
    this.select.setAttribute("visibility", "visible");
  }
  var v = X.value((p - L) / pw), best = null;
  this.allX.forEach(function (x) {
    if (self.inRange(x) && (best == null || Math.abs(X.fraction(x) - X.fraction(v)) < Math.abs(X.fraction(best) - X.fraction(v)))) best = x;
  });
  if (best == null) return;
  var cx = L + X.fraction(best) * pw;
  this.cursor.setAttribute("x1", cx); this.cursor.setAttribute("x2", cx);
  this.cursor.setAttribute("visibility", "visible");
  var tip = this.tip;
  while (tip.firstChild) tip.removeChild(tip.firstChild);
  html("div", { "class": "head" }, tip, this.spec.x + " " + fmt(best));
  this.spec.series.forEach(function (s, i) {
    var j = s.x.indexOf(best);
    if (self.hidden[i] || j < 0) return;
    var row = html("div", {}, tip);
    html("span", { "class": "dot", style: "background:" + s.colour }, row);
    row.appendChild(document.createTextNode(s.name + ": " + fmt(s.y[j]) + (s.low ? " (" + fmt(s.low[j]) + " – " + fmt(s.high[j]) + ")" : "")));
  });
  tip.hidden = false;
  var r = this.root.getBoundingClientRect(), left = cx * r.width / W;
  tip.style.left = (left > r.width / 2 ? left - tip.offsetWidth - 12 : left + 12) + "px";
  tip.style.top = (r.top - this.figure.getBoundingClientRect().top + 20) + "px";
};

var charts = [];
Array.prototype.forEach.call(document.querySelectorAll("figure.chart[data-chart]"), function (figure) {
  charts.push(new Chart(figure, data.charts[+figure.getAttribute("data-chart")]));
});

function selftest() {
  var failures = [];
  function check(ok, what) { if (!ok) failures.push(what); }
  charts.forEach(function (c) {
    var id = c.figure.id, n = c.spec.series.length, drawn = function () { return +c.figure.getAttribute("data-drawn"); };
    check(drawn() === n, id + ": drew " + drawn() + " of " + n + " series");
    c.legend.children[0].click();
    check(drawn() === n - 1 && c.legend.children[0].getAttribute("aria-pressed") === "false", id + ": legend click did not hide a series");
    c.legend.children[0].click();
    check(drawn() === n, id + ": second legend click did not show the series again");
    var was = c.ylog;
    if (!c.logBox.disabled) {
      c.logBox.click();
      check(c.ylog === !was && c.yAxis.log === !was && drawn() === n, id + ": the log toggle did not switch the y axis");
      c.logBox.click();
    }
    var lo = c.allX[0], hi = c.allX[c.allX.length - 1], mid = c.spec.xlog ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    c.from.value = String(lo); c.to.value = String(mid);
    c.to.dispatchEvent(new Event("change"));
    check(c.range && c.range[1] === mid && c.xAxis.hi === mid, id + ": typing a range did not zoom");
    c.resetButton.click();
    check(c.range === null && drawn() === n, id + ": the zoom did not reset");
  });
  check(charts.length > 0, "no chart");
  var result = failures.length ? "fail: " + failures.join("; ") : "pass";
  document.documentElement.setAttribute("data-selftest", result);
  if (failures.length) console.error("selftest " + result);
}
if (location.hash === "#selftest") selftest();
})();
"""#
}
