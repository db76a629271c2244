/**
 * The library page's actions against the real router and storage
 * (fake-indexeddb): the list's first screen, export in batches with progress,
 * a backup built from pages of rows equal to export-backup's text, both read
 * straight from the live database where it opens, and a
 * restore that lands whole: a file through a blob: URL the background reads,
 * or, when it cannot, text sent in parts (and a part missing is refused).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GangmuDB } from '@/background/db/schema';
import { strFromU8, unzipSync } from 'fflate';
import { openBulkReader } from '@/pages/library/bulk-reader';
import { exportFiles } from '@/pages/library/export-files';
import {
  EXPORT_IN_FLIGHT,
  FIRST_PAGE,
  IMPORT_POLL_MS,
  RequestFailed,
  ZIP_BATCH,
  libraryActions,
} from '@/pages/library/library-actions';
import type { ImportProgressState, RuntimeLike } from '@/protocol/messages';
import { exportBackup } from '@/background/storage/backup';
import { draft, highlight, useFreshRouters, FROM_EXTENSION } from '../storage/fixtures';

const freshRouter = useFreshRouters();
let db: GangmuDB;
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A runtime whose sendMessage goes through the background's router; requests are recorded. */
function runtime() {
  const made = freshRouter();
  db = made.db;
  const router = made.router;
  const sent: Array<{ type: string }> = [];
  const api: RuntimeLike = {
    runtime: {
      sendMessage: async (m: unknown) => {
        sent.push(m as { type: string });
        // As the browser does: the message is copied.
        return router.handle(structuredClone(m) as never, FROM_EXTENSION);
      },
    },
  };
  return { api, sent };
}

async function seed(api: RuntimeLike, n: number) {
  for (let i = 0; i < n; i++) {
    const id = `https://e.com/${String(i).padStart(3, '0')}`;
    await api.runtime.sendMessage({
      type: 'put-highlight',
      highlight: { ...highlight(`h${i}`, id), note: i % 2 ? '注' : '' },
      article: draft({ id, url: id, title: `文章${i}`, tags: i % 3 ? [] : ['治理'] }),
    });
  }
  await api.runtime.sendMessage({ type: 'set-site-prefs', site: 'e.com', prefs: { width: 420 } });
}

/** A library of 12 articles backed up, then one of them deleted (what a restore puts back). */
async function backedUpThenDeleted() {
  const { api, sent } = runtime();
  await seed(api, 12);
  const a = libraryActions(api);
  const text = await backupText(a);
  await api.runtime.sendMessage({ type: 'delete-article', articleId: 'https://e.com/000' });
  return { api, sent, a, text };
}

/** The backup's text, its parts joined. */
async function backupText(a: ReturnType<typeof libraryActions>, at?: string): Promise<string> {
  const parts: string[] = [];
  await a.backupParts((part) => parts.push(part), at);
  return parts.join('');
}

