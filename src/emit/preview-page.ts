/**
 * preview.html: every action and trigger as the flow designer presents them, in one
 * self-contained page (inline style and script, a Content-Security-Policy that allows nothing
 * from elsewhere). Pure and deterministic: the same swagger and diagnostics give the same bytes.
 * `pcdk preview` serves the same page with `live` set, which only flips the body's data-live
 * attribute: its script then fills dynamic dropdowns and runs test calls on 127.0.0.1.
 */
import type { Diagnostic } from '../diagnostics';
import type { SwaggerDocument } from '../swagger/document';
import type { Found } from '../swagger/found';
import { previewModel } from '../preview/build-model';
import { esc, idPart, jsonAttr } from '../preview/html';
import type { FieldInput, Finding, PreviewCard, PreviewInput, PreviewModel } from '../preview/model';
import { pageScript } from '../preview/page-script';
import { PAGE_STYLE } from '../preview/page-style';
import { WORDING, type WordKey } from '../preview/wording';

export interface PreviewPageOptions {
  /** Served by `pcdk preview` / `pcdk serve`: dropdowns and the Test panel call the replay server. */
  live?: boolean;
}

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The live attribute: the one difference between the built page and the served one. */
export function liveAttribute(live: boolean): string {
  return `data-live="${live ? 'on' : 'off'}"`;
}

export function emitPreviewPage(
  doc: Found<SwaggerDocument>,
  diagnostics: readonly Diagnostic[] = [],
  opts: PreviewPageOptions = {},
): string {
  return renderPage(previewModel(doc, diagnostics), opts.live === true);
}

function w(key: WordKey): string {
  return `<span data-w="${key}">${esc(WORDING['power-automate'][key])}</span>`;
}

function renderPage(m: PreviewModel, live: boolean): string {
  const title = m.title || 'Connector';
  const triggers = m.cards.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'trigger');
  const actions = m.cards.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'action');
  const group = (id: string, heading: string, cards: (readonly [PreviewCard, number])[]): string =>
    cards.length === 0
      ? ''
      : `<section class="group" aria-labelledby="${id}">\n<h2 id="${id}">${heading}</h2>\n${cards.map(([c, i]) => renderCard(c, i)).join('\n')}\n</section>\n`;
  const connectorWarnings = m.findings.length === 0 ? '' : `${badge(m.findings, 'about the connector')}\n`;
  return `<!doctype html>
<html lang="en" data-host="power-automate">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="pcdk">
<title>${esc(title)}: designer preview</title>
<style>${PAGE_STYLE}</style>
</head>
<body ${liveAttribute(live)}>
<header class="top">
<h1>${esc(title)}</h1>
<p class="lead">How each action and trigger of ${esc(title)} looks in the ${w('product')} designer: the card, its inputs as a maker fills them in, and the dynamic content ${w('laterStep')} sees.</p>
<div class="tools">
<div><label for="search">Search operations</label><input id="search" type="search" autocomplete="off"></div>
<fieldset class="wording"><legend>Wording</legend>
<label><input type="radio" name="host" value="power-automate" checked> Power Automate</label>
<label><input type="radio" name="host" value="logic-apps"> Logic Apps</label>
</fieldset>
<p id="count" role="status">${m.cards.length} of ${m.cards.length} operations</p>
</div>
${connectorWarnings}</header>
<main>
${group('triggers-heading', 'Triggers', triggers)}${group('actions-heading', 'Actions', actions)}<p id="no-match" hidden>No operation matches the search.</p>
</main>
<script>${pageScript()}</script>
</body>
</html>
`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The warning badge: counts by severity, the messages when opened. */
function badge(findings: readonly Finding[], about: string): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
  const items = findings.map((f) => `<li><span class="sev">${f.severity}:</span> ${esc(f.text)}</li>`).join('');
  return `<details class="warn"><summary><span class="badge">${counts}${about ? ` ${about}` : ''}</span></summary><ul>${items}</ul></details>`;
}

function searchText(c: PreviewCard): string {
  const labels: string[] = [];
  const walk = (inputs: readonly PreviewInput[]): void => {
    for (const i of inputs) {
      labels.push(i.label);
      if (i.kind === 'array') walk(i.item);
    }
  };
  walk(c.inputs);
  return [c.title, c.description, c.operationId, ...labels].join(' ').toLowerCase();
}

