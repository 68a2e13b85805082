// The explain page: asks /api/explain for the JSON of `cotangent explain --json` and steps through its
// tangent table (forward mode, one seed input) or its adjoint table (reverse mode) row by row.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  let data = null, mode = 'forward', seed = null, step = 0, view = null, request = 0;

  async function explain() {
    const f = $('formula').value, at = $('point').value;
    const mine = ++request;
    let res, body;
    try {
      res = await fetch('/api/explain?f=' + encodeURIComponent(f) + '&at=' + encodeURIComponent(at));
      body = await res.json();
    } catch (e) {
      return showError(f, {error: 'the server did not answer (' + e.message + '); is cotangent serve running?', caret: null});
    }
    if (mine !== request) return;          // a newer request was sent meanwhile
    if (!res.ok) return showError(f, body);
    $('error').hidden = true;
    const vector = Array.isArray(body.jacobian);
    $('jacobian-panel').hidden = !vector;
    $('graph-panel').hidden = vector;
    $('side').hidden = vector;
    if (vector) { data = null; return jacobian(f, body); }
    data = body;
    const inputs = Object.keys(data.tangents);
    if (!inputs.includes(seed)) seed = inputs[0] || null;
    $('seed').replaceChildren(...inputs.map(v => new Option(v, v, false, v === seed)));
    step = 0;
    view = Graph.draw($('graph'), data, locals());
    $('shown').textContent = 'f(' + Object.keys(data.at).join(', ') + ') = ' + data.formula + '   at '
      + Object.entries(data.at).map(([k, v]) => k + ' = ' + v).join(', ');
    counts();
    render();
  }

  function showError(f, body) {
    $('error').hidden = false;
    $('error-message').textContent = body.error;
    $('error-caret').textContent = body.caret ? f + '\n' + ' '.repeat(body.caret - 1) + '^' : '';
    $('error-caret').hidden = !body.caret;
  }

  // [∂x_k/∂x_l] by edge "l-k", from the terms of any tangent table (every table lists every parent).
  function locals() {
    const m = new Map();
    const any = Object.values(data.tangents)[0] || [];
    for (const r of any) for (const t of r.terms) m.set(t.from + '-' + r.id, t.local);
    return m;
  }

  function rows() {
    if (!data) return [];
    return mode === 'forward' ? (seed ? data.tangents[seed] : []) : data.adjoints;
  }

  function render() {
    if (!data) return;
    const rs = rows();
    step = Math.max(0, Math.min(step, rs.length));
    $('graph').setAttribute('class', mode);
    $('step').className = mode;
    $('mode-forward').setAttribute('aria-pressed', mode === 'forward');
    $('mode-reverse').setAttribute('aria-pressed', mode === 'reverse');
    $('seed-label').hidden = mode !== 'forward';
    for (const [id, v] of view.nodes) {
      v.g.classList.remove('done', 'current');
      v.deriv.textContent = '';
    }
    for (const e of view.edges.values()) e.classList.remove('active');
    const list = [];
    rs.slice(0, step).forEach((r, i) => {
      const v = view.nodes.get(r.id);
      if (!v) return;
      v.g.classList.add(i === step - 1 ? 'current' : 'done');
      v.deriv.textContent = (mode === 'forward' ? '∂x' + r.id + '/∂' + seed : '∂f/∂x' + r.id) + ' = ' + r.brief;
      list.push(r);
    });
    const cur = step > 0 ? rs[step - 1] : null;
    if (cur) for (const t of cur.terms) {
      const e = view.edges.get(mode === 'forward' ? t.from + '-' + cur.id : cur.id + '-' + t.from);
      if (e) e.classList.add('active');
    }
    const what = mode === 'forward' ? 'Forward sweep, seed ' + seed + ' (tangents ẋ = ∂x_k/∂' + seed + ')'
      : 'Reverse sweep from f (adjoints x̄ = ∂f/∂x_k)';
    $('step-title').textContent = what + ': step ' + step + ' of ' + rs.length;
    $('step-formula').textContent = cur ? cur.lhs + ' = ' + (cur.formula || cur.brief) : 'press step ▶ (or →) to begin';
    $('step-numbers').textContent = cur ? rowNumbers(cur) : '';
    $('rows').replaceChildren(...list.map((r, i) => {
      const li = document.createElement('li');
      li.textContent = r.lhs + ' ' + rowNumbers(r);
      li.setAttribute('data-id', r.id);
      if (i === list.length - 1) li.className = 'current';
      return li;
    }));
    const last = $('rows').lastElementChild;
    if (last) last.scrollIntoView({block: 'nearest'});
    result(rs);
  }

  // "= 0.5 × 1 = 0.5", "= 1    (seed: x1 is x)" or "= 2.0201    = ∂f/∂x": the numbers line of the text tables.
  function rowNumbers(r) {
    return '= ' + (r.numbers ? r.numbers + ' = ' + r.brief : r.brief) + (!r.note ? '' : r.note.startsWith('=') ? '    ' + r.note : '    (' + r.note + ')');
  }

  function result(rs) {
    const box = $('result');
    box.replaceChildren();
    const line = (text, cls, v) => {
      const d = document.createElement('div');
      d.textContent = text;
      if (cls) d.className = cls;
      if (v) d.setAttribute('data-var', v);
      box.appendChild(d);
    };
    line('f = ' + String(data.value), 'value');
    if (step < rs.length || rs.length === 0) {
      line(mode === 'forward' ? 'step to the end: the sweep gives ∂f/∂' + seed + ' only'
        : 'step to the end: the sweep gives every ∂f/∂input', 'hint');
      return;
    }
    const names = Object.keys(data.at);
    if (mode === 'forward') {
      const out = rs.find(r => r.id === data.output);
      line('∂f/∂' + seed + ' = ' + String(out ? out.value : 0), 'derivative', seed);
      line('(one forward sweep per input: choose another seed for the others)', 'hint');
    } else {
      const byName = new Map(data.nodes.filter(n => n.op === 'input').map(n => [n.input, n.id]));
      for (const v of names) {
        const r = rs.find(r => r.id === byName.get(v));
        line('∂f/∂' + v + ' = ' + String(r ? r.value : 0), 'derivative', v);
      }
      line('(one reverse sweep gives the whole gradient)', 'hint');
    }
  }

  function counts() {
    const c = data.counts;
    const ratio = c.staged ? ' = ' + (c.gradient / c.staged).toFixed(2) + ' × f' : '';
    const fd = Object.entries(data.finiteDifferences).map(([k, v]) => '∂f/∂' + k + ' ≈ ' + Graph.fmt(v)).join(', ');
    const table = document.createElement('table');
    for (const [k, v] of [['f as written (operators and calls)', c.written], ['f staged (nodes drawn)', c.staged],
      ['∇f staged: stage(grad(f))', c.gradient + ratio]]) {
      const tr = table.insertRow();
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = v;
    }
    const title = document.createElement('strong');
    title.textContent = 'Operation counts (cheap gradient principle)';
    const p = document.createElement('div');
    p.textContent = 'finite differences: ' + fd;
    $('counts').replaceChildren(title, table, p);
  }

  // Several expressions f: R^n -> R^m: the Jacobian (rows f1.., columns the variables), the mode the lecture's
  // rule picks and what each mode costs (forward one JVP per input, reverse one VJP per output).
  function jacobian(f, j) {
    const parts = f.split(';').map(s => s.trim()).filter(s => s.length > 0);
    const label = i => 'f' + (i + 1) + (parts.length === j.values.length ? ' = ' + parts[i] : '');
    const num = v => v === null ? 'not finite' : String(v);
    $('jacobian-shown').textContent = 'f(' + j.variables.join(', ') + ') = (' + parts.join('; ') + ')   at '
      + $('point').value.trim();
    const table = $('jacobian');
    table.replaceChildren();
    const cap = table.createCaption();
    cap.textContent = 'Jacobian ∂f_i/∂x_j: ' + j.values.length + ' × ' + j.variables.length;
    const head = table.createTHead().insertRow();
    for (const h of ['', 'value', ...j.variables.map(v => '∂/∂' + v)]) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    }
    const tbody = table.createTBody();
    j.jacobian.forEach((row, i) => {
      const tr = tbody.insertRow();
      const th = document.createElement('th');
      th.textContent = label(i);
      tr.appendChild(th);
      const val = tr.insertCell();
      val.textContent = num(j.values[i]);
      val.className = 'value';
      row.forEach((v, k) => {
        const td = tr.insertCell();
        td.textContent = num(v);
        td.setAttribute('data-row', i + 1);
        td.setAttribute('data-var', j.variables[k]);
      });
    });
    const c = j.cost, box = $('mode-choice');
    box.replaceChildren();
    const add = (tag, text, cls) => {
      const e = document.createElement(tag);
      e.textContent = text;
      if (cls) e.className = cls;
      box.appendChild(e);
      return e;
    };
    add('strong', 'Mode: ' + j.mode, 'chosen ' + j.mode).id = 'mode-chosen';
    add('p', 'f: ℝ^' + c.inputs + ' → ℝ^' + c.outputs + ' (n = ' + c.inputs + ' inputs, m = ' + c.outputs + ' outputs)');
    const t = document.createElement('table');
    t.id = 'cost';
    for (const [m, what, k] of [['forward', 'JVPs (one per input, a column each)', c.forward.jvps],
      ['reverse', 'VJPs (one per output, a row each)', c.reverse.vjps]]) {
      const tr = t.insertRow();
      if (m === j.mode) tr.className = 'chosen ' + m;
      tr.insertCell().textContent = m;
      tr.insertCell().textContent = k + ' ' + what;
      tr.insertCell().textContent = c[m].passes + (c[m].passes === 1 ? ' pass' : ' passes');
    }
    box.appendChild(t);
    add('p', 'cost: ' + c.forward.passes + ' forward passes (n) vs ' + c.reverse.passes + ' reverse passes (m); '
      + c.rule, 'hint');
  }

  function go(d) { step += d; render(); }
  function setMode(m) { mode = m; step = 0; render(); }

  $('form').addEventListener('submit', e => { e.preventDefault(); explain(); });
  $('next').addEventListener('click', () => go(1));
  $('prev').addEventListener('click', () => go(-1));
  $('first').addEventListener('click', () => { step = 0; render(); });
  $('last').addEventListener('click', () => { step = rows().length; render(); });
  $('mode-forward').addEventListener('click', () => setMode('forward'));
  $('mode-reverse').addEventListener('click', () => setMode('reverse'));
  $('seed').addEventListener('change', e => { seed = e.target.value; step = 0; render(); });
  for (const b of document.querySelectorAll('#examples button')) {
    b.addEventListener('click', () => { $('formula').value = b.dataset.f; $('point').value = b.dataset.at; explain(); });
  }
  document.addEventListener('keydown', e => {
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    if (k === 'ArrowRight' || k === ' ' || k === 'n') go(1);
    else if (k === 'ArrowLeft' || k === 'p') go(-1);
    else if (k === 'f') setMode('forward');
    else if (k === 'r') setMode('reverse');
    else if (k === 'Home') { step = 0; render(); }
    else if (k === 'End') { step = rows().length; render(); }
    else return;
    e.preventDefault();
  });
  explain();
})();
