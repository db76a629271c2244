/**
 * The sidebar's host element: a `<div>` with a CLOSED shadow root holding the
 * sidebar's styles and app (shadow-host.ts says why). Attached to <html>,
 * outside <body>, so the engine and the quick check, which read the body,
 * never see it, and a single-page app that replaces <body> keeps it.
 */
import { SIDEBAR_CSS } from '../components/sidebar/sidebar-styles.ts';
import { attachShadowHost, importantStyle } from './shadow-host.ts';

/** Width of the collapsed tab, in CSS pixels. */
export const COLLAPSED_WIDTH = 40;

export interface SidebarHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element the Preact app renders into. */
  mount: HTMLElement;
  /** Places the host: its width, on the window's left or right side. */
  setWidth(width: number, side?: Side): void;
  remove(): void;
}

export type Side = 'left' | 'right';

/** Inline `!important` declarations: the page's stylesheets cannot override them. */
function hostStyle(width: number, side: Side): string {
  return importantStyle([
    'all: initial',
    'position: fixed',
    'top: 0',
    `${side}: 0`,
    'bottom: 0',
    `width: ${Math.round(width)}px`,
    'height: 100vh',
    'z-index: 2147483646',
    'display: block',
  ]);
}

/** Creates and attaches the host. */
export function createSidebarHost(doc: Document, width: number, side: Side = 'right'): SidebarHost {
  const { host, shadow, mount } = attachShadowHost(doc, hostStyle(width, side), SIDEBAR_CSS);
  mount.style.height = '100%';
  return {
    host,
    shadow,
    mount,
    setWidth: (w, s = side) => host.setAttribute('style', hostStyle(w, s)),
    remove: () => host.remove(),
  };
}
