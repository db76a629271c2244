import { useEffect, useRef } from 'preact/hooks';
import { SIDEBAR_CSS } from '../sidebar/sidebar-styles.ts';

export interface ReaderFrameProps {
  /** A fresh frame document for each key (the article's id). */
  frameKey: string;
  /** The frame's accessible name. */
  frameTitle: string;
  /**
   * Starts the reader (pages/reader/text-reader.ts) in the frame's document and
   * the panel; started again when it changes (keep it memoised), stopped on unmount.
   */
  start(frame: HTMLIFrameElement, panel: HTMLElement): { stop(): void };
}

/**
 * The text reader's place on a page: the text in an `<iframe>` (`.reader-frame`,
 * highlightable) and the outline beside it in an open shadow root
 * (`.outline-host`) styled like the sidebar. Used by the paste page and the
 * library's article view.
 */
export function ReaderFrame({ frameKey, frameTitle, start }: ReaderFrameProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const frame = frameRef.current;
    const host = hostRef.current;
    if (!frame || !host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const sheet = document.createElement('style');
    sheet.textContent = SIDEBAR_CSS;
    const panel = document.createElement('div');
    panel.style.height = '100%';
    shadow.append(sheet, panel);
    const reader = start(frame, panel);
    return () => reader.stop();
  }, [start, frameKey]);

  return (
    <div class="reader-body">
      {/* The key makes a fresh about:blank document for each article. */}
      <iframe key={frameKey} ref={frameRef} class="reader-frame" title={frameTitle} />
      <div ref={hostRef} class="outline-host" />
    </div>
  );
}
