// The graph of an explanation drawn as SVG, top-down: inputs in the top layer, each node one layer below its
// deepest parent, f at the bottom. Within a layer nodes are ordered by the mean position of their parents
// (two sweeps), which keeps the small graphs of formulas nearly free of crossings. No library, no network.
'use strict';
const Graph = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const CHAR = 10.2, PAD = 16, H = 74, GAP_X = 36, GAP_Y = 78;

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  function label(n) {
    return n.op === 'input' ? n.name + ' = ' + n.input : n.name + ' = ' + n.op + '(' + n.args.join(', ') + ')';
  }

  function layout(nodes) {
    const byId = new Map(nodes.map(n => [n.id, n]));
    const depth = new Map();
    for (const n of nodes) {   // nodes come in topological order
      depth.set(n.id, n.op === 'input' ? 0 : 1 + Math.max(0, ...n.parents.map(p => depth.get(p))));
    }
    const layers = [];
    for (const n of nodes) (layers[depth.get(n.id)] ||= []).push(n);
    const pos = new Map();
    const place = () => layers.forEach(l => l && l.forEach((n, i) => pos.set(n.id, i / Math.max(1, l.length - 1))));
    place();
    for (let sweep = 0; sweep < 2; sweep++) {
      for (const l of layers.slice(1)) {
        if (!l) continue;
        const key = n => n.parents.length ? n.parents.reduce((s, p) => s + pos.get(p), 0) / n.parents.length : 0.5;
        l.sort((a, b) => key(a) - key(b) || a.id - b.id);
      }
      place();
    }
    const width = n => Math.max(130, Math.max(label(n).length, 16) * CHAR + 2 * PAD);
    const rowWidths = layers.map(l => (l || []).reduce((s, n) => s + width(n), 0) + GAP_X * ((l || []).length - 1));
    const total = Math.max(...rowWidths, 200);
    const box = new Map();
    layers.forEach((l, d) => {
      if (!l) return;
      let x = (total - rowWidths[d]) / 2;
      for (const n of l) {
        box.set(n.id, {x: x, y: d * (H + GAP_Y), w: width(n), h: H});
        x += width(n) + GAP_X;
      }
    });
    return {box, byId, width: total, height: layers.length * (H + GAP_Y) - GAP_Y};
  }

  function fmt(v) {
    if (v === null) return 'n/a';
    if (v === 0) return '0';
    const a = Math.abs(v);
    if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(6)));
    return v.toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'e');
  }

  // Draws data (the JSON of explain) into svg; returns the elements by node id and by edge "from-to".
  function draw(svg, data, locals) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const {box, width, height} = layout(data.nodes);
    const M = 20;
    svg.setAttribute('viewBox', `${-M} ${-M} ${width + 2 * M} ${height + 2 * M}`);
    const defs = el('defs', {}, svg);
    const marker = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto-start-reverse'}, defs);
    el('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#666'}, marker);
    const edges = new Map(), nodes = new Map();
    const edgeLayer = el('g', {}, svg), nodeLayer = el('g', {}, svg);
    for (const n of data.nodes) {
      const to = box.get(n.id);
      n.parents.forEach((p, i) => {
        const from = box.get(p);
        const x1 = from.x + from.w / 2, y1 = from.y + from.h;
        const share = (i + 1) / (n.parents.length + 1);
        const x2 = to.x + to.w * share, y2 = to.y;
        const g = el('g', {class: 'edge'}, edgeLayer);
        const my = (y1 + y2) / 2;
        el('path', {d: `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`, 'marker-end': 'url(#arrow)'}, g);
        const local = locals.get(p + '-' + n.id);
        if (local !== undefined) {
          const t = '[∂' + n.name + '/∂x' + p + '] = ' + fmt(local);
          const lx = (x1 + x2) / 2, ly = my;
          el('rect', {class: 'bg', x: lx - t.length * 4.3, y: ly - 13, width: t.length * 8.6, height: 18, rx: 4}, g);
          const txt = el('text', {x: lx, y: ly, 'text-anchor': 'middle'}, g);
          txt.textContent = t;
        }
        edges.set(p + '-' + n.id, g);
      });
    }
    for (const n of data.nodes) {
      const b = box.get(n.id);
      const cls = 'node' + (n.op === 'input' ? ' input' : '') + (n.id === data.output ? ' output' : '');
      const g = el('g', {class: cls, 'data-id': n.id, transform: `translate(${b.x},${b.y})`}, nodeLayer);
      el('title', {}, g).textContent = n.text + (n.id === data.output ? '   (f)' : '');
      el('rect', {width: b.w, height: b.h, rx: 10}, g);
      el('text', {class: 'name', x: PAD, y: 22}, g).textContent = label(n) + (n.id === data.output ? '  → f' : '');
      el('text', {class: 'val', x: PAD, y: 44}, g).textContent = 'value ' + fmt(n.value);
      const d = el('text', {class: 'deriv', x: PAD, y: 65}, g);
      nodes.set(n.id, {g, deriv: d});
    }
    return {nodes, edges};
  }

  return {draw, fmt};
})();
