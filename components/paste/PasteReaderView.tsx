import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyTo, Request } from '../../utils/messages.ts';
import { createPasteReader, type PasteReader } from '../../utils/paste/paste-reader.ts';
import type { PastedArticle } from '../../utils/paste/pasted-articles.ts';
import { SIDEBAR_CSS } from '../sidebar/sidebar-styles.ts';
import type { PasteTranslate } from './paste-messages.ts';

export interface PasteReaderViewProps {
  article: PastedArticle;
  /** The article's library id. */
  id: string;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: PasteTranslate;
  /** A highlight to show once restored (opened from the library at a highlight). */
  focusHighlightId?: string | null;
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: string };

/**
 * A kept article: its text in a frame (highlightable), its outline beside it
 * in an open shadow root (`.outline-host`) styled like the sidebar, and a Save
 * button. The reader (utils/paste/paste-reader.ts) is made once per article.
 */
export function PasteReaderView(props: PasteReaderViewProps) {
  const { article, id, send, t, focusHighlightId } = props;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const readerRef = useRef<PasteReader | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

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
    const reader = createPasteReader({ frame, panel, article, id, send, t, focusHighlightId });
    readerRef.current = reader;
    setSave({ kind: 'idle' });
    return () => {
      reader.stop();
      readerRef.current = null;
    };
  }, [article, id, send, t, focusHighlightId]);

  const onSave = async () => {
    const reader = readerRef.current;
    if (!reader) return;
    setSave({ kind: 'saving' });
    const reply = await reader.save();
    setSave(reply.ok ? { kind: 'saved' } : { kind: 'failed', error: reply.error });
  };

  return (
    <section class="reader" data-article-id={id}>
      <div class="reader-bar">
        <button
          type="button"
          class="save"
          disabled={save.kind === 'saving'}
          onClick={() => void onSave()}
        >
          {t('pasteSave')}
        </button>
        <span class="save-status" role="status" data-state={save.kind}>
          {save.kind === 'saved' && t('pasteSaved')}
          {save.kind === 'failed' && t('pasteSaveFailed', [save.error])}
        </span>
      </div>
      <div class="reader-body">
        {/* The key makes a fresh about:blank document for each article. */}
        <iframe key={id} ref={frameRef} class="reader-frame" title={t('pasteReader')} />
        <div ref={hostRef} class="outline-host" />
      </div>
    </section>
  );
}
