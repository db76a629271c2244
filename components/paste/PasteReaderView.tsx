import { useCallback, useRef, useState } from 'preact/hooks';
import type { ReplyTo, Request } from '../../protocol/messages.ts';
import { createPasteReader, type PasteReader } from '../../pages/paste/paste-reader.ts';
import type { PastedArticle } from '../../pages/paste/pasted-articles.ts';
import { ReaderFrame } from '../reader/ReaderFrame.tsx';
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
 * A kept article: the shared reader (components/reader/ReaderFrame.tsx: its
 * text in a frame, highlightable, its outline beside it) and a Save button.
 * The reader (pages/paste/paste-reader.ts) is made once per article.
 */
export function PasteReaderView(props: PasteReaderViewProps) {
  const { article, id, send, t, focusHighlightId } = props;
  const readerRef = useRef<PasteReader | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const start = useCallback(
    (frame: HTMLIFrameElement, panel: HTMLElement) => {
      const reader = createPasteReader({ frame, panel, article, id, send, t, focusHighlightId });
      readerRef.current = reader;
      setSave({ kind: 'idle' });
      return {
        stop() {
          reader.stop();
          readerRef.current = null;
        },
      };
    },
    [article, id, send, t, focusHighlightId],
  );

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
      <ReaderFrame frameKey={id} frameTitle={t('pasteReader')} start={start} />
    </section>
  );
}
