import { useState } from 'preact/hooks';
import type { MarkdownExportOptions } from '@/pages/library/export-options';
import { ExportOptions } from './ExportOptions.tsx';
import type { LibraryT } from './library-strings.ts';

export interface ActionsBarProps {
  t: LibraryT;
  selectedCount: number;
  busy: boolean;
  /** Export progress, shown while a zip is built. */
  progress: { done: number; total: number } | null;
  onSelectAll: () => void;
  onExport: (which: 'selected' | 'all') => void;
  /** How the exported Markdown is written (full text, Obsidian marks). */
  exportOptions: MarkdownExportOptions;
  onExportOptions: (next: MarkdownExportOptions) => void;
  onBackup: () => void;
  onRestore: (file: File, mode: 'merge' | 'replace') => void;
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
        <span class="progress" role="status">
          <progress max={p.progress.total} value={p.progress.done} />{' '}
          {t('libExporting', [String(p.progress.done), String(p.progress.total)])}
        </span>
      )}
    </div>
  );
}
