import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../sidebar/sidebar-messages.ts';

export interface NoteFrameProps {
  /** Starts the editing session; resolves to the editor frame's address, or null when it failed. */
  open(): Promise<string | null>;
  t: Translate;
}

/**
 * The note field on a web page: the extension's own note editor
 * (note-editor.html) in a frame of the extension's origin, so the keys the
 * reader types are events of that frame's document, never of the page's
 * (README → Privacy). It takes the focus once loaded. Closing it is the
 * editor's word, passed on by the background (`note-editor-closed`).
 */
export function NoteFrame({ open, t }: NoteFrameProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void open().then((url) => {
      if (!live) return;
      if (url) setSrc(url);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
    // Opened once per mount: the caller keys the frame by its highlight.
  }, []);
  if (failed)
    return (
      <p class="note-frame-status" role="alert">
        {t('hlNoteEditorFailed')}
      </p>
    );
  if (!src) return <p class="note-frame-status">…</p>;
  return (
    <iframe
      class="note-frame"
      src={src}
      title={t('hlNote')}
      onLoad={(e) => (e.currentTarget as HTMLIFrameElement).focus()}
    />
  );
}
