/**
 * Builds a zip of text files one file at a time ({@link ZipWriter}), so an
 * export can zip each batch of articles as it arrives, and a file written
 * first in the archive (index.md) can be filled in last.
 *
 * Each file is deflated whole by fflate's `deflateSync` at level 6 and
 * framed here: local header with its CRC and
 * sizes, the data, then the central directory at the end. fflate's streaming
 * `Zip` + `ZipDeflate` cost about twice the time (each `ZipDeflate` sets up a
 * 96 KiB window and hash tables, even for a 2 kB file: garbage the page then
 * collects), and its `Zip` holds every file after an unfinished one and
 * flushes them recursively (a stack overflow past some 30,000 files held
 * behind a late index).
 */
import { deflateSync, strToU8 } from 'fflate';
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
  /** How files are deflated (default: fflate's, level 6). */
  deflate?: Deflater;
}

/**
 * A macrotask without setTimeout's 4 ms clamp for nested timers (a thousand
 * turns would otherwise wait four seconds): a message to ourselves.
 */
export const macrotask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 a zip entry records (IEEE, as in zlib). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS time and date (local time, 2-second steps, years 1980–2107 clamped). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(127, Math.max(0, d.getFullYear() - 1980));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (year << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Deflates one file's bytes (raw DEFLATE, no zlib header). */
export type Deflater = (raw: Uint8Array) => Promise<Uint8Array>;

/**
 * fflate's deflate at level 6, run at once. (A CompressionStream per file
 * was slower: exporting the library bench's 10,000 articles with their
 * texts took 42–45 s that way against 30–33 s with this, one page, the two
 * taking turns, machine loaded; each file cost a stream, its promises and a
 * zlib state of about 256 KiB.)
 */
const fflateDeflate: Deflater = async (raw) => deflateSync(raw, { level: 6 });

/** One entry: its name, CRC and sizes; `local` is its header and data, null until deflated. */
interface Entry {
  name: Uint8Array;
  utf8: boolean;
  crc: number;
  compressed: number;
  size: number;
  local: [Uint8Array, Uint8Array] | null;
}

const UTF8_FLAG = 0x0800;
const DEFLATE = 8;
const VERSION = 20;

/**
 * A zip built one file at a time: `add` starts deflating a file; `reserve`
 * keeps its place in the archive for a file whose text is only known later
 * (filled before `finish`). `settled` waits for the files added so far (to
 * bound the work in flight); `finish` waits for all and gives the archive.
 * Names are stored as UTF-8 and flagged so (bit 11) when not ASCII, so every
 * unzip tool reads Chinese names. Not zip64: at most 65,535 files and 4 GiB,
 * far beyond a library's Markdown.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private pending: Promise<void>[] = [];
  private readonly time: number;
  private readonly date: number;
  private readonly deflate: Deflater;

  constructor({
    mtime = new Date(),
    deflate = fflateDeflate,
  }: { mtime?: Date; deflate?: Deflater } = {}) {
    ({ time: this.time, date: this.date } = dosDateTime(mtime));
    this.deflate = deflate;
  }

  /** Files added or reserved so far. */
  get size(): number {
    return this.entries.length;
  }

  /** Adds a UTF-8 text file, deflated. */
  add(name: string, text: string): void {
    const entry = this.entry(name);
    this.entries.push(entry);
    this.write(entry, text);
  }

  /** Keeps the next place in the archive for `name`; call the function returned with its text before `finish`. */
  reserve(name: string): (text: string) => void {
    const entry = this.entry(name);
    this.entries.push(entry);
    let written = false;
    return (text) => {
      if (written) throw new Error('zip: file written twice');
      written = true;
      this.write(entry, text);
    };
  }

  /** Waits until every file added so far is deflated (rejects if one failed). */
  async settled(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  /** The archive's bytes: every file in the order added or reserved, then the central directory. */
  async finish(): Promise<Uint8Array> {
    await this.settled();
    let localSize = 0;
    let centralSize = 0;
    for (const e of this.entries) {
      if (!e.local)
        throw new Error(`zip: ${new TextDecoder().decode(e.name)} reserved, never written`);
      localSize += e.local[0].length + e.local[1].length;
      centralSize += 46 + e.name.length;
    }
    const out = new Uint8Array(localSize + centralSize + 22);
    const view = new DataView(out.buffer);
    let at = 0;
    const offsets: number[] = [];
    for (const e of this.entries) {
      offsets.push(at);
      for (const part of e.local!) {
        out.set(part, at);
        at += part.length;
      }
    }
    const centralStart = at;
    this.entries.forEach((e, i) => {
      view.setUint32(at, 0x02014b50, true);
      view.setUint16(at + 4, VERSION, true); // made by: MS-DOS, 2.0
      this.common(view, at + 6, e);
      // +32 comment length, +34 disk, +36 internal and +38 external attributes: 0.
      view.setUint32(at + 42, offsets[i]!, true);
      out.set(e.name, at + 46);
      at += 46 + e.name.length;
    });
    view.setUint32(at, 0x06054b50, true);
    view.setUint16(at + 8, this.entries.length, true);
    view.setUint16(at + 10, this.entries.length, true);
    view.setUint32(at + 12, centralSize, true);
    view.setUint32(at + 16, centralStart, true);
    return out;
  }

  private entry(name: string): Entry {
    const bytes = strToU8(name);
    if (bytes.length > 0xffff) throw new Error('zip: file name too long');
    if (this.entries.length >= 0xffff) throw new Error('zip: more than 65,535 files');
    return {
      name: bytes,
      utf8: bytes.length !== name.length,
      crc: 0,
      compressed: 0,
      size: 0,
      local: null,
    };
  }

  private write(entry: Entry, text: string): void {
    const raw = strToU8(text);
    const crc = crc32(raw);
    const size = raw.length;
    const done = this.deflate(raw).then((data) => {
      entry.crc = crc;
      entry.size = size;
      entry.compressed = data.length;
      const header = new Uint8Array(30 + entry.name.length);
      const view = new DataView(header.buffer);
      view.setUint32(0, 0x04034b50, true);
      this.common(view, 4, entry);
      header.set(entry.name, 30);
      entry.local = [header, data];
    });
    // Reported by settled() or finish(); not as unhandled meanwhile.
    done.catch(() => undefined);
    this.pending.push(done);
  }

  /** The fields the local header (at +4) and the central header (at +6) share: version needed … extra length. */
  private common(view: DataView, at: number, e: Entry): void {
    view.setUint16(at, VERSION, true);
    view.setUint16(at + 2, e.utf8 ? UTF8_FLAG : 0, true);
    view.setUint16(at + 4, DEFLATE, true);
    view.setUint16(at + 6, this.time, true);
    view.setUint16(at + 8, this.date, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.compressed, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    // +24 extra length: 0.
  }
}

/**
 * Zips `files` (UTF-8 text, deflated) and resolves with the archive's bytes,
 * yielding to the event loop every `batch` files.
 */
export async function zipFiles(
  files: readonly ExportFile[],
  { onProgress, yieldControl = macrotask, batch = 8, mtime = new Date(), deflate }: ZipOptions = {},
): Promise<Uint8Array> {
  const zip = new ZipWriter({ mtime, ...(deflate ? { deflate } : {}) });
  onProgress?.({ done: 0, total: files.length });
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    zip.add(file.name, file.text);
    onProgress?.({ done: i + 1, total: files.length });
    if ((i + 1) % batch === 0 && i + 1 < files.length) {
      await zip.settled();
      await yieldControl();
    }
  }
  return zip.finish();
}
