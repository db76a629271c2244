/**
 * What the sidebar and the selection toolbar hosts share: a custom-named
 * element with an OPEN shadow root (so automated tests can reach inside)
 * holding its own stylesheet and a mount element for the Preact app, attached
 * to <html> outside <body>, and styled with inline `!important` declarations
 * the page's stylesheets cannot override.
 */

/** Inline declarations, each marked `!important`. */
export function importantStyle(declarations: readonly string[]): string {
  return declarations.map((d) => `${d} !important`).join('; ');
}

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element the Preact app renders into. */
  mount: HTMLElement;
}

/** Creates `<tag style=…>` with an open shadow root holding `css` and a mount, on <html>. */
export function attachShadowHost(
  doc: Document,
  tag: string,
  style: string,
  css: string,
): ShadowHost {
  const host = doc.createElement(tag);
  host.setAttribute('style', style);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = doc.createElement('style');
  sheet.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(sheet, mount);
  doc.documentElement.append(host);
  return { host, shadow, mount };
}
