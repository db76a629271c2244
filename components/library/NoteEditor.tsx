import { useEffect, useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import type { LibraryT } from './library-strings.ts';

export interface NoteEditorProps {
  highlightId: string;
  note: string;
  t: LibraryT;
  /** Stores the note; resolves with an error message, or null when saved. */
  onSave: (highlightId: string, note: string) => Promise<string | null>;
}

/** A highlight's note, saved when the field loses focus or on Ctrl+Enter (⌘+Enter). */
export function NoteEditor({ highlightId, note, t, onSave }: NoteEditorProps) {
  const [value, setValue] = useState(note);
  const [saved, setSaved] = useState(note);
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => {
    setValue(note);
    setSaved(note);
  }, [highlightId, note]);

  const save = async () => {
    if (value === saved) return;
    const error = await onSave(highlightId, value);
    if (error === null) {
      setSaved(value);
      setStatus({ tone: 'info', text: t('libNoteSaved') });
    } else setStatus({ tone: 'error', text: t('libFailed', [error]) });
  };

  return (
    <div class="note-editor">
      <textarea
        class="note"
        rows={2}
        value={value}
        aria-label={t('libNote')}
        placeholder={t('libNotePlaceholder')}
        onInput={(e) => setValue(e.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (composing(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
          // Esc in a note leaves the field, not the article.
          if (e.key === 'Escape') {
            e.stopPropagation();
            e.currentTarget.blur();
          }
        }}
      />
      {status && (
        <span
          class={`note-status ${status.tone}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-tone={status.tone}
        >
          {status.text}
        </span>
      )}
    </div>
  );
}
