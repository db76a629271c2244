/**
 * The library page's bulk reads (zip export, backup) straight from the live
 * database: same origin, no runtime message (which would serialise every row
 * twice). Loaded on demand (entrypoints/library/main.tsx imports it when an
 * export or backup starts), so Dexie is not parsed for the first screen.
 * Reads only: every write goes through the background.
 */
import { openLiveForReading, type LibraryDbOptions } from '../../background/db/library-db.ts';
import { exportArticles, listArticles } from '../../background/storage/articles.ts';
import { streamBackup } from '../../background/storage/backup.ts';
import type { BulkReader } from './library-actions.ts';

export async function openBulkReader(
  options?: Pick<LibraryDbOptions, 'base' | 'dexie'>,
): Promise<BulkReader> {
  const db = await openLiveForReading(options);
  return {
    ids: async () => (await listArticles(db)).map((a) => a.id),
    articles: (ids, texts) => exportArticles(db, ids, { texts }),
    backup: (emit, exportedAt, progress) => streamBackup(db, emit, exportedAt, progress),
    close: () => db.close(),
  };
}
