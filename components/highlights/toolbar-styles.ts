/**
 * The selection toolbar's stylesheet, inside its own shadow root: nothing
 * here reaches the page and `:host { all: initial }` keeps the page's
 * inherited styles out.
 */
export const TOOLBAR_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.toolbar {
  --bg: #fbfaf7; --fg: #1f1f1f; --line: #d8d3c8; --accent: #b22222; --muted: #6b6b6b;
  display: inline-flex; flex-direction: column; gap: 6px; padding: 6px 8px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18);
  font: 13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
  text-align: left; direction: ltr;
}
@media (prefers-color-scheme: dark) {
  .toolbar { --bg: #242424; --fg: #e6e6e6; --line: #444; --accent: #ff7b6b; --muted: #a0a0a0; }
}
.buttons { display: flex; align-items: center; gap: 6px; }
button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.color { width: 20px; height: 20px; border-radius: 50%; border: 2px solid transparent; }
.color[aria-pressed="true"] { border-color: var(--fg); }
.color[data-color="yellow"] { background: #f5c400; } .color[data-color="green"] { background: #3fb66b; }
.color[data-color="blue"] { background: #4a90e2; } .color[data-color="pink"] { background: #e8589c; }
.color[data-color="purple"] { background: #9a6cf0; }
.note, .remove, .editor-actions button { padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; }
.remove { color: var(--accent); }
.note-input { width: 260px; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px; resize: vertical; display: block; }
.editor-actions { display: flex; gap: 6px; margin-top: 4px; }
.note-frame { display: block; width: 272px; height: 96px; border: 0; margin-top: 4px; color-scheme: normal; }
.note-frame-status { margin: 4px 0 0; max-width: 272px; font-size: 12px; }
`;
