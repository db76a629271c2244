import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../utils/messages.ts';
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
  const onKeyDown = (e: KeyboardEvent) => {
    if (composing(e)) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void finish(draft);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      void finish(null);
    }
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
