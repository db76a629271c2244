import { useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import type { PasteTranslate } from './paste-messages.ts';

export interface PasteInputProps {
  value: string;
  t: PasteTranslate;
  /** Work is running: the controls wait. */
  busy: boolean;
  onChange(value: string): void;
  /** Outline what is in the box (the button, Ctrl+Enter, a paste). */
  onSubmit(text: string): void;
  /** A file was dropped, chosen or pasted. */
  onFile(file: File): void;
}

/** A paste's text, or its first file when it carries no text (an image, a PDF copied in a file manager). */
function clipboardContent(data: DataTransfer | null): { text: string } | { file: File } | null {
  if (!data) return null;
  const text = data.getData('text/plain');
  if (text) return { text };
  const file = data.files[0];
  return file ? { file } : null;
}

/**
 * The paste target: a big textarea that is also a drop zone for .txt files,
 * a file chooser, and the button that outlines what is in the box.
 */
export function PasteInput({ value, t, busy, onChange, onSubmit, onFile }: PasteInputProps) {
  const [over, setOver] = useState(false);

  const onPaste = (e: ClipboardEvent) => {
    const content = clipboardContent(e.clipboardData);
    if (!content) return;
    if ('file' in content) {
      e.preventDefault();
      onFile(content.file);
      return;
    }
    // Into an empty box, a paste is the whole input: outline it at once.
    if (value.trim() === '') {
      e.preventDefault();
      onChange(content.text);
      onSubmit(content.text);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const content = clipboardContent(e.dataTransfer);
    if (!content) return;
    if ('file' in content) onFile(content.file);
    else {
      onChange(content.text);
      onSubmit(content.text);
    }
  };

  return (
    <div
      class={over ? 'paste-input drop-over' : 'paste-input'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <textarea
        class="paste-text"
        value={value}
        placeholder={t('pastePlaceholder')}
        aria-label={t('pastePlaceholder')}
        spellcheck={false}
        disabled={busy}
        onInput={(e) => onChange((e.currentTarget as HTMLTextAreaElement).value)}
        onPaste={onPaste}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !composing(e)) {
            e.preventDefault();
            onSubmit(value);
          }
        }}
      />
      <div class="paste-actions">
        <button
          type="button"
          class="outline-button"
          disabled={busy}
          onClick={() => onSubmit(value)}
        >
          {t('pasteOutline')}
        </button>
        <label class="file-button">
          {t('pasteChooseFile')}
          <input
            type="file"
            class="file-input"
            accept=".txt,text/plain"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onFile(file);
              input.value = '';
            }}
          />
        </label>
      </div>
    </div>
  );
}
