// The graph of an explanation drawn as SVG, top-down: each node one layer below its deepest parent, each input
// just above its first use, f at the bottom. Within a layer nodes are ordered by the mean position of their parents
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

  function layout(nodes, output) {
    const byId = new Map(nodes.map(n => [n.id, n]));
    const depth = new Map();
    for (const n of nodes) {   // nodes come in topological order
      depth.set(n.id, n.op === 'input' ? 0 : 1 + Math.max(0, ...n.parents.map(p => depth.get(p))));
    }
    // an input sits just above its first use, as the slides draw it (so a network reads as a ladder)
    for (const n of nodes) {
      if (n.op !== 'input') continue;
      const uses = nodes.filter(m => m.parents.includes(n.id)).map(m => depth.get(m.id));
      if (uses.length) depth.set(n.id, Math.min(...uses) - 1);
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
    const width = n => Math.max(130, (Math.max(label(n).length, 16) + (n.id === output ? 5 : 0)) * CHAR + 2 * PAD);
    const rowWidths = layers.map(l => (l || []).reduce((s, n) => s + width(n), 0) + GAP_X * ((l || []).length - 1));
    const total = Math.max(...rowWidths, 200);
    const box = new Map();
    layers.forEach((l, d) => {
      if (!l) return;
      let x = (total - rowWidths[d]) / 2;
      for (const n of l) {
        box.set(n.id, {x: x, y: d * (H + GAP_Y), w: width(n), h: H, d: d});
        x += width(n) + GAP_X;
      }
    });
    return {box, byId, layers, width: total, height: layers.length * (H + GAP_Y) - GAP_Y};
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
    const {box, layers, width, height} = layout(data.nodes, data.output);
    const M = 70;
    svg.setAttribute('viewBox', `${-M} ${-M} ${width + 2 * M} ${height + 2 * M}`);
    const defs = el('defs', {}, svg);
    const marker = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 14,
      markerHeight: 14, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse'}, defs);
    el('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#666'}, marker);
    const edges = new Map(), nodes = new Map();
    const edgeLayer = el('g', {}, svg), nodeLayer = el('g', {}, svg);
    for (const n of data.nodes) {
      const to = box.get(n.id);
      // parents enter left to right in the order they are drawn, so two edges into one node do not cross
      const entry = [...n.parents].sort((a, b) => box.get(a).x - box.get(b).x);
      n.parents.forEach(p => {
        const from = box.get(p);
        const x1 = from.x + from.w / 2, y1 = from.y + from.h;
        const share = (entry.indexOf(p) + 1) / (n.parents.length + 1);
        const x2 = to.x + to.w * share, y2 = to.y;
        const g = el('g', {class: 'edge'}, edgeLayer);
        const my = (y1 + y2) / 2;
        // an edge that skips layers goes around the nodes in between, on the nearer side
        const lo = Math.min(x1, x2) - 12, hi = Math.max(x1, x2) + 12;
        const between = [];
        for (let d = from.d + 1; d < to.d; d++) for (const m of layers[d] || []) between.push(box.get(m.id));
        const hit = between.filter(b => b.x < hi && b.x + b.w > lo);
        const t = 0.42, u = 1 - t;   // the label sits a little before the middle, so labels into one node part
        let d = `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`;
        let lx = (u * u * u + 3 * u * u * t) * x1 + (3 * u * t * t + t * t * t) * x2;
        let ly = (u * u * u) * y1 + 3 * u * t * my + (t * t * t) * y2;
        let side = 0;   // a label beside a detour goes outward, away from the nodes it avoids
        if (hit.length) {
          const left = Math.min(...hit.map(b => b.x)) - 30, right = Math.max(...hit.map(b => b.x + b.w)) + 30;
          const bx = Math.abs(left - (x1 + x2) / 2) < Math.abs(right - (x1 + x2) / 2) ? left : right;
          d = `M${x1},${y1} C${x1},${y1 + 50} ${bx},${y1 + 50} ${bx},${my} C${bx},${y2 - 50} ${x2},${y2 - 50} ${x2},${y2}`;
          lx = bx;
          ly = my;
          side = bx === left ? -1 : 1;
        }
        el('path', {d, 'marker-end': 'url(#arrow)'}, g);
        const local = locals.get(p + '-' + n.id);
        if (local !== undefined) {
          const s = '[∂' + n.name + '/∂x' + p + '] = ' + fmt(local);
          const w = s.length * 8.6, cx = lx + side * (w / 2 + 6);
          el('rect', {class: 'bg', x: cx - w / 2, y: ly - 9, width: w, height: 18, rx: 4}, g);
          const txt = el('text', {x: cx, y: ly + 4, 'text-anchor': 'middle'}, g);
          txt.textContent = s;
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
