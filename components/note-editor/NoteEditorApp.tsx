import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../protocol/messages.ts';
import { composing } from '../ime.ts';
import type { Translate } from '../sidebar/sidebar-messages.ts';

export interface NoteEditorAppProps {
  /** The note being edited (by the session token in the frame's address). */
  load(): Promise<Reply<{ note: string }>>;
  /** Ends the session: `note` is stored (null: cancelled). */
  close(note: string | null): Promise<Reply<null>>;
  t: Translate;
}

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; saving: boolean; error: string | null }
  | { kind: 'gone'; error: string };

/**
 * The note editor inside its extension-origin frame (note-editor.html): a
 * text area with the stored note, Enter saves, Shift+Enter starts a line,
 * Esc cancels, as in the toolbar and sidebar. An input method's keys are its
 * own. A failed save keeps the text and says why.
 */
/** How long Enter or Esc waits for its release in the frame (see onKeyDown). */
const RELEASE_WAIT_MS = 400;

export function NoteEditorApp({ load, close, t }: NoteEditorAppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [draft, setDraft] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void load().then((reply) => {
      if (!reply.ok) return setState({ kind: 'gone', error: reply.error });
      setDraft(reply.value.note);
      setState({ kind: 'ready', saving: false, error: null });
    });
  }, []);
  useLayoutEffect(() => {
    if (state.kind !== 'ready') return;
    const focus = () => area.current?.focus({ preventScroll: true });
    focus();
    // The page focuses the frame once it has loaded: the text area takes it on.
    window.addEventListener('focus', focus);
    return () => window.removeEventListener('focus', focus);
  }, [state.kind]);

  const finish = async (note: string | null) => {
    setState({ kind: 'ready', saving: true, error: null });
    const reply = await close(note);
    if (!reply.ok) setState({ kind: 'ready', saving: false, error: reply.error });
  };
  // Enter and Esc act when the key comes up, not down: the frame is taken away as the
  // note is stored, and a key released after that lands in the page (whose listeners
  // would hear at least that Enter was pressed). A key that never comes up here (the
  // focus went elsewhere) acts after RELEASE_WAIT_MS.
  const pending = useRef<{ note: string | null; timer: ReturnType<typeof setTimeout> } | null>(
    null,
  );
  const release = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    void finish(p.note);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (composing(e)) return;
    const note = e.key === 'Enter' && !e.shiftKey ? draft : e.key === 'Escape' ? null : undefined;
    if (note === undefined) return;
    e.preventDefault();
    pending.current ??= { note, timer: setTimeout(release, RELEASE_WAIT_MS) };
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === 'Escape') release();
  };

  if (state.kind === 'loading') return <p class="status">…</p>;
  if (state.kind === 'gone')
    return (
      <p class="status" role="alert" title={state.error}>
        {t('hlNoteEditorFailed')}
      </p>
    );
  return (
    <div class="note-editor">
      <textarea
        ref={area}
        class="note-input"
        value={draft}
        disabled={state.saving}
        aria-label={t('hlNote')}
        placeholder={t('hlNotePlaceholder')}
        onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      />
      <div class="editor-actions">
        <button
          type="button"
          class="save"
          disabled={state.saving}
          onClick={() => void finish(draft)}
        >
          {t('hlSave')}
        </button>
        <button
          type="button"
          class="cancel"
          disabled={state.saving}
          onClick={() => void finish(null)}
        >
          {t('hlCancel')}
        </button>
        {state.error && (
          <span class="status" role="alert">
            {state.error}
          </span>
        )}
      </div>
    </div>
  );
}
