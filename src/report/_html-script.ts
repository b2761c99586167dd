/**
 * The script of the HTML report (html.ts), run by the browser: it reads the report's data (the
 * JSON of `<script type="application/json" id="report-data">`) and builds the page from it. Every
 * text from the data is set with `textContent` or `setAttribute` (never parsed as HTML), so the
 * input cannot add an element or an attribute. The graph is laid out by dagre (the global
 * `dagre`, inlined before this script).
 *
 * Written as ES2017 in a plain string (no template literals or `${` inside, no `</script` and
 * no `<!--`: html.ts checks), so that it is the page's own text, byte for byte, and its hash
 * can go into the Content-Security-Policy.
 */
export const PAGE_SCRIPT = String.raw`(function () {
'use strict';
var started = performance.now();
var D = JSON.parse(document.getElementById('report-data').textContent);
var SVG = 'http://www.w3.org/2000/svg';
var PAGE = 200;
var OVERVIEW_NODES = 120;
var OVERVIEW_EDGES = 300;
var NS_GRAPH_NODES = 30;
var DRILL_EDGES = 300;

function h(tag, attrs, children) {
  var e = document.createElement(tag);
  for (var k in attrs || {}) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
  (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}
function s(tag, attrs, children) {
  var e = document.createElementNS(SVG, tag);
  for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
  (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}
function fmt(n) { return n.toLocaleString('en-US'); }
function plural(n, word, many) { return fmt(n) + ' ' + (n === 1 ? word : (many || word + 's')); }

// ------------------------------------------------------------------ the data
// nodes: [kind (0 workload, 1 address range, 2 anywhere), namespace index or -1, members, flags (1 open for ingress, 2 open for egress)]
// edges: [from node, to node, ports index, [cluster rule indexes]]
var nodes = D.nodes;
var edges = D.edges;
var nsNodes = D.namespaces.map(function () { return []; });
nodes.forEach(function (n, i) { if (n[1] >= 0) nsNodes[n[1]].push(i); });
var outOf = nodes.map(function () { return []; });
var intoOf = nodes.map(function () { return []; });
edges.forEach(function (e, i) { outOf[e[0]].push(i); intoOf[e[1]].push(i); });

function label(members) { return members.length <= 3 ? members.join(', ') : members.slice(0, 2).join(', ') + ' +' + (members.length - 2) + ' more'; }
function nsName(i) { return nodes[i][1] >= 0 ? D.namespaces[nodes[i][1]].name : ''; }
function title(i) {
  var n = nodes[i];
  if (n[0] === 2) return 'anywhere';
  return n[1] >= 0 ? nsName(i) + '/' + label(n[2]) : label(n[2]);
}
var nodeHay = nodes.map(function (n, i) {
  if (n[0] === 2) return 'anywhere';
  var ns = n[1] >= 0 ? nsName(i) + '/' : '';
  return n[2].map(function (m) { return ns + m; }).join('\n').toLowerCase();
});
var edgeHay = edges.map(function (e) { return nodeHay[e[0]] + '\n' + nodeHay[e[1]] + '\n' + D.ports[e[2]].toLowerCase(); });
var nsHay = D.namespaces.map(function (ns, k) {
  var parts = [ns.name.toLowerCase()];
  nsNodes[k].forEach(function (i) {
    parts.push(nodeHay[i]);
    outOf[i].forEach(function (e) { parts.push(D.ports[edges[e][2]].toLowerCase()); });
    intoOf[i].forEach(function (e) { parts.push(D.ports[edges[e][2]].toLowerCase()); });
  });
  return parts.join('\n');
});

var terms = [];
function matches(hay) { for (var t = 0; t < terms.length; t++) if (hay.indexOf(terms[t]) < 0) return false; return true; }

// a node's name: namespace/, the first members, and a "+N more" button that shows them all
function members(i) {
  var n = nodes[i];
  var cell = h('span', { 'class': 'members' });
  if (n[0] === 2) { cell.appendChild(h('span', { 'class': 'any' }, ['anywhere'])); return cell; }
  var ns = n[1] >= 0 ? nsName(i) + '/' : '';
  if (n[2].length <= 3) { cell.appendChild(document.createTextNode(ns + n[2].join(', '))); return cell; }
  cell.appendChild(document.createTextNode(ns + n[2].slice(0, 2).join(', ') + ' '));
  var more = h('button', { type: 'button', 'class': 'more', title: 'show all ' + n[2].length + ' workloads' }, ['+' + (n[2].length - 2) + ' more']);
  more.addEventListener('click', function () {
    cell.textContent = '';
    cell.appendChild(h('span', { 'class': 'expanded' }, [ns + '{' + n[2].join(', ') + '}']));
    cell.appendChild(document.createTextNode(' (' + n[2].length + ' workloads with identical connections)'));
  });
  cell.appendChild(more);
  return cell;
}

function edgeRow(k) {
  var e = edges[k];
  var rules = (e[3] || []).map(function (r) { return D.rules[r]; }).join('; ');
  return h('tr', { 'data-edge': String(k) }, [h('td', {}, [members(e[0])]), h('td', {}, [members(e[1])]), h('td', { 'class': 'ports' }, [D.ports[e[2]]]), D.rules.length ? h('td', { 'class': 'rules' }, [rules]) : null]);
}

// a table of edges, PAGE rows at a time, filtered by the search terms
function edgeTable(list, caption) {
  var wrap = h('div', { 'class': 'edges' });
  var info = h('p', { 'class': 'count' });
  var table = h('table', { 'class': 'conns' }, [h('thead', {}, [h('tr', {}, [h('th', {}, ['from']), h('th', {}, ['to']), h('th', {}, ['ports']), D.rules.length ? h('th', {}, ['cluster rules that allow it']) : null])])]);
  var body = h('tbody');
  table.appendChild(body);
  var more = h('button', { type: 'button', 'class': 'page' }, ['show more']);
  var shown = 0;
  var hits = [];
  function page() {
    var end = Math.min(hits.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    for (; shown < end; shown++) frag.appendChild(edgeRow(hits[shown]));
    body.appendChild(frag);
    info.textContent = (terms.length ? fmt(hits.length) + ' of ' + plural(list.length, caption) + ' match' : plural(list.length, caption)) + (shown < hits.length ? '; showing ' + fmt(shown) : '');
    more.hidden = shown >= hits.length;
  }
  more.addEventListener('click', page);
  wrap.refilter = function () {
    hits = terms.length ? list.filter(function (k) { return matches(edgeHay[k]); }) : list;
    body.textContent = '';
    shown = 0;
    page();
  };
  wrap.appendChild(info);
  wrap.appendChild(table);
  wrap.appendChild(more);
  wrap.refilter();
  return wrap;
}

// ------------------------------------------------------------------ graphs (dagre)
function textWidth(t, px) { return Math.ceil(t.length * px * 0.6); }

// g: { nodes: [{id, label, cls, tip, parent}], clusters: [{id, label}], edges: [{v, w, label, cls, tip}] }
function drawGraph(container, g, onNode) {
  var graph = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: g.clusters.length ? 30 : 16, ranksep: 70, edgesep: 8, marginx: 12, marginy: 32 });
  graph.setDefaultEdgeLabel(function () { return {}; });
  g.clusters.forEach(function (c) { graph.setNode(c.id, { label: c.label, clusterLabelPos: 'top', paddingTop: 24 }); });
  g.nodes.forEach(function (n) {
    graph.setNode(n.id, { width: Math.max(60, textWidth(n.label, 12) + 20), height: 28 });
    if (n.parent) graph.setParent(n.id, n.parent);
  });
  g.edges.forEach(function (e, k) {
    graph.setEdge(e.v, e.w, { width: textWidth(e.label, 10) + 8, height: 14, labelpos: 'c' }, 'e' + k);
  });
  dagre.layout(graph);
  var info = graph.graph();
  var W = Math.ceil(info.width || 100) + 20;
  var H = Math.ceil(info.height || 60) + 20;
  var svg = s('svg', { width: String(W), height: String(H), viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': g.title || 'graph' });
  svg.appendChild(s('defs', {}, [s('marker', { id: 'arrow' + container.id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, [s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#4a5f80' })])]));
  var titles = [];
  g.clusters.forEach(function (c) {
    var b = graph.node(c.id);
    if (!b || b.width === undefined) return;
    svg.appendChild(s('g', { 'class': 'cluster' }, [
      s('rect', { x: String(b.x - b.width / 2), y: String(b.y - b.height / 2), width: String(b.width), height: String(b.height), rx: '8' }),
    ]));
    // the title on top of everything (dagre leaves no room for it): always readable
    var tw = textWidth(c.label, 12) + 8;
    titles.push(s('g', { 'class': 'ctitle' }, [s('rect', { x: String(b.x - b.width / 2 + 4), y: String(b.y - b.height / 2 + 2), width: String(tw), height: '16', rx: '3' }),
      s('text', { x: String(b.x - b.width / 2 + 8), y: String(b.y - b.height / 2 + 14) }, [c.label])]));
  });
  var labels = [];
  g.edges.forEach(function (e, k) {
    var d = graph.edge({ v: e.v, w: e.w, name: 'e' + k });
    if (!d || !d.points) return;
    var path = 'M' + d.points.map(function (p) { return p.x.toFixed(1) + ',' + p.y.toFixed(1); }).join(' L');
    svg.appendChild(s('path', { d: path, 'class': 'edge ' + (e.cls || ''), 'marker-end': 'url(#arrow' + container.id + ')' }, [s('title', {}, [e.tip])]));
    if (d.x !== undefined) {
      var w = textWidth(e.label, 10) + 8;
      labels.push(s('g', { 'class': 'elabel' }, [s('title', {}, [e.tip]), s('rect', { x: String(d.x - w / 2), y: String(d.y - 8), width: String(w), height: '16', rx: '3' }),
        s('text', { x: String(d.x), y: String(d.y + 4), 'text-anchor': 'middle' }, [e.label])]));
    }
  });
  g.nodes.forEach(function (n) {
    var b = graph.node(n.id);
    var node = s('g', { 'class': 'node ' + (n.cls || '') }, [s('title', {}, [n.tip]),
      s('rect', { x: String(b.x - b.width / 2), y: String(b.y - b.height / 2), width: String(b.width), height: String(b.height), rx: n.cls === 'ext' || n.cls === 'anyn' ? '14' : '4' }),
      s('text', { x: String(b.x), y: String(b.y + 4), 'text-anchor': 'middle' }, [n.label])]);
    if (onNode) { node.addEventListener('click', function () { onNode(n); }); node.setAttribute('class', node.getAttribute('class') + ' link'); }
    svg.appendChild(node);
  });
  labels.forEach(function (l) { svg.appendChild(l); });
  titles.forEach(function (t) { svg.appendChild(t); });
  container.textContent = '';
  container.appendChild(svg);
}

function nodeCls(i) {
  var n = nodes[i];
  return n[0] === 2 ? 'anyn' : n[0] === 1 ? 'ext' : (n[3] & 1) ? 'open' : '';
}
function nodeTip(i) {
  var n = nodes[i];
  if (n[0] !== 0) return n[0] === 2 ? 'anywhere: every workload and address' : n[2].join(', ');
  var ns = nsName(i) + '/';
  return n[2].map(function (m) { return ns + m; }).join(', ') + ((n[3] & 1) ? ' (not isolated for ingress)' : '') + ((n[3] & 2) ? ' (not isolated for egress)' : '');
}

// the workload graph of some nodes, each namespace a cluster; nodes outside keep drawn as neighbours
function workloadGraph(keep, edgeList) {
  var used = {};
  var g = { nodes: [], clusters: [], edges: [] };
  var clusters = {};
  function add(i) {
    if (used[i]) return;
    used[i] = true;
    var n = nodes[i];
    var parent;
    if (n[1] >= 0) {
      parent = 'c' + n[1];
      if (!clusters[parent]) { clusters[parent] = true; g.clusters.push({ id: parent, label: 'namespace ' + D.namespaces[n[1]].name }); }
    }
    g.nodes.push({ id: 'n' + i, label: n[0] === 2 ? 'anywhere' : label(n[2]), cls: nodeCls(i) + (keep && !keep[i] ? ' neighbour' : ''), tip: nodeTip(i), parent: parent, ns: n[1] });
  }
  edgeList.forEach(function (k) {
    var e = edges[k];
    add(e[0]); add(e[1]);
    var anyEdge = nodes[e[0]][0] === 2 || nodes[e[1]][0] === 2;
    g.edges.push({ v: 'n' + e[0], w: 'n' + e[1], label: D.ports[e[2]], cls: anyEdge ? 'anyedge' : '', tip: title(e[0]) + ' => ' + title(e[1]) + ' : ' + D.ports[e[2]] });
  });
  if (keep) Object.keys(keep).forEach(function (i) { add(Number(i)); });
  return g;
}

// namespaces as nodes: the busiest ones, the others as one node, and the outside
function namespaceGraph() {
  var busy = D.namespaces.map(function (ns, k) { return k; });
  var load = function (k) { var st = D.namespaces[k].s; return st[2] + st[3] + st[4] + st[5] + st[6]; };
  busy.sort(function (a, b) { return load(b) - load(a) || a - b; });
  var top = {};
  busy.slice(0, NS_GRAPH_NODES).forEach(function (k) { top[k] = true; });
  var others = D.namespaces.length - Math.min(NS_GRAPH_NODES, D.namespaces.length);
  var pairs = {};
  function key(i) { var n = nodes[i]; return n[0] === 2 ? 'any' : n[1] < 0 ? 'ext' : top[n[1]] ? 'ns' + n[1] : 'others'; }
  function weight(e) {
    var a = nodes[e[0]], b = nodes[e[1]];
    if (a[0] === 2) return b[2].length;
    if (b[0] === 2) return a[2].length;
    return e[0] === e[1] ? a[2].length * (a[2].length - 1) : a[2].length * b[2].length;
  }
  edges.forEach(function (e) {
    var k = key(e[0]) + '>' + key(e[1]);
    var p = pairs[k] || (pairs[k] = { v: key(e[0]), w: key(e[1]), n: 0 });
    p.n += weight(e);
  });
  var list = Object.keys(pairs).sort().map(function (k) { return pairs[k]; });
  var g = { nodes: [], clusters: [], edges: [], others: others };
  var used = {};
  function add(id) {
    if (used[id]) return;
    used[id] = true;
    if (id === 'any') g.nodes.push({ id: id, label: 'anywhere', cls: 'anyn', tip: 'every workload and address' });
    else if (id === 'ext') g.nodes.push({ id: id, label: 'outside the cluster', cls: 'ext', tip: 'address ranges outside the cluster' });
    else if (id === 'others') g.nodes.push({ id: id, label: fmt(others) + ' other namespaces', cls: 'others', tip: 'the namespaces with fewer connections; each has its drill-down below' });
    else {
      var k = Number(id.slice(2));
      var ns = D.namespaces[k];
      g.nodes.push({ id: id, label: ns.name + ' (' + ns.s[0] + ')', cls: 'nsnode', tip: 'namespace ' + ns.name + ': ' + plural(ns.s[0], 'workload') + '; click to open it', ns: k });
    }
  }
  list.forEach(function (p) { add(p.v); add(p.w); g.edges.push({ v: p.v, w: p.w, label: fmt(p.n), cls: '', tip: plural(p.n, 'connection') }); });
  return g;
}

// ------------------------------------------------------------------ the page
var app = document.getElementById('app');
var search = h('input', { type: 'search', id: 'search', placeholder: 'filter by namespace, workload or port (e.g. team-3, api, TCP 5432)', 'aria-label': 'filter', autocomplete: 'off', spellcheck: 'false' });
app.appendChild(h('div', { 'class': 'searchbar' }, [search]));

// graph
app.appendChild(h('h2', {}, ['Graph']));
var graphNote = h('p', { 'class': 'summary' });
var graphBox = h('div', { 'class': 'graph', id: 'overview' });
app.appendChild(graphNote);
app.appendChild(graphBox);
var nsDetails = [];
function openNamespace(k) {
  var d = nsDetails[k];
  if (!d) return;
  d.hidden = false;
  d.open = true;
  d.scrollIntoView({ block: 'start' });
}
if (nodes.length === 0) {
  graphNote.textContent = 'No workloads.';
} else if (nodes.length <= OVERVIEW_NODES && edges.length <= OVERVIEW_EDGES) {
  graphNote.textContent = 'Workloads with identical connections are one node; dashed nodes are address ranges; a red border: not isolated for ingress.';
  var wg = workloadGraph(null, edges.map(function (_, k) { return k; }));
  wg.title = D.title;
  drawGraph(graphBox, wg);
} else {
  var ng = namespaceGraph();
  ng.title = D.title;
  graphNote.textContent = 'The workload graph (' + plural(nodes.length, 'node') + ', ' + plural(edges.length, 'edge') + ') is drawn per namespace below. Here: namespaces, each edge labelled with its number of connections' +
    (ng.others > 0 ? '; the ' + fmt(NS_GRAPH_NODES) + ' namespaces with the most connections, the other ' + fmt(ng.others) + ' as one node' : '') + '. Click a namespace to open it.';
  drawGraph(graphBox, ng, function (n) { if (n.ns !== undefined) openNamespace(n.ns); });
}

// namespaces, each a drill-down
app.appendChild(h('h2', {}, ['Namespaces']));
var nsCount = h('p', { 'class': 'count' });
app.appendChild(nsCount);
var nsList = h('div', { 'class': 'nslist' });
app.appendChild(nsList);
var openTables = [];
D.namespaces.forEach(function (ns, k) {
  var st = ns.s;
  var d = h('details', { 'class': 'ns', 'data-ns': ns.name });
  d.appendChild(h('summary', {}, [h('b', {}, [ns.name]), ' ' + plural(st[0], 'workload') + ', ' + fmt(st[2]) + ' within, ' + fmt(st[3]) + ' to / ' + fmt(st[4]) + ' from other namespaces, ' +
    fmt(st[5]) + ' to / ' + fmt(st[6]) + ' from outside' + (st[7] ? ', ' + fmt(st[7]) + ' open for ingress' : '') + (st[9] ? ', ' + plural(st[9], 'finding') : '')]));
  var body = h('div', { 'class': 'nsbody' });
  d.appendChild(body);
  d.addEventListener('toggle', function () {
    if (!d.open || body.firstChild) return;
    var mine = {};
    nsNodes[k].forEach(function (i) { mine[i] = true; });
    var list = [];
    nsNodes[k].forEach(function (i) { outOf[i].forEach(function (e) { list.push(e); }); intoOf[i].forEach(function (e) { if (!mine[edges[e][0]]) list.push(e); }); });
    list.sort(function (a, b) { return a - b; });
    var wl = h('ul', { 'class': 'workloads' });
    nsNodes[k].forEach(function (i) { wl.appendChild(h('li', { 'class': nodeCls(i) }, [members(i), ' ' + plural(outOf[i].length, 'outgoing line') + ', ' + plural(intoOf[i].length, 'incoming line')])); });
    body.appendChild(h('h3', {}, ['Workloads']));
    body.appendChild(wl);
    var gbox = h('div', { 'class': 'graph', id: 'g' + k });
    body.appendChild(h('h3', {}, ['Graph']));
    body.appendChild(gbox);
    var drawn = list.slice(0, DRILL_EDGES);
    if (list.length > drawn.length) body.insertBefore(h('p', { 'class': 'summary' }, ['The first ' + fmt(drawn.length) + ' of ' + plural(list.length, 'line') + ' are drawn; the table has them all.']), gbox);
    drawGraph(gbox, workloadGraph(mine, drawn));
    body.appendChild(h('h3', {}, ['Connections']));
    var t = edgeTable(list, 'connection line');
    openTables.push(t);
    body.appendChild(t);
  });
  nsDetails.push(d);
  nsList.appendChild(d);
});

// every connection
app.appendChild(h('h2', {}, ['Connections']));
app.appendChild(h('p', { 'class': 'summary' }, ['Workloads of a namespace with identical connections are one row ("+N more" shows them); "anywhere" stands for every workload and address.']));
var allTable = edgeTable(edges.map(function (_, k) { return k; }), 'connection line');
app.appendChild(allTable);

// cluster policies
if (D.cluster) {
  app.appendChild(h('h2', {}, ['Cluster policies']));
  app.appendChild(h('p', { 'class': 'summary' }, ['In evaluation order: the Admin tier before NetworkPolicy, the Baseline tier after it.']));
  var ct = h('table', { 'class': 'plain' }, [h('tr', {}, ['tier', 'priority', 'policy', 'subject', 'workloads selected', 'ingress rules', 'egress rules'].map(function (x) { return h('th', {}, [x]); }))]);
  D.cluster.policies.forEach(function (p) { ct.appendChild(h('tr', {}, p.map(function (x) { return h('td', {}, [x === null ? '-' : String(x)]); }))); });
  app.appendChild(ct);
  if (D.cluster.decisions) {
    app.appendChild(h('h3', {}, ['What the cluster rules decide']));
    var dt = h('table', { 'class': 'plain' }, [h('tr', {}, ['rule', 'tier', 'decision', 'pairs', 'for example'].map(function (x) { return h('th', {}, [x]); }))]);
    D.cluster.decisions.forEach(function (x) { dt.appendChild(h('tr', {}, [h('td', {}, [x[0]]), h('td', {}, [x[1]]), h('td', {}, [x[2]]), h('td', {}, [fmt(x[3])]), h('td', {}, [x[4] + ' => ' + x[5] + ' : ' + x[6]])])); });
    app.appendChild(dt);
  } else {
    app.appendChild(h('p', {}, ['What each cluster rule decides is not summarized: the endpoints fall into too many classes.']));
  }
}

// findings
app.appendChild(h('h2', {}, ['Findings']));
var fCount = h('p', { 'class': 'count' });
app.appendChild(fCount);
var ft = h('table', { 'class': 'findings' }, [h('tr', {}, ['severity', 'rule', 'object', 'finding', 'fix or reason'].map(function (x) { return h('th', {}, [x]); }))]);
var findingRows = D.findings.map(function (f) {
  var obj = h('td', {}, [f[2]]);
  if (f[3]) { obj.appendChild(h('br')); obj.appendChild(h('code', {}, [f[3]])); }
  var row = h('tr', { 'class': f[6] !== null ? 'suppressed' : '' }, [h('td', { 'class': 'sev-' + f[0] }, [f[0] + (f[6] !== null ? ' (suppressed)' : '')]), h('td', {}, [f[1]]), obj, h('td', {}, [f[4]]), h('td', {}, [f[6] !== null ? f[6] : f[5]])]);
  row.hay = f.join('\n').toLowerCase();
  return row;
});
var fMore = h('button', { type: 'button', 'class': 'page' }, ['show more']);
var fShown = 0;
var fHits = [];
function findingsPage() {
  var end = Math.min(fHits.length, fShown + PAGE);
  for (; fShown < end; fShown++) ft.appendChild(fHits[fShown]);
  fCount.textContent = (terms.length ? fmt(fHits.length) + ' of ' + plural(findingRows.length, 'finding') + ' match' : plural(findingRows.length, 'finding')) + (fShown < fHits.length ? '; showing ' + fmt(fShown) : '');
  fMore.hidden = fShown >= fHits.length;
  ft.hidden = fHits.length === 0;
  if (findingRows.length === 0) fCount.textContent = 'No findings.';
}
fMore.addEventListener('click', findingsPage);
function refilterFindings() {
  findingRows.forEach(function (r) { if (r.parentNode) r.parentNode.removeChild(r); });
  fHits = terms.length ? findingRows.filter(function (r) { return matches(r.hay); }) : findingRows;
  fShown = 0;
  findingsPage();
}
app.appendChild(ft);
app.appendChild(fMore);
refilterFindings();

function refilterNamespaces() {
  var n = 0;
  nsDetails.forEach(function (d, k) { var hit = !terms.length || matches(nsHay[k]); d.hidden = !hit; if (hit) n++; });
  nsCount.textContent = terms.length ? fmt(n) + ' of ' + plural(nsDetails.length, 'namespace') + ' match' : plural(nsDetails.length, 'namespace') + ': open one for its workloads, graph and connections';
}
refilterNamespaces();

search.addEventListener('input', function () {
  terms = search.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  refilterNamespaces();
  allTable.refilter();
  openTables.forEach(function (t) { t.refilter(); });
  refilterFindings();
});

document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
document.documentElement.setAttribute('data-rendered', 'true');
})();
`;
