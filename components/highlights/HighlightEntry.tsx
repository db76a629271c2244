import { useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import { highlightText } from '../../lib/export/highlights-md.ts';
import type { Highlight } from '../../lib/model.ts';
import type { Translate } from '../sidebar/sidebar-messages.ts';
import { colorLabel } from './color-label.ts';
import type { HighlightActions } from './HighlightList.tsx';

export interface HighlightEntryProps extends HighlightActions {
  highlight: Highlight;
  /** False for an orphan: shown, but there is nowhere to go. */
  placed: boolean;
  /** The highlight the page was opened at (`#gangmu-hl=`): marked, and focusable from script. */
  target?: boolean;
  t: Translate;
}

/**
 * One highlight in the sidebar: colour, the words (a button that scrolls to
 * them when placed), the note, and edit/delete. Page text and notes are
 * rendered as text nodes only.
 */
export function HighlightEntry({
  highlight: h,
  placed,
  target = false,
  t,
  ...on
}: HighlightEntryProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(h.note);
  const words = highlightText(h);
  const link = on.linkOf?.(h);
  const save = () => {
    on.onSaveNote(h.id, draft);
    setEditing(false);
  };
  const onAreaKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !composing(e)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      // Leave the editor, not the sidebar.
      e.preventDefault();
      e.stopPropagation();
      setEditing(false);
    }
  };
  return (
    <li
      class="hl"
      data-highlight-id={h.id}
      data-color={h.color}
      data-placed={String(placed)}
      data-target={target ? 'true' : undefined}
      aria-current={target ? 'location' : undefined}
      tabIndex={target ? -1 : undefined}
    >
      <span class="swatch" data-color={h.color} title={colorLabel(t, h.color)} />
      <div class="hl-body">
        {placed ? (
          <button type="button" class="hl-text" title={t('hlGoTo')} onClick={() => on.onGo(h.id)}>
            {words}
          </button>
        ) : (
          <span class="hl-text">{words}</span>
        )}
        {editing && on.noteField ? (
          <div class="editor">{on.noteField(h, () => setEditing(false))}</div>
        ) : editing ? (
          <div class="editor">
            <textarea
              class="note-input"
              rows={3}
              value={draft}
              aria-label={t('hlNote')}
              placeholder={t('hlNotePlaceholder')}
              onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
              onKeyDown={onAreaKey}
            />
            <div class="editor-actions">
              <button type="button" class="save" onClick={save}>
                {t('hlSave')}
              </button>
              <button type="button" class="cancel" onClick={() => setEditing(false)}>
                {t('hlCancel')}
              </button>
            </div>
          </div>
        ) : (
          h.note && <p class="hl-note">{h.note}</p>
        )}
        {!editing && (
          <div class="hl-actions">
            <button
              type="button"
              class="edit"
              onClick={() => {
                setDraft(h.note);
                setEditing(true);
              }}
            >
              {h.note ? t('hlEditNote') : t('hlAddNote')}
            </button>
            <button type="button" class="delete" onClick={() => on.onDelete(h.id)}>
              {t('hlRemove')}
            </button>
            {link && (
              <a class="open-at" href={link.href} target="_blank" rel="noopener noreferrer">
                {link.label}
              </a>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