/** The library is back to the backup: the same text, but for its date. */
async function expectRestored(a: ReturnType<typeof libraryActions>, text: string) {
  expect(await backupText(a, 'x')).toBe(text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "x"'));
}

describe('library actions', () => {
  it('the first screen asked for early is sent once and given to the first listHead of that query', async () => {
    const { api, sent } = runtime();
    await seed(api, 3);
    const a = libraryActions(api);
    const heads = () => sent.filter((m) => m.type === 'list-articles').length;
    a.prefetchHead({});
    expect(heads()).toBe(1);
    const early = await a.listHead({});
    expect(heads()).toBe(1);
    expect(early.ok && early.value.map((x) => x.title)).toEqual(['文章2', '文章1', '文章0']);
    // Taken once: the next listHead asks again, as does one for another query.
    await a.listHead({});
    expect(heads()).toBe(2);
    a.prefetchHead({});
    const other = await a.listHead({ tag: '治理' });
    expect(heads()).toBe(4);
    expect(other.ok && other.value.map((x) => x.title)).toEqual(['文章0']);
  });

  it('the first screen is the head of the whole list', async () => {
    const { api } = runtime();
    await seed(api, FIRST_PAGE + 5);
    const a = libraryActions(api);
    const head = await a.listHead({});
    const all = await a.list({});
    if (!head.ok || !all.ok) throw new Error('list failed');
    expect(head.value).toEqual(all.value.slice(0, FIRST_PAGE));
    expect(await a.facets()).toEqual({
      ok: true,
      value: { sites: ['www.news.cn'], tags: ['治理'] },
    });
  });

  it('exports in batches with progress, in the order asked, all newest first by default', async () => {
    const { api, sent } = runtime();
    await seed(api, 7);
    const a = libraryActions(api, { exportBatch: 3, uploadPartChars: 1000 });
    const steps: string[] = [];
    const { zip, articles } = await a.exportZip(undefined, (p) =>
      steps.push(`${p.step}${p.done}/${p.total}`),
    );
    expect(articles).toBe(7);
    expect(zip.length).toBeGreaterThan(0);
    expect(steps).toEqual(['read0/7', 'zip3/7', 'zip6/7', 'zip7/7']);
    const rows = await a.exportRows(['https://e.com/003', 'nope', 'https://e.com/001']);
    expect(rows.map((r) => r.article.id)).toEqual(['https://e.com/003', 'https://e.com/001']);
    expect(sent.filter((m) => m.type === 'export-articles').length).toBeGreaterThan(0);
  });

  it('zips the same files as exportFiles of all the rows, index.md first', async () => {
    const { api } = runtime();
    await seed(api, 9);
    const a = libraryActions(api, { exportBatch: 2, uploadPartChars: 1000 });
    const ids = ['https://e.com/004', 'nope', 'https://e.com/001', 'https://e.com/008'];
    const { zip, articles } = await a.exportZip(ids);
    const expected = exportFiles(await a.exportRows(ids), 'T');
    const got = unzipSync(zip);
    expect(articles).toBe(3);
    expect(Object.keys(got)).toEqual(expected.map((f) => f.name));
    const exportedAt = (text: string) => text.replace(/Exported \S+/, 'Exported T');
    for (const f of expected) expect(exportedAt(strFromU8(got[f.name]!))).toBe(f.text);
  });

  it('writes every file of the zip with the export options: the saved text, marks in place', async () => {
    const { api, sent } = runtime();
    const id = 'https://e.com/text';
    const text = {
      blocks: [{ kind: 'paragraph' as const, text: '下足绣花功夫，久久为功。' }],
    };
    await api.runtime.sendMessage({
      type: 'put-highlight',
      highlight: { ...highlight('h1', id), note: '注' },
      article: draft({ id, url: id, title: '有正文', text }),
    });
    const a = libraryActions(api);
    const get = async (markdown?: { fullText: boolean; obsidian: boolean }) =>
      strFromU8(
        unzipSync((await a.exportZip([id], undefined, markdown ? { markdown } : {})).zip)[
          '有正文.md'
        ]!,
      );
    const asked = () => sent.filter((m) => m.type === 'export-articles');
    sent.length = 0;
    const full = await get({ fullText: true, obsidian: true });
    expect(full).toContain('## 正文 Full text\n\n下足==绣花功夫==，久久为功。\n\n> 📝 注');
    expect(asked()).toMatchObject([{ texts: true }]);
    // The outline alone: the texts are not asked for (the background then reads none).
    sent.length = 0;
    expect(await get()).not.toContain('## 正文 Full text');
    expect(asked()).toMatchObject([{ texts: false }]);
    // One article, as the article view exports it: the same file.
    const one = await a.exportArticle(id, { fullText: true, obsidian: true });
    expect(one).toEqual({ name: '有正文.md', text: full });
    await expect(a.exportArticle('https://e.com/gone')).rejects.toThrow(RequestFailed);
  });

  it('exports nothing asked as a zip of index.md alone', async () => {
    const { api } = runtime();
    const steps: string[] = [];
    const { zip, articles } = await libraryActions(api).exportZip([], (p) =>
      steps.push(`${p.step}${p.done}/${p.total}`),
    );
    expect(articles).toBe(0);
    expect(Object.keys(unzipSync(zip))).toEqual(['index.md']);
    expect(steps).toEqual(['read0/0']);
  });

  it('writes a batch while the next ones are still being read, yielding to the page', async () => {
    const { api, sent } = runtime();
    await seed(api, 40);
    const a = libraryActions(api, { exportBatch: 10, uploadPartChars: 1000 });
    const progress: string[] = [];
    const requested: number[] = [];
    let yields = 0;
    await a.exportZip(
      undefined,
      (p) => {
        progress.push(`${p.done}/${p.total}`);
        requested.push(sent.filter((m) => m.type === 'export-articles').length);
      },
      { yieldControl: async () => void yields++ },
    );
    // 4 batches, EXPORT_IN_FLIGHT asked ahead: the first is zipped before the last is asked for.
    expect(progress).toEqual(['0/40', '10/40', '20/40', '30/40', `${ZIP_BATCH}/40`, '40/40']);
    expect(requested[1]).toBe(EXPORT_IN_FLIGHT); // at 10/40
    expect(requested.at(-1)).toBe(4);
    expect(yields).toBe(1);
  });

  it('builds the backup from pages of rows: the same text as export-backup', async () => {
    const { api, sent } = runtime();
    await seed(api, 25);
    const text = await backupText(libraryActions(api), '2025-02-01T00:00:00.000Z');
    expect(text).toBe(await exportBackup(db, '2025-02-01T00:00:00.000Z'));
    expect(text).not.toContain('"terms"');
    expect(sent.some((m) => m.type === 'export-backup-rows')).toBe(true);
  });

  it('reads the export and the backup straight from the live database when it can, with no message', async () => {
    const { api, sent } = runtime();
    await seed(api, 9);
    const sizes = { exportBatch: 2, uploadPartChars: 1000 };
    const AT = '2025-02-01T00:00:00.000Z';
    const viaMessages = await libraryActions(api, sizes).exportRows(undefined);
    const direct = libraryActions(api, sizes, {
      openReader: () => openBulkReader({ base: db.name }),
    });
    const asked = sent.length;
    expect(await direct.exportRows(undefined)).toEqual(viaMessages);
    const text = await backupText(direct, AT);
    expect(text).toBe(await exportBackup(db, AT));
    expect(sent.length).toBe(asked);
    // After a restore that replaced the library, the reads find the new live database.
    await api.runtime.sendMessage({ type: 'delete-article', articleId: 'https://e.com/000' });
    expect(await direct.restore(text, 'replace')).toMatchObject({ ok: true });
    expect(await backupText(direct, AT)).toBe(text);
    expect((await direct.exportRows(undefined)).length).toBe(9);
  });

  it('asks the background when the database cannot be opened here', async () => {
    const { api, sent } = runtime();
    await seed(api, 5);
    const a = libraryActions(api, undefined, {
      openReader: () => Promise.reject(new Error('no IndexedDB here')),
    });
    expect(await backupText(a, 'x')).toBe(await exportBackup(db, 'x'));
    // Pages of rows, how many in all not known: rows read so far, total 0.
    const progress: { done: number; total: number }[] = [];
    await a.backupParts(
      () => undefined,
      'x',
      (p) => progress.push(p),
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.total === 0)).toBe(true);
    const file = JSON.parse(await exportBackup(db, 'x')) as Record<string, unknown[]>;
    expect(progress.at(-1)!.done).toBe(
      file.articles!.length + file.highlights!.length + file.sitePrefs!.length,
    );
    expect((await a.exportRows(undefined)).length).toBe(5);
    expect(sent.some((m) => m.type === 'export-backup-rows')).toBe(true);
    expect(sent.some((m) => m.type === 'export-articles')).toBe(true);
  });

  it('restores a large file sent in parts, in one import', async () => {
    const { api, sent, a, text } = await backedUpThenDeleted();
    const r = await libraryActions(api, { exportBatch: 3, uploadPartChars: 1000 }).restore(
      text,
      'replace',
    );
    expect(r).toMatchObject({ ok: true, value: { articlesAdded: 12, highlightsAdded: 12 } });
    expect(sent.filter((m) => m.type === 'import-backup-part').length).toBeGreaterThan(3);
    await expectRestored(a, text);
  });

  it('restores a file through a blob: URL that the background reads, and revokes it', async () => {
    const { api, sent, a, text } = await backedUpThenDeleted();
    // As in an extension page: a blob URL of the page's origin, readable by the background.
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      const url = `blob:${location.origin}/${blobs.size}`;
      blobs.set(url, b as Blob);
      return url;
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => blobs.delete(url));
    vi.stubGlobal('fetch', async (url: string) => {
      const blob = blobs.get(url);
      if (!blob) throw new TypeError('Failed to fetch');
      return new Response(await blob.text());
    });
    const file = new File([text], 'backup.json', { type: 'application/json' });
    const r = await libraryActions(api, { exportBatch: 3, uploadPartChars: 1000 }).restore(
      file,
      'replace',
    );
    expect(r).toMatchObject({ ok: true, value: { articlesAdded: 12, highlightsAdded: 12 } });
    const imports = sent.filter((m) => m.type.startsWith('import-backup'));
    expect(imports).toEqual([
      { type: 'import-backup', blobUrl: `blob:${location.origin}/0`, mode: 'replace' },
    ]);
    expect(revoke).toHaveBeenCalledWith(`blob:${location.origin}/0`);
    expect(blobs.size).toBe(0);
    // A bad file read that way is refused as it is, not sent again in parts.
    const bad = await a.restore(new File(['{}'], 'other.json'), 'replace');
    expect(bad).toMatchObject({ ok: false, code: 'foreign' });
    expect(sent.filter((m) => m.type === 'import-backup-part')).toEqual([]);
    await expectRestored(a, text);
  });

  it('says how far a restore has come while the background reads the file, and no more once done', async () => {
    const { api, sent, a, text } = await backedUpThenDeleted();
    const bytes = new TextEncoder().encode(text);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue(`blob:${location.origin}/slow`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    // A file that arrives slowly: six pieces, 150 ms apart, its length in the response.
    const pieces = 6;
    vi.stubGlobal('fetch', async () => {
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (at >= bytes.length) return c.close();
          await new Promise((tick) => setTimeout(tick, 150));
          const end = Math.min(bytes.length, at + Math.ceil(bytes.length / pieces));
          c.enqueue(bytes.slice(at, end));
          at = end;
        },
      });
      return new Response(body, { headers: { 'content-length': String(bytes.length) } });
    });
    const seen: ImportProgressState[] = [];
    const r = await a.restore(new File([text], 'backup.json'), 'replace', (p) => seen.push(p));
    expect(r).toMatchObject({ ok: true, value: { articlesAdded: 12 } });
    const reading = seen.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThanOrEqual(2);
    expect(reading.every((p) => p.total === bytes.length && p.done <= p.total)).toBe(true);
    expect(reading.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    for (let i = 1; i < reading.length; i++)
      expect(reading[i]!.done).toBeGreaterThanOrEqual(reading[i - 1]!.done);
    expect(sent.filter((m) => m.type === 'import-progress').length).toBeGreaterThanOrEqual(2);
    // Nothing more is said once the restore has answered, and the background has no import.
    const told = seen.length;
    await new Promise((tick) => setTimeout(tick, 2 * IMPORT_POLL_MS));
    expect(seen.length).toBe(told);
    expect(await api.runtime.sendMessage({ type: 'import-progress' })).toEqual({
      ok: true,
      value: null,
    });
    await expectRestored(a, text);
  });

  it('sends the text in parts when the background cannot read the blob: URL', async () => {
    const { api, sent, a, text } = await backedUpThenDeleted();
    // The test environment's blob URLs (blob:nodedata:...) are not the background's origin.
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const r = await libraryActions(api, { exportBatch: 3, uploadPartChars: 1000 }).restore(
      new File([text], 'backup.json'),
      'merge',
    );
    expect(r).toMatchObject({ ok: true, value: { articlesAdded: 1 } });
    const imports = sent.filter((m) => m.type === 'import-backup') as Array<{ blobUrl?: string }>;
    expect(imports).toHaveLength(2);
    expect(imports[0]!.blobUrl).toMatch(/^blob:/);
    expect(revoke).toHaveBeenCalledWith(imports[0]!.blobUrl);
    expect(imports[1]).toMatchObject({ upload: expect.any(String), parts: expect.any(Number) });
    expect(sent.filter((m) => m.type === 'import-backup-part').length).toBeGreaterThan(3);
    await expectRestored(a, text);
  });

  it('an upload with a part missing changes nothing', async () => {
    const { api } = runtime();
    await seed(api, 2);
    const before = await exportBackup(db, 'x');
    await api.runtime.sendMessage({
      type: 'import-backup-part',
      upload: 'u1',
      index: 1,
      text: '{}',
    });
    expect(
      await api.runtime.sendMessage({
        type: 'import-backup',
        upload: 'u1',
        parts: 2,
        mode: 'replace',
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(await exportBackup(db, 'x')).toBe(before);
  });
});
