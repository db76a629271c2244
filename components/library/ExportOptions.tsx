import type { MarkdownExportOptions } from '@/pages/library/export-options';
import type { LibraryT } from './library-strings.ts';

export interface ExportOptionsProps {
  t: LibraryT;
  value: MarkdownExportOptions;
  onChange: (next: MarkdownExportOptions) => void;
  disabled?: boolean;
}

/** The reader's Markdown export options: include the saved full text, Obsidian marks (`==…==`). */
export function ExportOptions({ t, value, onChange, disabled }: ExportOptionsProps) {
  return (
    <span class="export-options">
      <label>
        <input
          type="checkbox"
          class="export-full-text"
          checked={value.fullText}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, fullText: e.currentTarget.checked })}
        />{' '}
        {t('libExportFullText')}
      </label>
      <label>
        <input
          type="checkbox"
          class="export-obsidian"
          checked={value.obsidian}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, obsidian: e.currentTarget.checked })}
        />{' '}
        {t('libExportObsidian')}
      </label>
    </span>
  );
}
