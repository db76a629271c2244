import { useEffect, useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import type { LibraryT } from './library-strings.ts';

export interface TagsEditorProps {
  tags: string[];
  t: LibraryT;
  /** Stores the tags; resolves with an error message, or null when saved. */
  onSave: (tags: string[]) => Promise<string | null>;
}

/** Tags from what the reader typed: split at commas (, ，、) and semicolons, trimmed, no duplicates. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；]/)) {
    const tag = raw.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** An article's tags as one field, saved on Enter or when it loses focus. */
export function TagsEditor({ tags, t, onSave }: TagsEditorProps) {
  const joined = tags.join('，');
  const [value, setValue] = useState(joined);
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => setValue(joined), [joined]);

  const save = async () => {
    const next = parseTags(value);
    if (next.join('\n') === tags.join('\n')) return;
    const error = await onSave(next);
    setStatus(
      error === null
        ? { tone: 'info', text: t('libTagsSaved') }
        : { tone: 'error', text: t('libFailed', [error]) },
    );
  };

  return (
    <label class="tags-editor">
      <span>{t('libTags')}</span>
      <input
        type="text"
        class="tags-input"
        value={value}
        placeholder={t('libTagsPlaceholder')}
        onInput={(e) => setValue(e.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          // The Enter that commits an input method's letters is not a save.
          if (e.key === 'Enter' && !composing(e)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {status && (
        <span
          class={`tags-status ${status.tone}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </span>
      )}
    </label>
  );
}
