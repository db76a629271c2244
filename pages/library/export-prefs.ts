/**
 * The reader's export options (full text, Obsidian marks), remembered by the
 * library page in its own localStorage: a preference of this page alone, not
 * library data (not in backups, not synced), read once when the page opens.
 */
import { DEFAULT_EXPORT_OPTIONS, type MarkdownExportOptions } from './export-options.ts';

/** The localStorage key of the options. */
export const EXPORT_PREFS_KEY = 'gangmu.library.export';

/** Where the options are kept: a `Storage` (localStorage), or a fake in tests. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads and writes the options. */
export interface ExportPrefs {
  read(): MarkdownExportOptions;
  write(options: MarkdownExportOptions): void;
}

/**
 * The options in a stored value: each field taken when it is a boolean, the
 * default otherwise (a value from an older or newer page, or edited by hand).
 */
export function parseExportOptions(json: string | null): MarkdownExportOptions {
  let v: unknown = null;
  try {
    v = json === null ? null : JSON.parse(json);
  } catch {
    // Not JSON: someone else's value under our key. The defaults stand.
  }
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const flag = (k: keyof MarkdownExportOptions): boolean => {
    const x = o[k];
    return typeof x === 'boolean' ? x : DEFAULT_EXPORT_OPTIONS[k];
  };
  return { fullText: flag('fullText'), obsidian: flag('obsidian') };
}

/** The page's localStorage, or null where it cannot be used (storage disabled: a SecurityError). */
function pageStorage(): PrefsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading the property itself throws where storage is blocked: no memory, defaults each time.
    return null;
  }
}

/**
 * Options kept in `storage` (default: the page's localStorage) under
 * {@link EXPORT_PREFS_KEY}. Without a usable storage, reads give the
 * defaults and writes are dropped: the options still apply for the session.
 */
export function storedExportPrefs(storage: PrefsStorage | null = pageStorage()): ExportPrefs {
  return {
    read() {
      try {
        return parseExportOptions(storage?.getItem(EXPORT_PREFS_KEY) ?? null);
      } catch {
        // getItem can throw where storage is blocked: the defaults stand.
        return { ...DEFAULT_EXPORT_OPTIONS };
      }
    },
    write(options) {
      try {
        storage?.setItem(EXPORT_PREFS_KEY, JSON.stringify(options));
      } catch {
        // Full or blocked storage: the choice holds for this session only, which is no loss of data.
      }
    },
  };
}
