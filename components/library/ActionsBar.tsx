import { useState } from 'preact/hooks';
import type { MarkdownExportOptions } from '@/pages/library/export-options';
import type { Progress } from '@/protocol/messages';
import { ExportOptions } from './ExportOptions.tsx';
import type { LibraryT } from './library-strings.ts';

export interface ActionsBarProps {
  t: LibraryT;
  selectedCount: number;
  busy: boolean;
  /** How far the long action under way (export, backup, restore) has come. */
  progress: ActionProgress | null;
  onSelectAll: () => void;
  onExport: (which: 'selected' | 'all') => void;
  /** How the exported Markdown is written (full text, Obsidian marks). */
  exportOptions: MarkdownExportOptions;
  onExportOptions: (next: MarkdownExportOptions) => void;
  onBackup: () => void;
  onRestore: (file: File, mode: 'merge' | 'replace') => void;
}

/**
 * A long action's progress: the zip's articles, the backup's rows, the
 * restore's file read (bytes) and then its writes (no count).
 */
export interface ActionProgress extends Progress {
  kind: 'export' | 'backup' | 'restore-read' | 'restore-write';
}

/** What the progress line says of `p`. */
export function progressText(t: LibraryT, p: ActionProgress): string {
  const percent = () => String(Math.min(100, Math.floor((100 * p.done) / p.total)));
  if (p.kind === 'export') return t('libExporting', [String(p.done), String(p.total)]);
  if (p.kind === 'restore-write') return t('libRestoreWriting');
  if (p.total <= 0) return t('libWorking');
  return t(p.kind === 'backup' ? 'libBackingUp' : 'libRestoreReading', [percent()]);
}

/**
 * Select all, export (selected or all) as a zip with its options (full text,
 * Obsidian marks), backup as JSON, restore a backup (merge or replace).
 */
export function ActionsBar(p: ActionsBarProps) {
  const { t } = p;
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  return (
    <div class="actions-bar">
      <button type="button" class="select-all" onClick={p.onSelectAll}>
        {t('libSelectAll')}
      </button>
      <button
        type="button"
        class="export-selected"
        disabled={p.busy || p.selectedCount === 0}
        onClick={() => p.onExport('selected')}
      >
        {t('libExportSelected', [String(p.selectedCount)])}
      </button>
      <button type="button" class="export-all" disabled={p.busy} onClick={() => p.onExport('all')}>
        {t('libExportAll')}
      </button>
      <ExportOptions t={t} value={p.exportOptions} onChange={p.onExportOptions} disabled={p.busy} />
      <button type="button" class="backup" disabled={p.busy} onClick={p.onBackup}>
        {t('libBackup')}
      </button>
      <span class="restore">
        <label>
          <span>{t('libRestoreMode')}</span>
          <select
            class="restore-mode"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as 'merge' | 'replace')}
          >
            <option value="merge">{t('libRestoreMerge')}</option>
            <option value="replace">{t('libRestoreReplace')}</option>
          </select>
        </label>
        <label class="restore-file button">
          {t('libRestore')}
          <input
            type="file"
            accept=".json,application/json"
            disabled={p.busy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) p.onRestore(file, mode);
            }}
          />
        </label>
      </span>
      {p.progress && (
        <span class="progress" role="status" data-kind={p.progress.kind}>
          {/* Without a value (a total not known, or writes that have no count) it moves on its own. */}
          {p.progress.total > 0 ? (
            <progress max={p.progress.total} value={p.progress.done} />
          ) : (
            <progress />
          )}{' '}
          {progressText(t, p.progress)}
        </span>
      )}
    </div>
  );
}
