/**
 * The preview page's one inline script, as text: plain ES2017 for any browser, no framework, no
 * network beyond its own origin. It filters cards, toggles advanced inputs and the wording, adds
 * array items, and (only when the server marks the page live) fills dynamic dropdowns and runs
 * test calls through the preview's JSON endpoints. It writes author text with textContent only.
 * Kept as a string, not compiled code, so the page is byte-identical whichever compiler built pcdk.
 */
import { DEFAULT_HOST, WORDING } from './wording';

/** The endpoints, relative to the page (served at /_pcdk/preview/). */
export const LIVE_ENDPOINTS = { invoke: 'invoke', values: 'values' } as const;

export function pageScript(): string {
  return `(function () {
'use strict';
var WORDING = ${JSON.stringify(WORDING)};
var host = ${JSON.stringify(DEFAULT_HOST)};
var live = document.body.getAttribute('data-live') === 'on';
function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
function applyWording() {
  var words = WORDING[host];
  all('[data-w]').forEach(function (el) { var k = el.getAttribute('data-w'); if (words[k]) el.textContent = words[k]; });
}
all('input[name="host"]').forEach(function (r) {
  r.addEventListener('change', function () {
    if (!r.checked) return;
    host = r.value;
    document.documentElement.setAttribute('data-host', host);
    applyWording();
  });
});

var search = document.getElementById('search');
var count = document.getElementById('count');
var cards = all('.card');
function filter() {
  var q = search.value.trim().toLowerCase();
  var shown = 0;
  cards.forEach(function (c) {
    var hit = !q || c.getAttribute('data-search').indexOf(q) >= 0;
    c.hidden = !hit;
    if (hit) shown++;
  });
  all('.group').forEach(function (g) { g.hidden = !g.querySelector('.card:not([hidden])'); });
  document.getElementById('no-match').hidden = shown > 0;
  count.textContent = shown + ' of ' + cards.length + ' operations';
}
search.addEventListener('input', filter);

all('.show-all').forEach(function (b) {
  b.addEventListener('click', function () {
    var open = b.getAttribute('aria-expanded') !== 'true';
    b.setAttribute('aria-expanded', String(open));
    document.getElementById(b.getAttribute('aria-controls')).hidden = !open;
    var label = b.querySelector('[data-w]');
    label.setAttribute('data-w', open ? 'hideAll' : 'showAll');
    label.textContent = WORDING[host][open ? 'hideAll' : 'showAll'];
  });
});

all('.add-item').forEach(function (b) {
  b.addEventListener('click', function () {
    var items = document.getElementById(b.getAttribute('aria-controls'));
    var n = items.querySelectorAll('.item').length;
    var clone = items.querySelector('.item').cloneNode(true);
    clone.setAttribute('data-item', String(n));
    all('[id],[for],[aria-describedby],[aria-labelledby]', clone).forEach(function (el) {
      ['id', 'for', 'aria-describedby', 'aria-labelledby'].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v) el.setAttribute(a, v.split('__0__').join('__' + n + '__'));
      });
    });
    all('input,textarea', clone).forEach(function (el) { el.value = ''; });
    all('select', clone).forEach(function (el) { el.selectedIndex = 0; });
    clone.querySelector('.item-title').textContent = 'Item ' + (n + 1);
    items.appendChild(clone);
    var first = clone.querySelector('input,select,textarea');
    if (first) first.focus();
  });
});

function valueOf(el) {
  var v = el.value;
  if (v === '') return undefined;
  var t = el.getAttribute('data-type') || '';
  if (el.tagName === 'TEXTAREA') { try { return JSON.parse(v); } catch (e) { return v; } }
  if (/^(integer|number|float|double)$/.test(t) && /^-?\\d+(\\.\\d+)?$/.test(v.trim())) return Number(v);
  if (t === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}
/** The card's filled-in inputs: named parameters, and the body assembled from its flattened fields. */
function collect(card) {
  var params = {};
  var body;
  all('[data-in]', card).forEach(function (el) {
    var v = valueOf(el);
    if (v === undefined) return;
    var item = el.closest('.item');
    if (el.getAttribute('data-in') !== 'body') {
      var name = el.getAttribute('data-name');
      params[name] = item && params[name] !== undefined ? params[name] + ',' + String(v) : v;
      return;
    }
    var path = JSON.parse(el.getAttribute('data-path'));
    var index = item ? Number(item.getAttribute('data-item')) : 0;
    if (path.length === 0) { body = v; return; }
    if (body === undefined || body === null || typeof body !== 'object') body = path[0] === '[]' ? [] : {};
    var node = body;
    for (var i = 0; i < path.length; i++) {
      var seg = path[i] === '[]' ? index : path[i];
      if (i === path.length - 1) { node[seg] = v; break; }
      if (node[seg] === undefined || node[seg] === null) node[seg] = path[i + 1] === '[]' ? [] : {};
      node = node[seg];
    }
  });
  return { params: params, body: compact(body) };
}
/** Items left empty leave holes in arrays: the request carries the filled ones only. */
function compact(v) {
  if (Array.isArray(v)) return v.filter(function () { return true; }).map(compact);
  if (v && typeof v === 'object') {
    var o = {};
    Object.keys(v).forEach(function (k) { o[k] = compact(v[k]); });
    return o;
  }
  return v;
}
function post(path, payload) {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })
    .then(function (r) { return r.json(); });
}

var pending = {};
function fill(select) {
  var spec = JSON.parse(select.getAttribute('data-dynamic'));
  var values = collect(select.closest('.card')).params;
  var params = {};
  Object.keys(spec.parameters).forEach(function (k) {
    var p = spec.parameters[k];
    if ('parameter' in p) { if (values[p.parameter] !== undefined) params[k] = values[p.parameter]; }
    else params[k] = p.value;
  });
  var request = { operationId: spec.operationId, params: params, collection: spec.collection, valuePath: spec.valuePath, titlePath: spec.titlePath };
  var key = JSON.stringify(request);
  if (select.getAttribute('data-key') === key) return;
  select.setAttribute('data-key', key);
  var status = document.getElementById(select.id + '-s');
  status.textContent = 'Loading values from ' + spec.operationId;
  (pending[key] = pending[key] || post('${LIVE_ENDPOINTS.values}', request)).then(function (r) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    if (r.error) { status.textContent = r.error; return; }
    r.items.forEach(function (it) {
      var o = document.createElement('option');
      o.value = it.value;
      o.textContent = it.title;
      select.appendChild(o);
    });
    select.value = keep;
    if (select.selectedIndex < 0) select.selectedIndex = 0;
    status.textContent = r.items.length + ' values from ' + spec.operationId;
    select.setAttribute('data-filled', String(r.items.length));
  }, function (e) { status.textContent = 'pcdk preview did not answer: ' + e.message; });
}

function line(cls, text) {
  var p = document.createElement('p');
  p.className = cls;
  p.textContent = text;
  return p;
}
function run(card) {
  var out = card.querySelector('.result');
  var call = collect(card);
  out.textContent = '';
  out.appendChild(line('result-status', 'Calling ' + card.getAttribute('data-operation')));
  post('${LIVE_ENDPOINTS.invoke}', { operationId: card.getAttribute('data-operation'), params: call.params, body: call.body }).then(function (r) {
    out.textContent = '';
    if (!r.status) { out.appendChild(line('result-status bad', r.error || 'no answer')); return; }
    var ok = r.status >= 200 && r.status < 300;
    out.appendChild(line('result-status ' + (ok ? 'ok' : 'bad'), 'Status ' + r.status + (ok ? '' : ': the request was refused')));
    out.appendChild(line('result-request', r.request.method + ' ' + r.request.url));
    var pre = document.createElement('pre');
    pre.className = 'result-body';
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', 'Response body');
    pre.textContent = typeof r.body === 'string' ? r.body : JSON.stringify(r.body, null, 2);
    out.appendChild(pre);
  }, function (e) { out.textContent = ''; out.appendChild(line('result-status bad', 'pcdk preview did not answer: ' + e.message)); });
}

if (live) {
  all('.static-note').forEach(function (n) { n.hidden = true; });
  all('select[data-dynamic]').forEach(function (s) {
    fill(s);
    s.addEventListener('focus', function () { fill(s); });
  });
  all('.run').forEach(function (b) {
    b.disabled = false;
    b.addEventListener('click', function () { run(b.closest('.card')); });
  });
}
all('form.inputs').forEach(function (f) { f.addEventListener('submit', function (e) { e.preventDefault(); }); });
document.body.setAttribute('data-ready', 'true');
})();
`;
}
