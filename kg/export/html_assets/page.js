/* zhkg graph page. Every text that comes from the data (names, evidence) goes
 * into the DOM with textContent or as a DOM element, never as HTML. */
(function () {
  "use strict";

  var marks = { scriptStart: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var details = data.details;
  var classStyle = {};
  data.classes.forEach(function (c) { classStyle[c.type] = c; });
  var relationStyle = {};
  data.relations.forEach(function (r) { relationStyle[r.name] = r; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function swatch(shape, colour) {
    var s = el("span", "swatch " + shape);
    s.style.background = colour;
    return s;
  }
  var ABOUT = { Visit: "考察 visit", Meeting: "会见 meeting", Signing: "签约 signing", Position: "职务 position",
                Agreement: "协议 agreement", Assertion: "关系 relation", Event: "事件 event" };
  function clip(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + "…" : text; }
  function sourceText(ev) { return [ev.file, ev.date].filter(Boolean).join(" · "); }
  function typeLabel(type) { var c = classStyle[type]; return c ? c.label : type; }

  function tooltip(id) {
    var d = details[id];
    var box = el("div", "tip");
    var head = el("div", "tip-head");
    var c = classStyle[d.type] || {};
    head.appendChild(swatch(c.shape || "dot", c.color || "#999"));
    head.appendChild(el("span", null, typeLabel(d.type)));
    box.appendChild(head);
    box.appendChild(el("div", "tip-name", d.name));
    if (d.aliases.length) box.appendChild(el("div", "tip-row", "别名 aka: " + d.aliases.join("、")));
    d.titles.slice(0, 3).forEach(function (t) { box.appendChild(el("div", "tip-row", "职务 " + t)); });
    if (d.evidence.length) {
      var ev = d.evidence[0];
      box.appendChild(el("div", "tip-ev", "“" + clip(ev.s, 140) + "”"));
      var more = d.evidence.length > 1 ? "  (+" + (d.evidence.length - 1) + ")" : "";
      box.appendChild(el("div", "tip-src", sourceText(ev) + more));
    }
    box.appendChild(el("div", "tip-hint", "点击查看详情 · click for details"));
    return box;
  }
  function edgeTooltip(e) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-row", details[e.from].name + " → " + details[e.to].name));
    box.appendChild(el("div", "tip-hint", e.relation + (e.kgTitle ? " · " + e.kgTitle : "")));
    return box;
  }

  var container = document.getElementById("network");
  var status = document.getElementById("status");
  data.nodes.forEach(function (n) { n.title = tooltip(n.id); });
  data.edges.forEach(function (e) { e.title = edgeTooltip(e); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var baseColour = {};
  data.nodes.forEach(function (n) { baseColour[n.id] = n.color; });
  var baseEdgeColour = {};
  data.edges.forEach(function (e) { baseEdgeColour[e.id] = e.color; });

  var app = {
    nodes: nodes, edges: edges, details: details, data: data, marks: marks,
    stable: false, stableMs: null, selected: null,
  };
  window.kgApp = app;

  if (!data.nodes.length) {
    document.getElementById("empty").hidden = false;
    status.hidden = true;
  }

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  app.network = network;
  marks.networkBuilt = performance.now();
  window.kgNetwork = network;

  function markStable() {
    if (app.stable) return;
    network.setOptions({ physics: false });
    app.stable = true;
    app.stableMs = performance.now();
    document.body.setAttribute("data-stable", "true");
    status.textContent = "布局完成 · layout done";
    status.classList.add("done");
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局计算中 · laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", markStable);
  network.once("stabilized", markStable);
  if (!data.nodes.length) markStable();

  // ---- summary and cut --------------------------------------------------
  var meta = data.meta;
  document.getElementById("summary").textContent =
    meta.shownNodes + " 个实体 entities · " + meta.shownEdges + " 条关系 relations";
  if (meta.cut) {
    var cut = document.getElementById("cut");
    cut.textContent = meta.cut;
    cut.hidden = false;
  }

  // ---- filters (the legend) ---------------------------------------------
  var classOn = {}, relationOn = {};
  function visibleNode(id) { var n = nodes.get(id); return n && classOn[n.kgType] !== false; }
  function applyFilters() {
    var nodeUpdates = data.nodes.map(function (n) { return { id: n.id, hidden: classOn[n.kgType] === false }; });
    nodes.update(nodeUpdates);
    var edgeUpdates = data.edges.map(function (e) {
      return { id: e.id, hidden: relationOn[e.relation] === false || !visibleNode(e.from) || !visibleNode(e.to) };
    });
    edges.update(edgeUpdates);
  }
  function filterRow(parent, key, label, count, shape, colour, state) {
    var row = el("label", "filter");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-key", key);
    row.appendChild(box);
    row.appendChild(swatch(shape, colour));
    row.appendChild(el("span", "name", label));
    row.appendChild(el("span", "count", count));
    box.addEventListener("change", function () {
      state[key] = box.checked;
      row.classList.toggle("off", !box.checked);
      applyFilters();
    });
    parent.appendChild(row);
  }
  var classBox = document.getElementById("class-filters");
  classBox.setAttribute("data-kind", "class");
  data.classes.forEach(function (c) { filterRow(classBox, c.type, c.label, c.count, c.shape, c.color, classOn); });
  var relBox = document.getElementById("relation-filters");
  relBox.setAttribute("data-kind", "relation");
  data.relations.forEach(function (r) { filterRow(relBox, r.name, r.label, r.count, "line", r.color, relationOn); });

  // ---- neighbourhood highlight ------------------------------------------
  var FADED = { background: "#e9ecef", border: "#d5dae0" };
  var EDGE_FONT = { color: "#52606d", strokeWidth: 3 };
  var EDGE_FONT_FADED = { color: "rgba(0,0,0,0)", strokeWidth: 0 };
  function highlight(id) {
    if (id === null) {
      nodes.update(data.nodes.map(function (n) { return { id: n.id, color: baseColour[n.id], font: { color: "#1f2933" } }; }));
      edges.update(data.edges.map(function (e) { return { id: e.id, color: baseEdgeColour[e.id], font: EDGE_FONT }; }));
      return;
    }
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
    var nearEdges = {};
    network.getConnectedEdges(id).forEach(function (e) { nearEdges[e] = true; });
    nodes.update(data.nodes.map(function (n) {
      return near[n.id] ? { id: n.id, color: baseColour[n.id], font: { color: "#1f2933" } }
                        : { id: n.id, color: FADED, font: { color: "#c3c9d0" } };
    }));
    edges.update(data.edges.map(function (e) {
      return nearEdges[e.id] ? { id: e.id, color: baseEdgeColour[e.id], font: EDGE_FONT }
                             : { id: e.id, color: { color: "#eceff2" }, font: EDGE_FONT_FADED };
    }));
  }

  // ---- details panel ----------------------------------------------------
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  function showDetails(id) {
    while (body.firstChild) body.removeChild(body.firstChild);
    panel.hidden = id === null;
    if (id === null) return;
    var d = details[id];
    var c = classStyle[d.type] || {};
    var head = el("div", "d-head");
    head.appendChild(swatch(c.shape || "dot", c.color || "#999"));
    head.appendChild(el("span", null, typeLabel(d.type)));
    body.appendChild(head);
    body.appendChild(el("div", "d-name", d.name));
    function list(label, items) {
      if (!items.length) return;
      body.appendChild(el("div", "d-label", label));
      var ul = el("ul", "d-list");
      items.forEach(function (t) { ul.appendChild(el("li", null, t)); });
      body.appendChild(ul);
    }
    list("别名 Aliases", d.aliases);
    list("职务 Titles", d.titles);
    var nb = network.getConnectedNodes(id);
    if (nb.length) {
      body.appendChild(el("div", "d-label", "相连 Connected (" + nb.length + ")"));
      var wrap = el("div");
      nb.slice(0, 40).forEach(function (n) {
        var b = el("button", "nb", details[n].name);
        b.type = "button";
        b.addEventListener("click", function () { select(n, true); });
        wrap.appendChild(b);
      });
      body.appendChild(wrap);
    }
    body.appendChild(el("div", "d-label", "证据 Evidence (" + d.evidence.length + ")"));
    if (!d.evidence.length) body.appendChild(el("p", "placeholder", "没有证据句 · no evidence sentence in the graph"));
    d.evidence.forEach(function (ev) {
      var box = el("div", "ev");
      box.appendChild(marked(ev.s, [d.name].concat(d.aliases)));
      if (ev.orig) box.appendChild(el("div", "orig", "原文 " + ev.orig));
      var about = ev.about ? ev.about.split(", ").map(function (a) { return ABOUT[a] || a; }).join("、") : "";
      box.appendChild(el("div", "src", [about, sourceText(ev)].filter(Boolean).join(" · ")));
      body.appendChild(box);
    });
    body.appendChild(el("div", "iri", d.iri));
  }
  document.getElementById("details-close").addEventListener("click", function () { select(null, false); });

  // the sentence as text nodes, with the entity's names wrapped in <mark> (still text, never HTML)
  function marked(sentence, names) {
    var box = el("div", "s");
    var terms = names.filter(function (n) { return n && n.length > 1; }).sort(function (a, b) { return b.length - a.length; });
    var i = 0, text = String(sentence);
    while (i < text.length) {
      var best = -1, term = null;
      terms.forEach(function (t) {
        var at = text.indexOf(t, i);
        if (at >= 0 && (best < 0 || at < best)) { best = at; term = t; }
      });
      if (best < 0) { box.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) box.appendChild(document.createTextNode(text.slice(i, best)));
      box.appendChild(el("mark", null, term));
      i = best + term.length;
    }
    return box;
  }

  function select(id, focus) {
    app.selected = id;
    if (id === null) {
      network.unselectAll();
      highlight(null);
      showDetails(null);
      return;
    }
    network.selectNodes([id]);
    highlight(id);
    showDetails(id);
    if (focus) {
      var offsetX = panel.hidden ? 0 : -panel.offsetWidth / 2;
      network.focus(id, { scale: 1.3, locked: false, offset: { x: offsetX, y: 0 }, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
  }
  app.select = select;

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (!params.edges.length) select(null, false);
  });

  // ---- search -----------------------------------------------------------
  var names = document.getElementById("kg-names");
  var index = [];
  Object.keys(details).forEach(function (id) {
    var d = details[id];
    [d.name].concat(d.aliases).forEach(function (name) {
      index.push({ key: name.trim().toLowerCase(), id: id });
      var opt = el("option");
      opt.value = name;
      names.appendChild(opt);
    });
  });
  var msg = document.getElementById("search-msg");
  function search(text) {
    var q = String(text).trim().toLowerCase();
    msg.className = "msg";
    if (!q) { msg.textContent = ""; return null; }
    var hit = index.filter(function (x) { return x.key === q; })[0] ||
              index.filter(function (x) { return x.key.indexOf(q) >= 0; })[0];
    if (!hit) { msg.textContent = "未找到 · no entity named “" + text + "”"; return null; }
    var id = isNaN(Number(hit.id)) ? hit.id : Number(hit.id);
    var n = nodes.get(id);
    if (n && n.hidden) {
      classOn[n.kgType] = true;
      var box = classBox.querySelector('input[data-key="' + CSS.escape(n.kgType) + '"]');
      if (box) { box.checked = true; box.parentNode.classList.remove("off"); }
      applyFilters();
    }
    select(id, true);
    msg.className = "msg ok";
    msg.textContent = "→ " + details[id].name;
    return id;
  }
  app.search = search;
  var input = document.getElementById("search");
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(input.value); });
  input.addEventListener("input", function (e) {
    // a name picked from the suggestion list (not typed) is searched at once
    if (e.inputType === "insertReplacementText" || e.inputType === undefined) {
      var q = input.value.trim().toLowerCase();
      if (index.some(function (x) { return x.key === q; })) search(input.value);
    }
  });
  document.getElementById("search-go").addEventListener("click", function () { search(input.value); });
})();
