/* zhkg graph page. Every text that comes from the data (names, evidence) goes
 * into the DOM with textContent or as a DOM element, never as HTML.
 *
 * The first view comes drawn in the data (nodes, edges). Every entity of the
 * graph is in data.entities and every relation in data.links, so search finds
 * each of them and opening one draws it with its neighbours; group nodes stand
 * for the entities not drawn and open on click. The network never holds more
 * than data.meta.cap nodes: opening more closes the oldest openings first.
 * entityNode, linkEdge, groupNode, groupEdge and groupLinks build what
 * kg/export/html.py builds for the first view, the same way. */
(function () {
  "use strict";

  var marks = { scriptStart: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var ent = data.entities, N = ent.iri.length;
  var types = data.types, texts = data.texts, groups = data.groups, meta = data.meta;
  var CAP = meta.cap, GROUP_LINKS = meta.groupLinks;
  var relNames = data.links.relations, flat = data.links.edges, linkTitles = data.links.titles;
  var L = flat.length / 3;
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
  function isGroup(id) { return typeof id === "string" && id.charAt(0) === "c"; }
  function groupIndex(id) { return Number(String(id).slice(1)); }

  // ---- the whole graph: adjacency, parallel edges ------------------------
  var adj = [];
  for (var i = 0; i < N; i++) adj.push([]);
  var pairTotal = {}, rankOf = new Array(L), pairOf = new Array(L);
  for (var k = 0; k < L; k++) {
    var u = flat[3 * k], v = flat[3 * k + 1];
    adj[u].push(k);
    adj[v].push(k);
    var pair = u < v ? u + "," + v : v + "," + u;
    pairOf[k] = pair;
    rankOf[k] = pairTotal[pair] || 0;
    pairTotal[pair] = rankOf[k] + 1;
  }
  function neighbours(id) {
    var seen = {}, out = [];
    adj[id].forEach(function (k) {
      var o = flat[3 * k] === id ? flat[3 * k + 1] : flat[3 * k];
      if (!seen[o]) { seen[o] = true; out.push(o); }
    });
    return out.sort(byDegree);
  }
  function byDegree(a, b) { return ent.degree[b] - ent.degree[a] || a - b; }

  // details of an entity, built when first needed
  var details = {};
  function detail(id) {
    if (details[id]) return details[id];
    var t = types[ent.type[id]], ev = ent.evidence[id] || [], list = [];
    for (var j = 0; j < ev.length; j += 4) {
      var src = texts.sources[ev[j + 1]];
      list.push({ s: texts.sentences[ev[j]], file: src[0], date: src[1], about: texts.abouts[ev[j + 2]],
                  orig: ev[j + 3] >= 0 ? texts.sentences[ev[j + 3]] : "" });
    }
    details[id] = { name: ent.name[id], type: t[0], kind: t[1], iri: ent.iri[id], aliases: ent.aliases[id],
                    titles: ent.titles[id] || [], degree: ent.degree[id], evidence: list };
    return details[id];
  }
  function nameOf(id) { return isGroup(id) ? groups[groupIndex(id)].label : ent.name[id]; }

  // ---- what the network draws (as kg/export/html.py does) ----------------
  function round1(x) { return Math.round(x * 10) / 10; }
  function entityNode(id) {
    var t = types[ent.type[id]], c = classStyle[t[0]];
    return {
      id: id, label: ent.name[id], shape: c.shape,
      color: { background: c.color, border: "#33333355", highlight: { background: c.color, border: "#1f2933" },
               hover: { background: c.color, border: "#1f2933" } },
      size: round1((c.shape === "dot" ? 10 : 9) + 5 * Math.sqrt(ent.degree[id])), kgType: t[0], kgKind: t[1],
    };
  }
  function linkEdge(k) {
    var rel = relNames[flat[3 * k + 2]], title = linkTitles[k] || "";
    var colour = relationStyle[rel] ? relationStyle[rel].color : "#999999";
    var e = {
      id: "e" + k, from: flat[3 * k], to: flat[3 * k + 1], label: rel === "holdsPosition" && title ? title : rel,
      relation: rel, kgTitle: title, color: { color: colour, highlight: colour, hover: colour, opacity: 0.85 },
      arrows: { to: { enabled: rel !== "metWith", scaleFactor: 0.45 } },
    };
    if (pairTotal[pairOf[k]] > 1) {
      e.smooth = { enabled: true, type: "curvedCW", roundness: Math.round((0.12 + 0.2 * rankOf[k]) * 100) / 100 };
    }
    return e;
  }
  function groupNode(gi, remaining) {
    var c = classStyle.Cluster ? classStyle.Cluster.color : "#c3ccd6";
    return {
      id: "c" + gi, label: groups[gi].label + " (" + remaining + ")", shape: "hexagon",
      color: { background: c, border: "#52606d", highlight: { background: c, border: "#1f2933" },
               hover: { background: c, border: "#1f2933" } },
      size: round1(14 + 3 * Math.sqrt(remaining)), borderWidth: 2, kgType: "Cluster", kgKind: "Cluster", kgGroup: gi,
    };
  }
  function visId(rep) { return rep.charAt(0) === "c" ? rep : Number(rep); }
  function groupEdge(key, n) {
    var ab = key.split("~");
    return {
      id: "g" + key, from: visId(ab[0]), to: visId(ab[1]), label: String(n), relation: "group", kgCount: n,
      color: { color: "#9aa5b1", highlight: "#52606d", hover: "#52606d", opacity: 0.7 },
      width: Math.min(7, 32 - Math.clz32(n)), dashes: true, arrows: { to: { enabled: false } }, smooth: false,
    };
  }

  var drawn = new Uint8Array(N);  // 1: the entity is a node of the network
  data.nodes.forEach(function (n) { if (!isGroup(n.id)) drawn[n.id] = 1; });

  function rep(x) { return drawn[x] ? String(x) : ent.group[x] >= 0 ? "c" + ent.group[x] : null; }
  // the group edges: "a~b" -> number of relations (html.py group_links)
  function groupLinks() {
    var counts = {}, keys = [];
    for (var k = 0; k < L; k++) {
      var u = flat[3 * k], v = flat[3 * k + 1];
      if (drawn[u] && drawn[v]) continue;
      var ru = rep(u), rv = rep(v);
      if (ru === null || rv === null || ru === rv) continue;
      var key = ru < rv ? ru + "~" + rv : rv + "~" + ru;
      if (counts[key] === undefined) { counts[key] = 0; keys.push(key); }
      counts[key]++;
    }
    var ranked = {};
    keys.forEach(function (key) {
      var ab = key.split("~");
      [[ab[0], ab[1]], [ab[1], ab[0]]].forEach(function (p) {
        if (p[0].charAt(0) === "c") (ranked[p[0]] = ranked[p[0]] || []).push({ n: counts[key], other: p[1], key: key });
      });
    });
    var kept = {};
    Object.keys(ranked).forEach(function (g) {
      ranked[g].sort(function (x, y) { return y.n - x.n || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0); });
      ranked[g].slice(0, GROUP_LINKS).forEach(function (x) { kept[x.key] = counts[x.key]; });
    });
    return kept;
  }
  function remainingOf(gi) {
    var n = 0;
    groups[gi].members.forEach(function (m) { if (!drawn[m]) n++; });
    return n;
  }

  // ---- tooltips ----------------------------------------------------------
  function tooltip(id) {
    var d = detail(id);
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
  function groupTooltip(gi) {
    var g = groups[gi], box = el("div", "tip"), byType = {}, n = 0;
    g.members.forEach(function (m) {
      if (drawn[m]) return;
      n++;
      var t = types[ent.type[m]][0];
      byType[t] = (byType[t] || 0) + 1;
    });
    var head = el("div", "tip-head");
    head.appendChild(swatch("hexagon", classStyle.Cluster ? classStyle.Cluster.color : "#c3ccd6"));
    head.appendChild(el("span", null, typeLabel("Cluster")));
    box.appendChild(head);
    box.appendChild(el("div", "tip-name", g.label));
    box.appendChild(el("div", "tip-row", n + " 个未显示的实体 entities not drawn"));
    Object.keys(byType).sort(function (a, b) { return byType[b] - byType[a] || (a < b ? -1 : 1); }).slice(0, 5)
      .forEach(function (t) { box.appendChild(el("div", "tip-row", typeLabel(t) + " " + byType[t])); });
    var top = g.members.filter(function (m) { return !drawn[m]; }).slice(0, 3).map(function (m) { return ent.name[m]; });
    if (top.length) box.appendChild(el("div", "tip-row", "如 e.g. " + top.join("、")));
    box.appendChild(el("div", "tip-hint", "点击展开 · click to open"));
    return box;
  }
  function edgeTooltip(e) {
    var box = el("div", "tip");
    if (e.relation === "group") {
      box.appendChild(el("div", "tip-row", nameOf(e.from) + " — " + nameOf(e.to)));
      box.appendChild(el("div", "tip-hint", e.kgCount + " 条关系 relations"));
      return box;
    }
    box.appendChild(el("div", "tip-row", ent.name[e.from] + " → " + ent.name[e.to]));
    box.appendChild(el("div", "tip-hint", e.relation + (e.kgTitle ? " · " + e.kgTitle : "")));
    return box;
  }
  function nodeTitle(n) { return isGroup(n.id) ? groupTooltip(n.kgGroup) : tooltip(n.id); }

  var container = document.getElementById("network");
  var status = document.getElementById("status");
  data.nodes.forEach(function (n) { n.title = nodeTitle(n); });
  data.edges.forEach(function (e) { e.title = edgeTooltip(e); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var baseColour = {};
  data.nodes.forEach(function (n) { baseColour[n.id] = n.color; });
  var baseEdgeColour = {};
  data.edges.forEach(function (e) { baseEdgeColour[e.id] = e.color; });
  var groupShown = {};  // group index -> the remaining count its node shows
  data.nodes.forEach(function (n) { if (isGroup(n.id)) groupShown[n.kgGroup] = remainingOf(n.kgGroup); });
  var groupEdgeShown = {};  // "a~b" -> count
  data.edges.forEach(function (e) { if (e.relation === "group") groupEdgeShown[e.id.slice(1)] = e.kgCount; });

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

  // Stable only once the laid-out positions have been drawn: vis-network finds
  // the node under a click from the shapes of the last drawing, so a click
  // between the end of the layout and the next frame would hit stale shapes.
  var settling = false;
  function markStable() {
    if (app.stable || settling) return;
    settling = true;
    network.setOptions({ physics: false });
    network.once("afterDrawing", setStable);
    network.redraw();
    setTimeout(setStable, 2000);  // a hidden container never draws
  }
  function setStable() {
    if (app.stable) return;
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
  var summary = document.getElementById("summary");
  function updateSummary() {
    var shownEntities = 0, shownGroups = 0, shownRel = 0;
    nodes.getIds().forEach(function (id) { if (isGroup(id)) shownGroups++; else shownEntities++; });
    edges.getIds().forEach(function (id) { if (id.charAt(0) === "e") shownRel++; });
    var text = shownEntities + " 个实体 entities · " + shownRel + " 条关系 relations";
    if (shownEntities < N || shownRel < L) text += " · 共 " + N + " 个实体、" + L + " 条关系 of " + N + " entities, " + L + " relations";
    if (shownGroups) text += " · " + shownGroups + " 个群组 groups";
    summary.textContent = text;
  }
  updateSummary();
  if (meta.cut) {
    var cut = document.getElementById("cut");
    cut.textContent = meta.cut;
    cut.hidden = false;
  }
  var viewMsg = document.getElementById("view-msg");
  var resetBox = document.getElementById("view-reset");
  function say(text, ok) {
    viewMsg.className = ok ? "msg ok" : "msg";
    viewMsg.textContent = text;
  }

  // ---- filters (the legend) ---------------------------------------------
  var classOn = {}, relationOn = {}, countEl = {};
  function nodeHidden(n) { return classOn[n.kgType] === false; }
  var typeOf = {};  // node in the network -> its class (kgType)
  data.nodes.forEach(function (n) { typeOf[n.id] = n.kgType; });
  function edgeHidden(e) {
    var a = typeOf[e.from], b = typeOf[e.to];
    return relationOn[e.relation] === false || !a || !b || classOn[a] === false || classOn[b] === false;
  }
  function applyFilters() {
    nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: nodeHidden(n) }; }));
    edges.update(edges.get().map(function (e) { return { id: e.id, hidden: edgeHidden(e) }; }));
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
    countEl[key] = row.appendChild(el("span", "count", count));
    box.addEventListener("change", function () {
      state[key] = box.checked;
      row.classList.toggle("off", !box.checked);
      applyFilters();
    });
    parent.appendChild(row);
  }
  function countText(shown, total) { return shown === total ? String(total) : shown + " / " + total; }
  var classBox = document.getElementById("class-filters");
  classBox.setAttribute("data-kind", "class");
  data.classes.forEach(function (c) {
    filterRow(classBox, c.type, c.label, countText(c.count, c.total), c.shape, c.color, classOn);
  });
  var relBox = document.getElementById("relation-filters");
  relBox.setAttribute("data-kind", "relation");
  data.relations.forEach(function (r) {
    filterRow(relBox, r.name, r.label, countText(r.count, r.total), "line", r.color, relationOn);
  });
  function updateCounts() {
    var byType = {}, byRel = {};
    nodes.getIds().forEach(function (id) { byType[typeOf[id]] = (byType[typeOf[id]] || 0) + 1; });
    edges.get().forEach(function (e) { byRel[e.relation] = (byRel[e.relation] || 0) + 1; });
    data.classes.forEach(function (c) {
      countEl[c.type].textContent = c.type === "Cluster" ? String(byType.Cluster || 0) : countText(byType[c.type] || 0, c.total);
    });
    data.relations.forEach(function (r) { countEl[r.name].textContent = countText(byRel[r.name] || 0, r.total); });
  }

  // ---- opening and closing: what is drawn changes -------------------------
  var openings = [];  // oldest first: {serial, ids, group}
  var owner = {};  // entity -> serial of the opening that drew it (absent: drawn from the start)
  var serial = 0;
  var lastPos = {};  // group node -> where it was when it went away

  function positionOf(id) {
    var p = network.getPositions([id])[id];
    return p ? { x: p.x, y: p.y } : null;
  }
  // new nodes on a sunflower around a point
  function around(centre, count, inner) {
    var out = [];
    for (var j = 0; j < count; j++) {
      var r = inner + 45 * Math.sqrt(j + 1), a = j * 2.399963;
      out.push({ x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
    }
    return out;
  }
  // spread new entity nodes (not yet in the network, x/y set) out among the others, which stay
  // where they are: overlaps pushed apart, relations pulled to a readable length; a few dozen
  // cheap, deterministic steps, done before the nodes are added
  var sizeOf = {};
  data.nodes.forEach(function (n) { sizeOf[n.id] = n.size; });
  function settle(list) {
    if (!list.length) return;
    var CELL = 160, fixedGrid = {}, ids = nodes.getIds(), at = network.getPositions(ids), size = {}, moving = {};
    function cellOf(p) { return [Math.floor(p.x / CELL), Math.floor(p.y / CELL)]; }
    function put(grid, id, p) { var c = cellOf(p), key = c[0] + "," + c[1]; (grid[key] = grid[key] || []).push(id); }
    function near(grid, p, out) {
      var c = cellOf(p);
      for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
        var cell = grid[(c[0] + dx) + "," + (c[1] + dy)];
        if (cell) for (var j = 0; j < cell.length; j++) out.push(cell[j]);
      }
      return out;
    }
    ids.forEach(function (id) { size[id] = sizeOf[id] || 15; put(fixedGrid, id, at[id]); });
    list.forEach(function (n) { size[n.id] = n.size; at[n.id] = { x: n.x, y: n.y }; moving[n.id] = true; });
    var links = list.map(function (n) { return neighbours(n.id).filter(function (o) { return drawn[o]; }); });
    for (var step = 0; step < 60; step++) {
      var movingGrid = {}, cool = 1 - step / 60;
      list.forEach(function (n) { put(movingGrid, n.id, at[n.id]); });
      list.forEach(function (n, j) {
        var id = n.id, p = at[id], fx = 0, fy = 0;
        near(fixedGrid, p, near(movingGrid, p, [])).forEach(function (o) {
          if (o === id) return;
          var q = at[o], dx = p.x - q.x, dy = p.y - q.y, d = Math.sqrt(dx * dx + dy * dy), min = size[id] + size[o] + 50;  // room for the labels
          if (d >= min) return;
          if (d < 0.01) { dx = Math.cos(j); dy = Math.sin(j); d = 1; }
          var push = (min - d) * (moving[o] ? 0.5 : 1);
          fx += (dx / d) * push; fy += (dy / d) * push;
        });
        links[j].forEach(function (o) {
          var q = at[o];
          if (!q) return;
          var dx = q.x - p.x, dy = q.y - p.y, d = Math.sqrt(dx * dx + dy * dy) || 1, pull = (d - 140) * 0.08;
          if (pull > 0) { fx += (dx / d) * pull; fy += (dy / d) * pull; }
        });
        var len = Math.sqrt(fx * fx + fy * fy), max = 40 * cool + 2;
        if (len > max) { fx *= max / len; fy *= max / len; }
        at[id] = { x: p.x + fx, y: p.y + fy };
      });
    }
    list.forEach(function (n) { n.x = at[n.id].x; n.y = at[n.id].y; });
  }

  // make the network show what `drawn` says; new entities go where `place` says
  function render(place) {
    place = place || {};
    var addN = [], removeN = [], updateN = [];
    nodes.getIds().forEach(function (id) {
      if (isGroup(id) ? !remainingOf(groupIndex(id)) : !drawn[id]) removeN.push(id);
    });
    removeN.forEach(function (id) { if (isGroup(id)) lastPos[id] = positionOf(id); });
    var fallback = network.getViewPosition();
    var present = {};
    nodes.getIds().forEach(function (x) { present[x] = true; });
    for (var id = 0; id < N; id++) {
      if (drawn[id] && !present[id]) {
        var n = entityNode(id), at = place[id] || fallback;
        n.x = at.x; n.y = at.y;
        addN.push(n);
      }
    }
    groups.forEach(function (g, gi) {
      var left = remainingOf(gi), gid = "c" + gi;
      if (!left) { delete groupShown[gi]; return; }
      if (groupShown[gi] === undefined) {
        var n = groupNode(gi, left), at = lastPos[gid] || fallback;
        n.x = at.x; n.y = at.y;
        addN.push(n);
      } else if (groupShown[gi] !== left) {
        var upd = groupNode(gi, left);
        updateN.push({ id: gid, label: upd.label, size: upd.size, title: groupTooltip(gi) });
      }
      groupShown[gi] = left;
    });
    var wantLinks = {}, wantGroups = groupLinks();
    for (var k = 0; k < L; k++) if (drawn[flat[3 * k]] && drawn[flat[3 * k + 1]]) wantLinks["e" + k] = k;
    var removeE = [], addE = [], updateE = [];
    edges.getIds().forEach(function (eid) {
      if (eid.charAt(0) === "e" ? wantLinks[eid] === undefined : wantGroups[eid.slice(1)] === undefined) removeE.push(eid);
    });
    removeE.forEach(function (eid) { if (eid.charAt(0) === "g") delete groupEdgeShown[eid.slice(1)]; });
    nodes.remove(removeN);
    removeN.forEach(function (id) { delete typeOf[id]; });
    if (app.stable) settle(addN.filter(function (n) { return !isGroup(n.id); }));
    addN.forEach(function (n) {
      n.title = nodeTitle(n); n.hidden = nodeHidden(n); baseColour[n.id] = n.color; sizeOf[n.id] = n.size; typeOf[n.id] = n.kgType;
    });
    nodes.add(addN);
    updateN.forEach(function (n) { sizeOf[n.id] = n.size; });
    nodes.update(updateN);
    edges.remove(removeE);
    var presentE = {};
    edges.getIds().forEach(function (x) { presentE[x] = true; });
    Object.keys(wantLinks).forEach(function (eid) { if (!presentE[eid]) addE.push(linkEdge(wantLinks[eid])); });
    Object.keys(wantGroups).forEach(function (key) {
      var e = groupEdge(key, wantGroups[key]);
      if (groupEdgeShown[key] === undefined) addE.push(e);
      else if (groupEdgeShown[key] !== wantGroups[key]) updateE.push({ id: e.id, label: e.label, kgCount: e.kgCount, width: e.width, title: edgeTooltip(e) });
      groupEdgeShown[key] = wantGroups[key];
    });
    addE.forEach(function (e) { e.title = edgeTooltip(e); e.hidden = edgeHidden(e); baseEdgeColour[e.id] = e.color; });
    edges.add(addE);
    edges.update(updateE);
    if (app.selected !== null && !nodes.get(app.selected)) select(null, false);
    else if (app.selected !== null) highlight(app.selected);
    updateSummary();
    updateCounts();
    resetBox.hidden = !openings.length;
    return { added: addN.length + addE.length, removed: removeN.length + removeE.length, updated: updateN.length + updateE.length };
  }
  app.render = render;
  app.build = { entityNode: entityNode, linkEdge: linkEdge, groupNode: groupNode, groupEdge: groupEdge, groupLinks: groupLinks };
  app.isDrawn = function (id) { return drawn[id] === 1; };
  app.entity = detail;

  function closeOpening(o) {
    o.ids.forEach(function (id) {
      if (owner[id] === o.serial) { drawn[id] = 0; delete owner[id]; }
    });
    openings.splice(openings.indexOf(o), 1);
  }
  // close the oldest openings (never those of `keepGroup`) until `need` more nodes fit; the room left
  function room(need, keepGroup) {
    var free = CAP - nodes.length;
    while (free < need) {
      var oldest = openings.filter(function (o) { return keepGroup === undefined || o.group !== keepGroup; })[0];
      if (!oldest) break;
      closeOpening(oldest);
      render();
      free = CAP - nodes.length;
    }
    return free;
  }
  function remember(ids, group) {
    var o = { serial: ++serial, ids: ids, group: group };
    ids.forEach(function (id) {
      if (!drawn[id] || owner[id] !== undefined) { owner[id] = o.serial; drawn[id] = 1; }
    });
    openings.push(o);
  }
  function capMessage() {
    return "已达上限 " + CAP + " 个节点 · the cap of " + CAP + " nodes is reached: 重置视图 reset the view or 收起 close a group first";
  }

  // a group node opens: its entities replace it, as many as the cap allows
  function expandGroup(gi) {
    var gid = "c" + gi, centre = positionOf(gid) || network.getViewPosition();
    var members = groups[gi].members.filter(function (m) { return !drawn[m]; });
    if (!members.length) return 0;
    var free = room(members.length - 1, gi);
    members = groups[gi].members.filter(function (m) { return !drawn[m]; });
    var take = members.length <= free + 1 ? members.length : Math.max(0, free);
    if (!take) { say(capMessage(), false); return 0; }
    var ids = members.slice(0, take), place = {};
    around(centre, ids.length, 0).forEach(function (p, j) { place[ids[j]] = p; });
    remember(ids, gi);
    render(place);
    var left = members.length - take;
    say("展开「" + groups[gi].label + "」: " + take + " 个实体 entities drawn" +
        (left ? "，还有 " + left + " 个在群组中 · " + left + " still in the group (cap " + CAP + ")" : ""), true);
    return take;
  }
  app.expandGroup = expandGroup;

  // an entity not drawn opens with its neighbours (edges to other entities), as many as the cap allows
  function openEntity(id) {
    if (drawn[id]) return 0;
    var wanted = [id].concat(neighbours(id).filter(function (n) { return !drawn[n]; }));
    var start = ent.group[id] >= 0 ? positionOf("c" + ent.group[id]) : null;
    if (!start) {
      var near = neighbours(id).filter(function (n) { return drawn[n]; })[0];
      start = near !== undefined ? positionOf(near) : null;
    }
    start = start || network.getViewPosition();
    var free = room(wanted.length);
    if (free < 1) { say(capMessage(), false); return 0; }
    wanted = [id].concat(neighbours(id).filter(function (n) { return !drawn[n]; })).slice(0, free);
    var centre = { x: start.x + 90, y: start.y - 60 }, place = {};
    place[id] = centre;
    around(centre, wanted.length - 1, 40).forEach(function (p, j) { place[wanted[j + 1]] = p; });
    remember(wanted, ent.group[id] >= 0 ? ent.group[id] : undefined);
    render(place);
    var all = neighbours(id).length, shown = neighbours(id).filter(function (n) { return drawn[n]; }).length;
    say("打开「" + ent.name[id] + "」及其 " + shown + " / " + all + " 个相连实体 · opened with " + shown + " of its " + all + " neighbours" +
        (shown < all ? " (cap " + CAP + ")" : ""), true);
    return wanted.length;
  }
  app.openEntity = openEntity;

  // the group's entities drawn by openings go back into it
  function collapseGroup(gi) {
    openings.slice().forEach(function (o) {
      o.ids = o.ids.filter(function (id) {
        if (ent.group[id] === gi && owner[id] === o.serial) { drawn[id] = 0; delete owner[id]; return false; }
        return true;
      });
      if (!o.ids.length) openings.splice(openings.indexOf(o), 1);
    });
    render();
    say("收起「" + groups[gi].label + "」· group closed", true);
  }
  app.collapseGroup = collapseGroup;
  function resetView() {
    openings.slice().forEach(closeOpening);
    render();
    say("视图已重置 · back to the first view", true);
  }
  app.reset = resetView;
  document.getElementById("reset").addEventListener("click", resetView);

  // ---- neighbourhood highlight ------------------------------------------
  var FADED = { background: "#e9ecef", border: "#d5dae0" };
  var EDGE_FONT = { color: "#52606d", strokeWidth: 3 };
  var EDGE_FONT_FADED = { color: "rgba(0,0,0,0)", strokeWidth: 0 };
  function highlight(id) {
    if (id === null) {
      nodes.update(nodes.getIds().map(function (n) { return { id: n, color: baseColour[n], font: { color: "#1f2933" } }; }));
      edges.update(edges.getIds().map(function (e) { return { id: e, color: baseEdgeColour[e], font: EDGE_FONT }; }));
      return;
    }
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
    var nearEdges = {};
    network.getConnectedEdges(id).forEach(function (e) { nearEdges[e] = true; });
    nodes.update(nodes.getIds().map(function (n) {
      return near[n] ? { id: n, color: baseColour[n], font: { color: "#1f2933" } }
                     : { id: n, color: FADED, font: { color: "#c3c9d0" } };
    }));
    edges.update(edges.getIds().map(function (e) {
      return nearEdges[e] ? { id: e, color: baseEdgeColour[e], font: EDGE_FONT }
                          : { id: e, color: { color: "#eceff2" }, font: EDGE_FONT_FADED };
    }));
  }

  // ---- details panel ----------------------------------------------------
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  function showDetails(id) {
    while (body.firstChild) body.removeChild(body.firstChild);
    panel.hidden = id === null;
    if (id === null) return;
    var d = detail(id);
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
    var nb = neighbours(id);
    if (nb.length) {
      var notDrawn = nb.filter(function (n) { return !drawn[n]; }).length;
      body.appendChild(el("div", "d-label", "相连 Connected (" + nb.length + (notDrawn ? ", " + notDrawn + " 未显示 not drawn" : "") + ")"));
      var wrap = el("div");
      nb.slice(0, 40).forEach(function (n) {
        var b = el("button", drawn[n] ? "nb" : "nb off", ent.name[n]);
        b.type = "button";
        b.setAttribute("data-id", String(n));
        if (!drawn[n]) b.title = "未显示，点击打开 · not drawn: click to open";
        b.addEventListener("click", function () { go(n); });
        wrap.appendChild(b);
      });
      if (nb.length > 40) wrap.appendChild(el("span", "hint", "… +" + (nb.length - 40)));
      body.appendChild(wrap);
    }
    if (ent.group[id] >= 0 && owner[id] !== undefined) {
      var gi = ent.group[id];
      var close = el("button", "nb", "收起群组「" + groups[gi].label + "」· close the group");
      close.type = "button";
      close.id = "collapse-group";
      close.addEventListener("click", function () { collapseGroup(gi); });
      body.appendChild(el("div", "d-label", "群组 Group"));
      body.appendChild(close);
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

  // show an entity, drawn or not: opened with its neighbourhood if it is not drawn, its class shown if filtered out
  function go(id) {
    if (!drawn[id]) openEntity(id);
    if (!drawn[id]) return false;
    var n = nodes.get(id);
    if (n && n.hidden) {
      classOn[n.kgType] = true;
      var box = classBox.querySelector('input[data-key="' + CSS.escape(n.kgType) + '"]');
      if (box) { box.checked = true; box.parentNode.classList.remove("off"); }
      applyFilters();
    }
    select(id, true);
    return true;
  }
  app.go = go;

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (isGroup(id)) { select(null, false); expandGroup(groupIndex(id)); } else select(id, false);
    } else if (!params.edges.length) select(null, false);
  });

  // ---- search: every entity of the graph, drawn or not ---------------------
  var keys = [], keyIds = [];
  for (var e = 0; e < N; e++) {
    var seenKey = {};
    [ent.name[e]].concat(ent.aliases[e], ent.keys[e] || []).forEach(function (name) {
      var key = String(name).trim().toLowerCase();
      if (key && !seenKey[key]) { seenKey[key] = true; keys.push(key); keyIds.push(e); }
    });
  }
  function matches(q) {
    var exact = [], partial = [], seen = {};
    for (var j = 0; j < keys.length; j++) {
      if (seen[keyIds[j]]) continue;
      if (keys[j] === q) { exact.push(keyIds[j]); seen[keyIds[j]] = true; }
      else if (keys[j].indexOf(q) >= 0) { partial.push(keyIds[j]); seen[keyIds[j]] = true; }
    }
    partial = partial.filter(function (id) { return exact.indexOf(id) < 0; });
    return exact.sort(byDegree).concat(partial.sort(byDegree));
  }
  app.matches = function (text) { return matches(String(text).trim().toLowerCase()); };
  var msg = document.getElementById("search-msg");
  function search(text) {
    var q = String(text).trim().toLowerCase();
    msg.className = "msg";
    if (!q) { msg.textContent = ""; return null; }
    var found = matches(q);
    if (!found.length) { msg.textContent = "未找到 · no entity named “" + text + "”"; return null; }
    var id = found[0];
    if (!go(id)) { msg.textContent = capMessage(); return null; }
    msg.className = "msg ok";
    msg.textContent = "→ " + ent.name[id] + (found.length > 1 ? "  (+" + (found.length - 1) + " 个匹配 matches)" : "");
    return id;
  }
  app.search = search;
  var names = document.getElementById("kg-names");
  var input = document.getElementById("search");
  function suggest(q) {
    while (names.firstChild) names.removeChild(names.firstChild);
    if (!q) return;
    matches(q).slice(0, 30).forEach(function (id) {
      var opt = el("option");
      opt.value = ent.name[id];
      names.appendChild(opt);
    });
  }
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(input.value); });
  input.addEventListener("input", function (ev) {
    var q = input.value.trim().toLowerCase();
    // a name picked from the suggestion list (not typed) is searched at once
    if (ev.inputType === "insertReplacementText" || ev.inputType === undefined) {
      if (keys.indexOf(q) >= 0) { search(input.value); return; }
    }
    suggest(q);
  });
  document.getElementById("search-go").addEventListener("click", function () { search(input.value); });
})();
