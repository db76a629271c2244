/**
 * The host of the selection toolbar: a `<div>` with a CLOSED shadow root
 * (shadow-host.ts says why) with its own styles, on <html> outside <body>
 * like the sidebar, positioned with inline `!important` declarations.
 */
import { TOOLBAR_CSS } from '../components/highlights/toolbar-styles.ts';
import { attachShadowHost, importantStyle } from './shadow-host.ts';

export interface ToolbarHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  /** Places the toolbar next to a viewport rectangle: above it when there is room, else below. */
  placeNear(rect: { top: number; bottom: number; left: number }): void;
  remove(): void;
}

const TOOLBAR_HEIGHT = 44;
const MARGIN = 8;

function style(left: number, top: number): string {
  return importantStyle([
    'all: initial',
    'position: fixed',
    `left: ${Math.round(left)}px`,
    `top: ${Math.round(top)}px`,
    'z-index: 2147483647',
    'display: block',
  ]);
}

export function createToolbarHost(doc: Document, win: Window): ToolbarHost {
  const { host, shadow, mount } = attachShadowHost(doc, style(-9999, -9999), TOOLBAR_CSS);
  return {
    host,
    shadow,
    mount,
    placeNear(rect) {
      const above = rect.top - TOOLBAR_HEIGHT - MARGIN;
      const top =
        above >= MARGIN ? above : Math.min(win.innerHeight - TOOLBAR_HEIGHT, rect.bottom + MARGIN);
      const width = host.getBoundingClientRect().width || 240;
      const left = Math.max(MARGIN, Math.min(rect.left, win.innerWidth - width - MARGIN));
      host.setAttribute('style', style(left, Math.max(MARGIN, top)));
    },
    remove: () => host.remove(),
  };
}
