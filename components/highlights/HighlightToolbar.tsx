import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model.ts';
import type { Translate } from '../sidebar/sidebar-messages.ts';
import { colorLabel } from './color-label.ts';

export interface HighlightToolbarProps {
  /** `new`: the selection is not highlighted yet; `existing`: it lies in highlight `color`. */
  mode: 'new' | 'existing';
  /** The existing highlight's colour (null for `new`). */
  color: HighlightColor | null;
  /** The existing highlight's note ('' for none). */
  note: string;
  /** Open with the note editor shown. */
  editing: boolean;
  t: Translate;
  onColor(color: HighlightColor): void;
  /** Asks for the note editor (creating the highlight first when it is new). */
  onNote(): void;
  onSaveNote(note: string): void;
  onRemove(): void;
  onClose(): void;
  /**
   * The note field, where it is not a plain text area: on a web page, the
   * extension-origin editor frame (NoteFrame), which stores the note itself.
   */
  noteField?: () => ComponentChild;
}

/**
 * The selection toolbar: five colours, a note, and remove for a highlight
 * that exists. Keyboard: Tab moves between buttons, Enter/Space press them,
 * Esc closes (or leaves the note editor); in the note, Enter saves and
 * Shift+Enter starts a new line. Mouse presses do not take the page's
 * selection away.
 */
export function HighlightToolbar(props: HighlightToolbarProps) {
  const { t } = props;
  const [draft, setDraft] = useState(props.note);
  const area = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLButtonElement>(null);

  // The draft starts from the saved note when the note opens — not on every later render:
  // a reply arriving while the reader types must not wipe what was typed.
  const wasEditing = useRef(props.editing);
  useLayoutEffect(() => {
    if (props.editing && !wasEditing.current) setDraft(props.note);
    wasEditing.current = props.editing;
  }, [props.editing, props.note]);
  // Focus moves in the same task as the render (a layout effect, not a passive one), so keys
  // typed the moment the note field appears land in it.
  useLayoutEffect(() => {
    if (props.editing) area.current?.focus({ preventScroll: true });
    else first.current?.focus({ preventScroll: true });
  }, [props.editing, props.mode]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed here are not the page's shortcuts.
    e.stopPropagation();
    // Esc while composing cancels the input method's letters, not the toolbar.
    if (e.key === 'Escape' && !composing(e)) {
      e.preventDefault();
      props.onClose();
    }
  };
  const onAreaKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !composing(e)) {
      e.preventDefault();
      props.onSaveNote(draft);
    }
  };
  // Keep the page's selection: a press on a button would otherwise clear it.
  const keepSelection = (e: MouseEvent) => {
    if ((e.target as Element).tagName !== 'TEXTAREA') e.preventDefault();
  };

  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label={t('hlToolbar')}
      data-mode={props.mode}
      onKeyDown={onKeyDown}
      onMouseDown={keepSelection}
    >
      <div class="buttons">
        {HIGHLIGHT_COLORS.map((c, i) => (
          <button
            key={c}
            ref={i === 0 ? first : undefined}
            type="button"
            class="color"
            data-color={c}
            aria-pressed={props.color === c ? 'true' : 'false'}
            aria-label={colorLabel(t, c)}
            title={colorLabel(t, c)}
            onClick={() => props.onColor(c)}
          />
        ))}
        <button type="button" class="note" onClick={props.onNote}>
          {props.note ? t('hlEditNote') : t('hlAddNote')}
        </button>
        {props.mode === 'existing' && (
          <button type="button" class="remove" title={t('hlRemove')} onClick={props.onRemove}>
            {t('hlRemove')}
          </button>
        )}
      </div>
      {props.editing && props.noteField && <div class="editor">{props.noteField()}</div>}
      {props.editing && !props.noteField && (
        <div class="editor">
          <textarea
            ref={area}
            class="note-input"
            rows={3}
            value={draft}
            placeholder={t('hlNotePlaceholder')}
            aria-label={t('hlNote')}
            onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={onAreaKey}
          />
          <div class="editor-actions">
            <button type="button" class="save" onClick={() => props.onSaveNote(draft)}>
              {t('hlSave')}
            </button>
            <button type="button" class="cancel" onClick={props.onClose}>
              {t('hlCancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