function renderCard(c: PreviewCard, index: number): string {
  const id = `c${index}`;
  const tags = [
    c.kind === 'trigger' ? 'Trigger' : '',
    c.important ? 'Important' : '',
    c.advanced ? 'Advanced' : '',
    c.deprecated ? 'Deprecated' : '',
  ].filter(Boolean);
  const warnings = c.findings.length === 0 ? '' : badge(c.findings, '');
  const shown = c.inputs.filter((i) => !i.advanced);
  const advanced = c.inputs.filter((i) => i.advanced);
  let n = 0;
  const next = (): string => `${id}-f${n++}`;
  const inputs =
    c.inputs.length === 0
      ? '<p class="help">This operation takes no inputs.</p>'
      : [
          ...shown.map((i) => renderInput(i, next())),
          advanced.length === 0
            ? ''
            : `<div class="advanced"><p class="adv-head">Advanced parameters <span class="help">(${advanced.length})</span></p>
<button type="button" class="show-all" aria-expanded="false" aria-controls="${id}-adv">${w('showAll')}</button>
<div id="${id}-adv" class="adv-fields" hidden>
${advanced.map((i) => renderInput(i, next())).join('\n')}
</div></div>`,
        ]
          .filter(Boolean)
          .join('\n');
  const outputs =
    c.outputs.length === 0
      ? '<p class="help">This operation returns no dynamic content.</p>'
      : `<ul class="tokens">${c.outputs
          .map(
            (t) =>
              `<li class="token"><span class="token-title">${esc(t.title)}</span><span class="token-type">${esc(t.type)}</span>` +
              `<span class="token-more"><code>${esc(t.path || 'body')}</code>${t.perItemOf ? ` · each item of ${esc(t.perItemOf)}` : ''}${t.description ? ` · ${esc(t.description)}` : ''}</span></li>`,
          )
          .join('\n')}</ul>`;
  return `<article class="card" id="card-${idPart(c.operationId)}" data-operation="${esc(c.operationId)}" data-search="${esc(searchText(c))}" aria-labelledby="${id}-title">
<div class="card-head"><h3 class="card-title" id="${id}-title">${esc(c.title)}</h3>${tags.map((t) => `<span class="tag">${t}</span>`).join('')}${warnings}</div>
${c.description ? `<p class="card-desc">${esc(c.description)}</p>\n` : ''}<p class="card-op"><code>${esc(c.method)} ${esc(c.path)}</code> <code>${esc(c.operationId)}</code></p>
<form class="inputs">
${inputs}
</form>
<div class="outputs">
<h4>Dynamic content</h4>
<p class="help">What ${w('laterStep')} can use from this ${c.kind === 'trigger' ? 'trigger' : 'action'}.</p>
${outputs}
</div>
<div class="test">
<h4>Test</h4>
<button type="button" class="run" disabled>Test operation</button>
<p class="static-note">Test calls and dynamic dropdowns run under <code>pcdk preview</code>, against the recordings.</p>
<div class="result" role="status"></div>
</div>
</article>`;
}

function renderInput(i: PreviewInput, id: string): string {
  if (i.kind === 'field') return renderField(i, id);
  const items = `${id}-items`;
  const fields = i.item.map((f, k) => renderField(f, `${id}__0__${k}`)).join('\n');
  return `<fieldset class="array" id="${id}">
<legend><span class="label-text">${esc(i.label)}</span>${requiredMark(i.required)}</legend>
${i.description || i.key ? `<p class="help">${esc(i.description)} <code>${esc(i.key)}</code> array</p>\n` : ''}<div class="items" id="${items}">
<div class="item" data-item="0"><p class="item-title">Item 1</p>
${fields}
</div>
</div>
<button type="button" class="add-item" aria-controls="${items}">Add new item</button>
</fieldset>`;
}

/** The required star, hidden from screen readers: the control's `required` says it to them. */
function requiredMark(required: boolean): string {
  return required ? '<span class="req" aria-hidden="true">*</span>' : '';
}

function renderField(f: FieldInput, id: string): string {
  const target =
    f.target.in === 'body'
      ? `data-in="body" data-path="${jsonAttr(f.target.path)}"`
      : `data-in="${f.target.in}" data-name="${esc(f.target.name)}"`;
  const described = [`${id}-d`, ...(f.dynamic ? [`${id}-s`] : [])].join(' ');
  const common = `id="${id}" ${target} data-type="${esc(f.type)}" aria-describedby="${described}"${f.required ? ' required aria-required="true"' : ''}`;
  let control: string;
  if (f.control === 'dynamic' && f.dynamic) {
    control = `<select ${common} data-dynamic="${jsonAttr(f.dynamic)}"><option value="">Select a value</option></select>
<p class="dyn-status" id="${id}-s">Filled from ${esc(f.dynamic.operationId)} under pcdk preview</p>`;
  } else if (f.control === 'choice') {
    const selected = (v: string): string => (f.defaultValue === v ? ' selected' : '');
    control = `<select ${common}><option value="">${f.defaultValue === undefined ? 'Select a value' : 'Default'}</option>${f.choices
      .map((ch) => `<option value="${esc(ch.value)}"${selected(ch.value)}>${esc(ch.title)}</option>`)
      .join('')}</select>`;
  } else if (f.control === 'json') {
    control = `<textarea ${common} spellcheck="false"></textarea>`;
  } else {
    const mode = /^(integer|number|float|double)$/.test(f.type) ? ' inputmode="decimal"' : '';
    const placeholder = f.defaultValue !== undefined ? ` placeholder="${esc(f.defaultValue)}"` : '';
    control = `<input type="text" ${common}${mode}${placeholder} autocomplete="off">`;
  }
  const help = `${f.description ? `${esc(f.description)} ` : ''}<code>${esc(f.key)}</code> ${esc(f.type)}${f.control === 'json' ? ' (JSON)' : ''}`;
  // The star sits outside the label, so the label's text is exactly the designer's label.
  return `<div class="field"><label for="${id}"><span class="label-text">${esc(f.label)}</span></label>${requiredMark(f.required)}
${control}
<p class="help" id="${id}-d">${help}</p></div>`;
}
