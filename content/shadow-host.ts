/**
 * What the sidebar and the selection toolbar hosts share: a plain `<div>`
 * with a CLOSED shadow root holding its own stylesheet and a mount element
 * for the Preact app, attached to <html> outside <body>, and styled with
 * inline `!important` declarations the page's stylesheets cannot override.
 *
 * Why it is built this way (README → Privacy):
 * - Closed: `host.shadowRoot` is null for the page's scripts, so nothing the
 *   sidebar shows (notes, quotes, the outline) can be read or clicked by them.
 *   Only the content script holds the root.
 * - A `<div>` in the XHTML namespace, not a custom element: a page cannot
 *   pre-define (or later define and upgrade) a tag name it has seen, and an
 *   XML or SVG document still gets an element that can host a shadow root.
 * - Keys, text input, composition, clipboard and click events that start
 *   inside stop at the root, so the page's own (bubbling) listeners —
 *   shortcuts, analytics — never see them. A listener the page registers for
 *   the capture phase runs before the event reaches us and is not stopped by
 *   this: it sees the outline's navigation keys and clicks. A note's keys it
 *   never sees, since notes are typed in the extension-origin editor frame
 *   (NoteFrame); README → Privacy says so.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Events that carry what the reader types, copies or clicks in our UI; they do not leave our root. */
const CONTAINED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'copy',
  'cut',
  'paste',
] as const;

/** The hosts this content script made: how its listeners tell our UI from the page's. */
const ours = new WeakSet<Node>();

/** Whether `node` is the host of Gangmu's sidebar or toolbar. */
export function isOurHost(node: Node | null | undefined): boolean {
  return !!node && ours.has(node);
}

/** Inline declarations, each marked `!important`. */
export function importantStyle(declarations: readonly string[]): string {
  return declarations.map((d) => `${d} !important`).join('; ');
}

export interface ShadowHost {
  host: HTMLElement;
  /** The closed root: reachable only through this object, never from the page. */
  shadow: ShadowRoot;
  /** The element the Preact app renders into. */
  mount: HTMLElement;
}

/** Creates `<div style=…>` with a closed shadow root holding `css` and a mount, on <html>. */
export function attachShadowHost(doc: Document, style: string, css: string): ShadowHost {
  const host = doc.createElementNS(XHTML, 'div') as HTMLElement;
  host.setAttribute('style', style);
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, stop);
  const sheet = doc.createElementNS(XHTML, 'style');
  sheet.textContent = css;
  const mount = doc.createElementNS(XHTML, 'div') as HTMLElement;
  shadow.append(sheet, mount);
  ours.add(host);
  (doc.documentElement ?? doc).appendChild(host);
  return { host, shadow, mount };
}

function stop(e: Event) {
  e.stopPropagation();
}
