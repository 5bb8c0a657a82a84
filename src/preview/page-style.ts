/**
 * The preview page's inline stylesheet: cards laid out like the designer's, colours chosen for
 * WCAG AA contrast (the page is checked with axe). No web fonts, no images: nothing to fetch.
 */
export const PAGE_STYLE = `
:root { --ink: #1b1b1b; --muted: #4d4d4d; --line: #c8c8c8; --accent: #0f5fa8; --bg: #f5f5f5; --warn-bg: #fff4ce; --warn-ink: #5c3c00; --bad: #a4262c; --ok: #0e6b0e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--ink); background: var(--bg); }
header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 16px 24px; }
h1 { margin: 0 0 4px; font-size: 22px; }
.lead { margin: 0 0 12px; color: var(--muted); max-width: 70em; }
.tools { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; }
.tools label { font-weight: 600; margin-right: 6px; }
#search { width: 22em; max-width: 100%; padding: 6px 8px; border: 1px solid #767676; border-radius: 4px; font: inherit; }
fieldset.wording { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; align-items: center; }
fieldset.wording legend { float: left; font-weight: 600; margin-right: 6px; padding: 0; }
#count { margin: 0; color: var(--muted); }
main { padding: 8px 24px 48px; max-width: 980px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
.card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; margin: 0 0 16px; padding: 12px 16px; }
.card-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.card-title { margin: 0; font-size: 16px; }
.tag { font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; color: var(--muted); }
.card-desc { margin: 4px 0; }
.card-op { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
code { font-family: Consolas, "Courier New", monospace; font-size: 12px; background: #f0f0f0; padding: 0 3px; border-radius: 2px; }
details.warn { flex-basis: 100%; background: var(--warn-bg); color: var(--warn-ink); border-radius: 4px; padding: 4px 8px; }
details.warn summary { cursor: pointer; font-weight: 600; }
details.warn ul { margin: 4px 0; padding-left: 20px; }
.inputs { margin: 8px 0; }
.field { margin: 0 0 10px; }
.field label, .array legend { display: inline-block; font-weight: 600; margin-bottom: 2px; }
.req { color: var(--bad); margin-left: 2px; }
.field input, .field select, .field textarea { display: block; width: 100%; max-width: 36em; padding: 6px 8px; border: 1px solid #767676; border-radius: 4px; font: inherit; background: #fff; color: var(--ink); }
.field textarea { min-height: 4em; font-family: Consolas, "Courier New", monospace; }
.help { margin: 2px 0 0; color: var(--muted); font-size: 12px; }
.dyn-status { margin: 2px 0 0; color: var(--muted); font-size: 12px; font-style: italic; }
fieldset.array { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 10px; padding: 6px 12px 10px; }
.item { border-top: 1px dashed var(--line); padding-top: 6px; }
.item-title { margin: 0 0 4px; font-size: 12px; color: var(--muted); }
button { font: inherit; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
.show-all, .add-item { background: none; border: 1px solid transparent; color: var(--accent); padding: 2px 4px; text-decoration: underline; }
.run { background: var(--accent); color: #fff; border: 1px solid var(--accent); }
.run:disabled { background: #e6e6e6; color: #4d4d4d; border-color: #c8c8c8; cursor: not-allowed; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, pre:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
.adv-head { margin: 8px 0 4px; font-weight: 600; }
h4 { margin: 12px 0 4px; font-size: 14px; }
.tokens { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 4px 12px; }
.token { border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px; }
.token-title { font-weight: 600; }
.token-type { color: var(--muted); font-size: 12px; margin-left: 6px; }
.token-more { display: block; color: var(--muted); font-size: 12px; }
.static-note { color: var(--muted); font-size: 12px; margin: 4px 0; }
.result-status.ok { color: var(--ok); font-weight: 600; }
.result-status.bad { color: var(--bad); font-weight: 600; }
.result-request { font-family: Consolas, "Courier New", monospace; font-size: 12px; margin: 2px 0; word-break: break-all; }
.result-body { background: #f0f0f0; padding: 8px; border-radius: 4px; max-height: 20em; overflow: auto; font-size: 12px; }
[hidden] { display: none !important; }
`;
