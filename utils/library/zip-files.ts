/**
 * Builds a zip of text files with fflate's streaming `Zip`, one file at a
 * time, yielding to the event loop between files so a long export keeps the
 * page responsive and can report its progress.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { ExportFile } from './export-files.ts';

/** Progress of a zip being built: files done out of the total. */
export interface ZipProgress {
  done: number;
  total: number;
}

export interface ZipOptions {
  /** Called after each file (and once at 0 before the first). */
  onProgress?: (p: ZipProgress) => void;
  /** Waits between turns; default a macrotask (a MessageChannel message), so input and painting get a turn. */
  yieldControl?: () => Promise<void>;
  /** Files per turn before yielding (default 8). */
  batch?: number;
  /** Modification time stored for every entry (default now). */
  mtime?: Date;
}

/**
 * A macrotask without setTimeout's 4 ms clamp for nested timers (a thousand
 * turns would otherwise wait four seconds): a message to ourselves.
 */
const macrotask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Zips `files` (UTF-8 text, deflated; names stored as UTF-8, flagged so every
 * unzip tool reads Chinese names) and resolves with the archive's bytes.
 */
export async function zipFiles(
  files: readonly ExportFile[],
  { onProgress, yieldControl = macrotask, batch = 8, mtime = new Date() }: ZipOptions = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  onProgress?.({ done: 0, total: files.length });
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const entry = new ZipDeflate(file.name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(strToU8(file.text), true);
    if (failure) throw failure;
    onProgress?.({ done: i + 1, total: files.length });
    if ((i + 1) % batch === 0 && i + 1 < files.length) await yieldControl();
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('zip did not finish');
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
