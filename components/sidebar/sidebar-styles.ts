/**
 * The sidebar's stylesheet, placed inside its shadow root: nothing here
 * reaches the page, and `:host { all: initial }` stops the page's inherited
 * styles (font, colour, line height) from reaching in.
 */
export const SIDEBAR_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.sidebar {
  --bg: #fbfaf7; --fg: #1f1f1f; --muted: #6b6b6b; --line: #e2ded5; --accent: #b22222;
  --hover: #f0ece3; --current: #fbe9e7;
  position: relative; display: flex; flex-direction: column; height: 100%;
  background: var(--bg); color: var(--fg); border-left: 1px solid var(--line);
  box-shadow: -2px 0 12px rgba(0,0,0,.08);
  font: 14px/1.6 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
  text-align: left; direction: ltr;
}
@media (prefers-color-scheme: dark) {
  .sidebar { --bg: #1e1e1e; --fg: #e6e6e6; --muted: #a0a0a0; --line: #3a3a3a; --accent: #ff7b6b;
    --hover: #2b2b2b; --current: #3a2623; }
}
button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.resize { position: absolute; left: -4px; top: 0; bottom: 0; width: 8px; cursor: ew-resize; z-index: 1; touch-action: none; }
.sidebar[data-side="left"] { border-left: none; border-right: 1px solid var(--line); }
.sidebar[data-side="left"] .resize { left: auto; right: -4px; }
.bar { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; color: var(--accent); margin-right: auto; }
.levels { display: flex; gap: 2px; }
.level { min-width: 24px; padding: 0 6px; border: 1px solid var(--line); border-radius: 4px; }
.level[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.icon { width: 26px; height: 26px; border-radius: 4px; font-size: 18px; line-height: 1; }
.icon:hover, .item:hover, .more:hover { background: var(--hover); }
.scroll { flex: 1; overflow: auto; padding: 10px 12px; overscroll-behavior: contain; }
.meta-title { font-size: 17px; margin: 0 0 4px; line-height: 1.4; }
.meta-subtitle { margin: 0 0 4px; color: var(--muted); }
.meta-line { margin: 0; color: var(--muted); font-size: 13px; }
.meta-label { color: var(--muted); font-size: 12px; }
.meta { margin-bottom: 10px; padding-bottom: 8px; border-bottom: 1px dashed var(--line); }
.tree { list-style: none; margin: 0; padding: 0; }
.tree .tree { padding-left: 14px; border-left: 1px solid var(--line); margin-left: 6px; }
.row { display: flex; align-items: flex-start; }
.item { flex: 1; text-align: left; padding: 3px 6px; border-radius: 4px; }
.item[aria-current="true"] { background: var(--current); box-shadow: inset 3px 0 0 var(--accent); }
.node[data-level="1"] > .row .item { font-weight: 600; }
.marker { color: var(--accent); margin-right: 4px; }
.more { padding: 3px 6px; color: var(--muted); border-radius: 4px; }
.fulltext { margin: 2px 6px 6px 12px; color: var(--muted); font-size: 13px; }
.folded { margin-left: 6px; padding: 0 5px; border-radius: 8px; background: var(--line); color: var(--muted); font-size: 11px; font-weight: normal; }
.more-points { padding: 3px 6px; color: var(--muted); font-size: 13px; font-style: italic; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.section { margin-top: 14px; }
.section-title { font-size: 13px; color: var(--muted); margin: 0 0 4px; font-weight: 600; }
.plain { list-style: none; margin: 0; padding: 0; }
.times { color: var(--muted); font-size: 12px; }
.digest-line, .conclusion { margin: 0 0 6px; }
.status { color: var(--muted); margin: 16px 0; }
.foot { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 10px; border-top: 1px solid var(--line); font-size: 13px; }
.copy { padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; }
.always { display: flex; align-items: center; gap: 4px; color: var(--muted); cursor: pointer; }
.hl-count { font-size: 12px; color: var(--muted); white-space: nowrap; }
.hl-list { list-style: none; margin: 2px 0 6px 10px; padding: 0; }
.hl { display: flex; gap: 6px; align-items: flex-start; padding: 3px 0; font-size: 13px; }
.swatch { flex: none; width: 10px; height: 10px; margin-top: 6px; border-radius: 2px; }
.swatch[data-color="yellow"] { background: #f5c400; } .swatch[data-color="green"] { background: #3fb66b; }
.swatch[data-color="blue"] { background: #4a90e2; } .swatch[data-color="pink"] { background: #e8589c; }
.swatch[data-color="purple"] { background: #9a6cf0; }
.hl-body { flex: 1; min-width: 0; }
.hl-text { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; text-align: left; padding: 0; line-height: 1.5; }
button.hl-text:hover { text-decoration: underline; }
.hl-note { margin: 2px 0; padding-left: 6px; border-left: 2px solid var(--line); color: var(--muted); white-space: pre-wrap; overflow-wrap: anywhere; }
.hl-actions { display: flex; gap: 8px; }
.hl-actions button, .hl-actions a { color: var(--muted); font-size: 12px; padding: 0; }
.hl-actions button:hover, .hl-actions a:hover { color: var(--accent); }
.note-input { width: 100%; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px; resize: vertical; }
.editor-actions { display: flex; gap: 6px; margin-top: 2px; }
.editor-actions button { padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; font-size: 12px; }
.note-frame { display: block; width: 100%; height: 96px; border: 0; color-scheme: normal; }
.note-frame-status { margin: 2px 0; font-size: 12px; }
.orphans .hl-text { color: var(--muted); }
.hl[data-target="true"] { background: var(--current); box-shadow: inset 3px 0 0 var(--accent); padding-left: 6px; border-radius: 4px; }
.hl[data-target="true"]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.hl-link-notice { margin: 0 0 10px; padding: 6px 8px; border-left: 3px solid var(--accent); background: var(--current); border-radius: 4px; font-size: 13px; }
.hint { font-size: 12px; color: var(--muted); margin: 0 0 4px; }
.collapsed { align-items: center; padding-top: 10px; }
.expand { width: 28px; height: 28px; border-radius: 4px; background: var(--accent); color: #fff; font-weight: 700; }
`;
