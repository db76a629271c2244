import type { LibraryT } from './library-strings.ts';

export interface UndoToastProps {
  t: LibraryT;
  /** The deleted article's title. */
  title: string;
  onUndo: () => void;
}

/** "Deleted …" with an Undo button, shown for a few seconds after a delete. */
export function UndoToast({ t, title, onUndo }: UndoToastProps) {
  return (
    <div class="toast" role="status">
      <span>{t('libDeleted', [title])}</span>
      <button type="button" class="undo" onClick={onUndo}>
        {t('libUndo')}
      </button>
    </div>
  );
}
