import type { ComponentChild } from 'preact';
import type { Highlight } from '../../lib/model.ts';
import type { Translate } from '../sidebar/sidebar-messages.ts';
import { HighlightEntry } from './HighlightEntry.tsx';

export interface HighlightActions {
  onGo(id: string): void;
  onSaveNote(id: string, note: string): void;
  onDelete(id: string): void;
  /**
   * The note field, where it is not a plain text area: on a web page, the
   * extension-origin editor frame (NoteFrame). `close` leaves edit mode; the
   * field itself stores the note.
   */
  noteField?: (highlight: Highlight, close: () => void) => ComponentChild;
  /**
   * A link shown with each highlight, or none: the library's reader gives
   * "show on the page" (the original page at `#gangmu-hl=<id>`).
   */
  linkOf?: (highlight: Highlight) => HighlightLink | null;
}

/** A link beside a highlight's actions; opened in a new tab. */
export interface HighlightLink {
  href: string;
  label: string;
}

export interface HighlightListProps extends HighlightActions {
  highlights: readonly Highlight[];
  placed: boolean;
  /** A highlight to mark as the one the page was opened at. */
  targetId?: string | null;
  t: Translate;
}

/** A list of highlights (under an outline node, in the intro, or the orphans). */
export function HighlightList({ highlights, placed, targetId, t, ...on }: HighlightListProps) {
  if (!highlights.length) return null;
  return (
    <ul class="hl-list">
      {highlights.map((h) => (
        <HighlightEntry
          key={h.id}
          highlight={h}
          placed={placed}
          target={h.id === targetId}
          t={t}
          {...on}
        />
      ))}
    </ul>
  );
}
