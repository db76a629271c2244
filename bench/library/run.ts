/**
 * Library benchmark: `node --import tsx bench/library/run.ts [--build] [--articles N --highlights M]`
 * (the third step of `npm run bench`).
 *
 * Loads the built extension (.output/chrome-mv3) into Debian's Chromium,
 * fills its own IndexedDB with a deterministic synthetic library (10,000
 * articles, 100,000 highlights; bench/library/synthetic-library.ts) through
 * the product's path — `import-backup` requests sent from the library page,
 * in parts that fit a runtime message — and measures, in the library page:
 *
 * a. search, in the library page once it has loaded its whole list: request →
 *    reply for a fixed mixed query set, five rounds, p95; and through the
 *    search box, query put in → results painted, as an input method commits
 *    it (searched at once) and as typed (minus the quiet time before a typed
 *    search), five rounds each, p95;
 * b. first render of library.html: navigation start → first list rows painted,
 *    medians: warm (reloads of a loaded page), cold (a relaunched browser
 *    once started, its service worker stopped as after 30 s idle) and opened
 *    at the moment the browser launches, five launches each;
 * c. export all as a zip from the button, three times (the median): total
 *    time, progress updates, the zip checked for index.md + one .md per article;
 * d. backup from the button, three times (the median), then restore it
 *    (replace) from the file input,
 *    over the library and again after a wipe (into an empty library): times,
 *    and the restored library checked against the one backed up;
 * e. the article view of a 20k-character text with 50 highlights, opened;
 * f. a new article with its text saved into the full library (the first
 *    highlight on a page does that), then a highlight on it (no target: the
 *    issue names none; it guards the write path).
 *
 * Each beside a reference measured in the same run in the same page: raw
 * IndexedDB reads of the same rows, JSON.stringify/parse of the same backup,
 * fflate's zipSync of the same files. Targets are printed as PASS/FAIL, not
 * asserted: the exit code is 0 unless the bench itself crashes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { serializeBackup } from '../../lib/backup/index.ts';
import { DB_VERSION, SCHEMA } from '../../background/db/schema.ts';
import { FIRST_PAGE } from '../../pages/library/library-actions.ts';
import { SEARCH_DEBOUNCE_MS } from '../../components/library/use-library-data.ts';
import {
  ensureChromeBuild,
  launchWithExtension,
  missingBrowserMessage,
  type Launched,
} from '../../scripts/harness.mjs';
import { banner, num, paint, table } from '../report.ts';
import { PLANTED, syntheticLibrary, VIEW_TITLE, viewArticle } from './synthetic-library.ts';

/** The extension API used inside the library page. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SHAPE = {
  articles: arg('articles', 10_000),
  highlights: arg('highlights', 100_000),
  // --no-texts: articles without their saved text, as libraries were before it was kept.
  texts: !process.argv.includes('--no-texts'),
};

/** The issue's targets. */
const TARGET = {
  searchP95Ms: 50,
  firstRenderMs: 300,
  exportMs: 10_000,
  backupMs: 10_000,
  articleViewMs: 100,
};
/** New articles saved into the full library (f), each with a highlight. */
const SAVES = 6;
/** Opens of the article view measured (its median is the result). */
const VIEW_OPENS = 7;
/**
 * Exports and backups measured (their medians are the results). One of each
 * swung from 9.2 to 15.9 s on the same build and profile on this kind of
 * machine (a VM of two cores, its load at 2 with nothing of ours running).
 */
const BULK_RUNS = 3;

/**
 * The live database's name in the extension's origin: `gangmu` until a restore
 * replaces the library, then the one the pointer database names
 * (background/db/library-db.ts). A profile kept with --reuse may hold either.
 */
const liveName = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((ok, fail) => {
        const r = indexedDB.open('gangmu-live');
        r.onerror = () => fail(r.error);
        r.onupgradeneeded = () => r.result.createObjectStore('live', { keyPath: 'key' });
        r.onsuccess = () => {
          const get = r.result.transaction('live').objectStore('live').get('library');
          get.onerror = () => fail(get.error);
          get.onsuccess = () => {
            r.result.close();
            ok((get.result as { name?: string } | undefined)?.name ?? 'gangmu');
          };
        };
      }),
  );

/** The query set: rare, common, phrases, notes, Latin, one character, no hit. */
const QUERIES = [
  PLANTED.rare, // rare phrase in a few outlines
  '碳汇', // rare bigram
  '发展', // common: thousands of rows
  '治理', // common
  '基层治理', // 4-character phrase, common
  '营商环境', // 4-character phrase
  '共同富裕', // formulation
  PLANTED.noteWord, // notes only
  PLANTED.bodyWord, // saved texts only, 1 article in 500
  '季度汇报', // notes and tags
  PLANTED.latin.toLowerCase(), // Latin word
  '治', // a single character (scan)
  '量子纠缠', // no hit
];
const SEARCH_ROUNDS = 5;
const WARM_LOADS = 7;
/** Launches for each of the cold and the at-launch medians (three let one slow launch of the VM set it). */
const COLD_LOADS = 5;
/** How long a cold load waits after the worker has started for the browser to finish launching. */
const LAUNCH_SETTLE_MS = 1500;
/** Articles per import-backup part when filling the library (a runtime message holds 64 MiB). */
const FILL_PART = 1000;

const verdict = (ok: boolean) => (ok ? paint('PASS', 'green') : paint('FAIL', 'red'));
const ms = (x: number) => (Number.isFinite(x) ? `${num(x)} ms` : '—');

/** One line of the result table: a measure against its target and a reference from the same run. */
function resultRow(
  label: string,
  value: number,
  runs: number,
  targetMs: number,
  ref: string,
  refMs: number,
  ok = true,
): string[] {
  const target = targetMs >= 1000 ? `≤ ${targetMs / 1000} s` : `≤ ${targetMs} ms`;
  return [
    label,
    ms(value),
    String(runs),
    target,
    verdict(value <= targetMs && ok),
    `${ms(refMs)} ${ref}`,
    `${num(value / refMs)}×`,
  ];
}

/** A result line without a target (the issue names none): the measure beside its reference. */
function infoRow(label: string, value: number, runs: number, ref: string, refMs: number): string[] {
  return [
    label,
    ms(value),
    String(runs),
    '—',
    'info',
    `${ms(refMs)} ${ref}`,
    `${num(value / refMs)}×`,
  ];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * Installed before the library page's scripts: records when the first list
 * row is in the DOM and the end of the frame that painted it (a task queued
 * from requestAnimationFrame runs after the paint).
 */
const FIRST_ROWS_RECORDER = `(() => {
  const out = { rows: null, painted: null, count: 0 };
  Object.defineProperty(window, '__gangmuFirstRows', { value: out });
  const check = () => {
    if (out.rows !== null) return;
    const n = document.querySelectorAll('.library-list li.article').length;
    if (!n) return;
    out.rows = performance.now();
    out.count = n;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { out.painted = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface Reply<T> {
  ok: boolean;
  value: T;
  error?: string;
}

/**
 * tsx compiles the functions passed to page.evaluate with esbuild's keepNames,
 * which calls a `__name` helper the page does not have: give it one.
 */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';
async function newPage(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.addInitScript(NAME_SHIM);
  return page;
}

/** Clicks a button that downloads a file: the file's path, and the time from the click to the file written. */
async function timedDownload(page: Page, button: string): Promise<{ path: string; ms: number }> {
  const t = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.locator(button).click(),
  ]);
  const path = await download.path();
  return { path, ms: performance.now() - t };
}

/**
 * Waits until a loaded library page has its whole list and filter choices,
 * so the next load does not queue behind this one's requests in the worker
 * (a reader reloads a page that has loaded, not one still loading).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    (first) =>
      document.querySelectorAll('.library-list li.article').length > first &&
      document.querySelectorAll('.filter-site option').length > 1,
    // A library no longer than the first screen has it whole at once.
    Math.min(FIRST_PAGE, SHAPE.articles - 1),
    { timeout: 60_000 },
  );
}

/**
 * In a browser just launched: waits for the extension's service worker to
 * start (it starts with the browser), for the browser to finish starting,
 * then stops the worker and waits until it has stopped — the state of a
 * browser in use, where the worker sleeps after 30 s idle. The page opened
 * next pays for waking it, opening the database and a fresh renderer, but not
 * for Chromium's own launch (measured on its own as "opened as the browser
 * launches").
 */
async function stopWorkerOnceStarted(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
    for (const v of e.versions)
      if (v.scriptURL.startsWith('chrome-extension://')) status = v.runningStatus;
  });
  const until = async (want: string) => {
    const deadline = Date.now() + 30_000;
    while (status !== want) {
      if (Date.now() > deadline)
        throw new Error(`service worker not ${want} (${status || 'unseen'})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await cdp.send('ServiceWorker.enable');
  await until('running');
  await new Promise((r) => setTimeout(r, LAUNCH_SETTLE_MS));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until('stopped');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

/** Restores a backup file (replace) from the library page's file input: ms until its notice shows. */
async function restoreFromFile(page: Page, path: string): Promise<number> {
  await page.locator('select.restore-mode').selectOption('replace');
  page.once('dialog', (dialog) => void dialog.accept());
  const t = performance.now();
  await page.locator('.restore-file input[type="file"]').setInputFiles(path);
  await page
    .locator('.notice[data-tone="info"], .notice[role="alert"]')
    .waitFor({ timeout: 600_000 });
  return performance.now() - t;
}

async function send<T>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T>>;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`\n${banner('Gangmu library benchmark (Chromium, built extension)')}`);
  const missing = missingBrowserMessage();
  if (missing) {
    console.log(paint(`SKIP  library bench: ${missing}`, 'yellow'));
    return;
  }
  ensureChromeBuild({ force: process.argv.includes('--build') });

  let t = performance.now();
  const lib = syntheticLibrary(SHAPE);
  const genMs = performance.now() - t;
  let textChars = 0;
  for (const a of lib.articles) for (const b of a.text?.blocks ?? []) textChars += b.text.length;
  console.log(
    `input: synthetic library, ${lib.articles.length} articles, ${lib.highlights.length} highlights, ${SHAPE.texts ? `saved texts of ${num(textChars / lib.articles.length)} characters on average` : 'no saved texts'} (generated in ${num(genMs)} ms)`,
  );

  // --reuse DIR (for working on the bench): keep the filled profile in DIR and skip the fill when it is there.
  const reuse = process.argv.includes('--reuse')
    ? process.argv[process.argv.indexOf('--reuse') + 1]!
    : null;
  const reused = reuse !== null && existsSync(join(reuse, 'Default'));
  // Chromium keeps the extension's service worker script in the profile: drop it, so the
  // reused profile runs the background as built now, not as it was when the profile was filled.
  if (reused) await rm(join(reuse, 'Default', 'Service Worker'), { recursive: true, force: true });
  const userDataDir = reuse ?? (await mkdtemp(join(tmpdir(), 'gangmu-libbench-')));
  let launched: Launched | null = null;
  const rows: string[][] = [];
  /** Rows are printed as measured too, so a crash later keeps them. */
  const push = (row: string[]) => {
    rows.push(row);
    console.log(`  ${row.filter(Boolean).join(' | ')}`);
  };
  const sampleIds = [0, 1, 17, 123, 4999, SHAPE.articles - 1]
    .filter((i) => i < lib.articles.length)
    .map((i) => lib.articles[i]!.id);
  const details: string[] = [];
  try {
    launched = await launchWithExtension({ userDataDir });
    const libraryUrl = `chrome-extension://${launched.extensionId}/library.html`;
    let page = await newPage(launched);
    await page.goto(libraryUrl);

    // The origin's storage before the fill, for the database size per article after it.
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const usageBefore = reused ? 0 : await usage();

    // Fill: import-backup (merge) in parts of FILL_PART articles with their highlights.
    t = performance.now();
    const byArticle = new Map<string, typeof lib.highlights>();
    for (const h of lib.highlights) {
      const list = byArticle.get(h.articleId) ?? [];
      list.push(h);
      byArticle.set(h.articleId, list);
    }
    for (let i = reused ? lib.articles.length : 0; i < lib.articles.length; i += FILL_PART) {
      const articles = lib.articles.slice(i, i + FILL_PART);
      const highlights = articles.flatMap((a) => byArticle.get(a.id) ?? []);
      const text = serializeBackup({ articles, highlights }, { pretty: false });
      const r = await send(page, { type: 'import-backup', text, mode: 'merge' });
      if (!r.ok) throw new Error(`fill: import-backup failed: ${r.error}`);
      process.stdout.write(
        `\rfill: ${Math.min(lib.articles.length, i + FILL_PART)} articles imported, ${num((performance.now() - t) / 1000)} s`,
      );
    }
    process.stdout.write('\n');
    const fillMs = performance.now() - t;
    details.push(
      reused
        ? `fill: skipped (--reuse: the profile holds the library already)`
        : `fill: ${Math.ceil(lib.articles.length / FILL_PART)} import-backup (merge) requests of ${FILL_PART} articles, ${num(fillMs / 1000)} s`,
    );
    if (!reused) {
      const bytes = (await usage()) - usageBefore;
      details.push(
        `database size: ${num(bytes / 1e6)} MB for the origin (navigator.storage.estimate), ${num(bytes / lib.articles.length / 1024)} KB per article with its ${num(lib.highlights.length / lib.articles.length)} highlights${SHAPE.texts ? ` (saved text ${num((textChars * 2) / lib.articles.length / 1024)} KB of UTF-16 per article)` : ''}`,
      );
    }

    // a. Search, in a loaded page as a reader searches: reloaded after the fill (which the
    // page did not see) and settled, so the first queries do not wait in the worker behind
    // the page's own whole-list and filter requests (10,000 summaries on a reused profile).
    await page.reload();
    await settled(page);
    const search = await page.evaluate(
      async ({ queries, rounds }) => {
        const per: Record<string, { ms: number[]; results: number }> = {};
        for (let r = 0; r < rounds; r++)
          for (const query of queries) {
            const t0 = performance.now();
            const reply = (await chrome.runtime.sendMessage({ type: 'search', query })) as {
              ok: boolean;
              value: unknown[];
              error?: string;
            };
            const dt = performance.now() - t0;
            if (!reply.ok) throw new Error(`search ${query}: ${reply.error}`);
            (per[query] ??= { ms: [], results: reply.value.length }).ms.push(dt);
          }
        return per;
      },
      { queries: QUERIES, rounds: SEARCH_ROUNDS },
    );
    const all = Object.values(search).flatMap((s) => s.ms);
    const searchP95 = percentile(all, 95);
    // Reference: the least a reply of 50 results reads, raw — 50 article rows by key range.
    const reference = await page.evaluate(
      async (live) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open(live);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const read = (store: string, count?: number) =>
          new Promise<number>((ok, fail) => {
            const t0 = performance.now();
            const req = db.transaction(store).objectStore(store).getAll(null, count);
            req.onsuccess = () => ok(performance.now() - t0);
            req.onerror = () => fail(req.error);
          });
        const fifty: number[] = [];
        for (let i = 0; i < 9; i++) fifty.push(await read('articles', 50));
        const articles: number[] = [];
        for (let i = 0; i < 3; i++) articles.push(await read('articles'));
        db.close();
        fifty.sort((a, b) => a - b);
        articles.sort((a, b) => a - b);
        return { fiftyMs: fifty[4]!, articlesMs: articles[1]! };
      },
      await liveName(page),
    );
    // Through the search box: the query put in → its results (or "none") painted. Typed
    // (a plain input, searched after the quiet time, which is subtracted) and committed by
    // an input method (searched at once: how a reader enters Chinese). As many rounds as
    // the search above, the two ways taking turns, so the p95 is not just the slowest one.
    const uiSearch = { typed: [] as number[], committed: [] as number[] };
    const uiPerQuery = {
      typed: new Map<string, number[]>(),
      committed: new Map<string, number[]>(),
    };
    for (let round = 0; round < SEARCH_ROUNDS; round++)
      for (const how of ['committed', 'typed'] as const)
        for (const query of QUERIES) {
          const dt = await page.evaluate(
            async ({ q, committed }) => {
              const input = document.querySelector<HTMLInputElement>('input.search')!;
              input.value = '';
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise((r) => setTimeout(r, 50));
              const t0 = performance.now();
              input.value = q;
              if (committed) {
                input.dispatchEvent(
                  new InputEvent('input', {
                    bubbles: true,
                    isComposing: true,
                    inputType: 'insertCompositionText',
                  }),
                );
                input.dispatchEvent(
                  new CompositionEvent('compositionend', { bubbles: true, data: q }),
                );
              } else input.dispatchEvent(new Event('input', { bubbles: true }));
              // Painted: the first frame that finds them in the page paints them as its
              // rendering step ends; a task queued from its animation-frame callback runs
              // right after that.
              await new Promise<void>((ok) => {
                const done = () =>
                  document.querySelector('.results, .search-none, .library .error') !== null;
                const poll = () => (done() ? setTimeout(ok, 0) : requestAnimationFrame(poll));
                requestAnimationFrame(poll);
              });
              return performance.now() - t0;
            },
            { q: query, committed: how === 'committed' },
          );
          const ms = how === 'typed' ? dt - SEARCH_DEBOUNCE_MS : dt;
          uiSearch[how].push(ms);
          uiPerQuery[how].set(query, [...(uiPerQuery[how].get(query) ?? []), ms]);
        }
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input.search')!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    push(
      resultRow(
        'a search p95 (request → reply)',
        searchP95,
        all.length,
        TARGET.searchP95Ms,
        'getAll(50)',
        reference.fiftyMs,
      ),
    );
    for (const [how, label] of [
      ['committed', 'a … search box, word committed → results painted, p95'],
      ['typed', 'a … search box, typed → results painted, p95'],
    ] as const)
      push(
        resultRow(
          label,
          percentile(uiSearch[how], 95),
          uiSearch[how].length,
          TARGET.searchP95Ms,
          'getAll(50)',
          reference.fiftyMs,
        ),
      );
    details.push(
      'a search, median per query (results): ' +
        Object.entries(search)
          .map(([q, s]) => `${q} ${num(median(s.ms))} ms (${s.results})`)
          .join(', '),
    );
    const perQuery = (how: 'typed' | 'committed') =>
      QUERIES.map((q) => `${q} ${num(median(uiPerQuery[how].get(q)!))}`).join(', ');
    details.push(
      `  search box, median per query, committed: ${perQuery('committed')} ms`,
      `  search box, median per query, typed (quiet time of ${SEARCH_DEBOUNCE_MS} ms subtracted): ${perQuery('typed')} ms`,
    );

    // b. First render: warm reloads, then cold launches.
    const firstRows = async (p: Page) => {
      await p.waitForFunction(
        () =>
          (window as unknown as { __gangmuFirstRows?: { painted: number | null } })
            .__gangmuFirstRows?.painted != null,
        null,
        { timeout: 60_000 },
      );
      return (await p.evaluate('window.__gangmuFirstRows')) as {
        rows: number;
        painted: number;
        count: number;
      };
    };
    await page.close();
    page = await newPage(launched);
    await page.addInitScript(FIRST_ROWS_RECORDER);
    const warm: { rows: number; painted: number; count: number }[] = [];
    for (let i = 0; i <= WARM_LOADS; i++) {
      if (i === 0) await page.goto(libraryUrl);
      else await page.reload();
      const m = await firstRows(page);
      if (i > 0) warm.push(m);
      await settled(page);
    }
    await page.close();
    const cold: { rows: number; painted: number; count: number }[] = [];
    const atLaunch: { rows: number; painted: number; count: number }[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      for (const asleep of [true, false]) {
        await launched.context.close();
        launched = null;
        launched = await launchWithExtension({ userDataDir });
        const p = await newPage(launched);
        await p.addInitScript(FIRST_ROWS_RECORDER);
        if (asleep) await stopWorkerOnceStarted(p);
        await p.goto(libraryUrl);
        (asleep ? cold : atLaunch).push(await firstRows(p));
        await p.close();
      }
    }
    page = await newPage(launched);
    await page.goto(libraryUrl);
    await page.locator('.library[data-state="ready"]').waitFor({ timeout: 60_000 });
    for (const [label, loads] of [
      ['b first render, warm (nav → rows painted)', warm],
      ['b first render, cold (new browser, worker asleep)', cold],
      ['b first render, opened as the browser launches', atLaunch],
    ] as const)
      push(
        resultRow(
          label,
          median(loads.map((m) => m.painted)),
          loads.length,
          TARGET.firstRenderMs,
          'getAll(articles)',
          reference.articlesMs,
        ),
      );
    details.push(
      `b first render: rows in the DOM at ${num(median(warm.map((m) => m.rows)))} ms warm / ${num(median(cold.map((m) => m.rows)))} ms cold, ${warm[0]?.count ?? 0} rows at first paint; cold loads: ${cold.map((m) => num(m.painted)).join(', ')} ms; at launch: ${atLaunch.map((m) => num(m.painted)).join(', ')} ms`,
    );

    // c. Export all as a zip, from the button.
    const progress = page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const p = document.querySelector('.actions-bar progress');
        const v = p ? Number(p.getAttribute('value') ?? (p as HTMLProgressElement).value) : NaN;
        if (Number.isFinite(v) && seen[seen.length - 1] !== v) seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await progress;
    const exports: number[] = [];
    let zipPath = '';
    let progressUpdates = 0;
    for (let run = 0; run < BULK_RUNS; run++) {
      const got = await timedDownload(page, 'button.export-all');
      zipPath = got.path;
      exports.push(got.ms);
      if (run === 0) progressUpdates = (await page.evaluate('window.__progress.length')) as number;
    }
    const exportMs = median(exports);
    const zipBytes = new Uint8Array(await readFile(zipPath));
    const unzipped = unzipSync(zipBytes);
    const zipNames = Object.keys(unzipped);
    const mdFiles = zipNames.filter((n) => n.endsWith('.md') && n !== 'index.md').length;
    const zipOk = zipNames.includes('index.md') && mdFiles === lib.articles.length;
    // Reference: fflate's zipSync (level 6) of the same files' bytes, in Node.
    t = performance.now();
    zipSync(unzipped, { level: 6 });
    const zipRefMs = performance.now() - t;
    push(
      resultRow(
        'c export all → zip downloaded',
        exportMs,
        BULK_RUNS,
        TARGET.exportMs,
        'zipSync (Node)',
        zipRefMs,
        zipOk && progressUpdates > 1,
      ),
    );
    details.push(
      `c export: ${exports.map((x) => num(x / 1000)).join(', ')} s; ${num(zipBytes.length / 1e6)} MB zip, ${zipNames.length} entries (${mdFiles} articles + index.md: ${zipOk ? 'ok' : paint('WRONG', 'red')}), ${progressUpdates} progress updates seen`,
    );

    // d. Backup from the button, then restore it (replace) from the file input.
    const snapshot = async () =>
      page.evaluate(async (sample) => {
        const list = (await chrome.runtime.sendMessage({ type: 'list-articles' })) as {
          value: { id: string; highlights: number; notes: number; tags: string[] }[];
        };
        const picked = [] as unknown[];
        for (const id of sample)
          picked.push(await chrome.runtime.sendMessage({ type: 'get-article', articleId: id }));
        return {
          articles: list.value.length,
          highlights: list.value.reduce((n, a) => n + a.highlights, 0),
          notes: list.value.reduce((n, a) => n + a.notes, 0),
          tags: list.value.reduce((n, a) => n + a.tags.length, 0),
          sample: JSON.stringify(picked),
        };
      }, sampleIds);
    const before = await snapshot();
    let backupMs = NaN;
    const backups: number[] = [];
    let restoreMs = NaN;
    let identical = false;
    let restoreEmptyMs = NaN;
    let identicalEmpty = false;
    let backupNote = '';
    let backupBytes = 0;
    try {
      let backupPath = '';
      for (let run = 0; run < BULK_RUNS; run++) {
        const got = await timedDownload(page, 'button.backup');
        backupPath = got.path;
        backups.push(got.ms);
      }
      backupMs = median(backups);
      backupBytes = (await readFile(backupPath)).length;
      restoreMs = await restoreFromFile(page, backupPath);
      const notice = (await page.locator('.notice').textContent()) ?? '';
      if (await page.locator('.notice[role="alert"]').count())
        backupNote = `restore refused: ${notice}`;
      const after = await snapshot();
      identical = JSON.stringify(after) === JSON.stringify(before);
      // The same file into an empty library (backup → wipe → restore, as the e2e test does):
      // wiped by restoring an empty backup, then restored from the file input again.
      const wiped = await send(page, {
        type: 'import-backup',
        text: serializeBackup({ articles: [], highlights: [] }),
        mode: 'replace',
      });
      if (!wiped.ok) throw new Error(`wipe failed: ${wiped.error}`);
      await page.reload();
      restoreEmptyMs = await restoreFromFile(page, backupPath);
      identicalEmpty = JSON.stringify(await snapshot()) === JSON.stringify(before);
    } catch (err) {
      backupNote = `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      const alert = page.locator('.notice[role="alert"]');
      if (await alert.count()) backupNote += ` — page says: ${await alert.textContent()}`;
    }
    const live = await liveName(page);
    // Reference: JSON.stringify and JSON.parse of the same rows (terms stripped), in the page,
    // each article with its texts in the shape a backup file holds them.
    const jsonRef = await page.evaluate(async (live) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(live);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const all = (store: string) =>
        new Promise<Record<string, unknown>[]>((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result as Record<string, unknown>[]);
          req.onerror = () => fail(req.error);
        });
      const strip = (r: Record<string, unknown>) => {
        const { terms: _t, ...rest } = r;
        return rest;
      };
      // Schema v10 stores an article's texts apart, the saved text compact: joined back and
      // decoded as lib/text/stored-text.ts decodeText does (a page.evaluate cannot import it).
      interface Compact {
        chars: string;
        ends: Uint32Array;
        kinds: Uint8Array;
        levels: Uint8Array;
        boldEnds: Uint32Array;
        bold: Uint32Array;
        cut?: number;
      }
      const KINDS = ['paragraph', 'heading', 'list-item'];
      const decode = (s: Compact | { blocks: unknown[] }) => {
        if ('blocks' in s) return s;
        const blocks: Record<string, unknown>[] = [];
        let start = 0;
        let run = 0;
        s.ends.forEach((end, i) => {
          const b: Record<string, unknown> = {
            kind: KINDS[s.kinds[i]! & 0x7f],
            text: s.chars.slice(start, end),
          };
          if (s.levels[i]) b.level = s.levels[i];
          if (s.kinds[i]! & 0x80) {
            const runs: number[][] = [];
            for (; run < s.boldEnds[i]!; run++) runs.push([s.bold[2 * run]!, s.bold[2 * run + 1]!]);
            b.bold = runs;
          }
          blocks.push(b);
          start = end;
        });
        return s.cut === undefined ? { blocks } : { blocks, cut: s.cut };
      };
      const names = [...db.objectStoreNames];
      const texts = new Map(
        (names.includes('articleTexts') ? await all('articleTexts') : []).map((t) => [t.id, t]),
      );
      const withTexts = (r: Record<string, unknown>) => {
        const t = texts.get(r.id);
        if (!t) return r;
        return {
          ...r,
          ...(t.sourceText !== undefined ? { sourceText: t.sourceText } : {}),
          ...(t.text !== undefined ? { text: decode(t.text as Compact) } : {}),
        };
      };
      const data = {
        format: 'gangmu-backup',
        version: 1,
        articles: (await all('articles')).map(strip).map(withTexts),
        // Schema v5: one row per article holding its highlights.
        highlights: (await all('highlightGroups')).flatMap(
          (g) => g.highlights as Record<string, unknown>[],
        ),
      };
      db.close();
      let t0 = performance.now();
      const text = JSON.stringify(data, null, 2);
      const stringifyMs = performance.now() - t0;
      t0 = performance.now();
      JSON.parse(text);
      return { stringifyMs, parseMs: performance.now() - t0, chars: text.length };
    }, live);
    // Reference for the restore's writes: every row it wrote (every store of the current
    // schema but the site preferences: articles, their texts, highlight groups, summary pages,
    // posting lists and pages, search rows),
    // read back and put raw into a scratch database with the same stores and indexes, in one
    // transaction — what IndexedDB alone takes to store them.
    const idbRef = await page.evaluate(
      async ({ live, spec }) => {
        const open = (name: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
          new Promise<IDBDatabase>((ok, fail) => {
            const r = version ? indexedDB.open(name, version) : indexedDB.open(name);
            if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
            r.onsuccess = () => ok(r.result);
            r.onerror = () => fail(r.error);
          });
        const src = await open(live);
        const stores = Object.keys(spec).filter((s) => spec[s] && s !== 'sitePrefs');
        const rows: Record<string, unknown[]> = {};
        for (const store of stores)
          rows[store] = await new Promise<unknown[]>((ok, fail) => {
            const req = src.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => ok(req.result as unknown[]);
            req.onerror = () => fail(req.error);
          });
        src.close();
        await new Promise((ok) => {
          const d = indexedDB.deleteDatabase('gangmu-bench-ref');
          d.onsuccess = d.onerror = () => ok(null);
        });
        // The current schema's stores and indexes (background/db/schema.ts, Dexie's syntax).
        const ref = await open('gangmu-bench-ref', 1, (db) => {
          for (const store of stores) {
            const [key = '', ...indexes] = spec[store]!.split(',').map((f) => f.trim());
            // A compound key, `[a+b]`, is the key path ['a', 'b'].
            const keyPath = key.startsWith('[') ? key.slice(1, -1).split('+') : key;
            const s = db.createObjectStore(store, { keyPath });
            for (const f of indexes)
              if (f.startsWith('*')) s.createIndex(f.slice(1), f.slice(1), { multiEntry: true });
              else if (f.startsWith('&')) s.createIndex(f.slice(1), f.slice(1), { unique: true });
              else s.createIndex(f, f);
          }
        });
        const t0 = performance.now();
        await new Promise<void>((ok, fail) => {
          const tx = ref.transaction(stores, 'readwrite');
          for (const store of stores) for (const r of rows[store]!) tx.objectStore(store).put(r);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        const ms = performance.now() - t0;
        ref.close();
        indexedDB.deleteDatabase('gangmu-bench-ref');
        return { ms, rows: stores.reduce((n, s) => n + rows[s]!.length, 0) };
      },
      { live, spec: SCHEMA[DB_VERSION] as Record<string, string | null> },
    );
    /** A backup or restore line: one run against the 10 s target. */
    const backupRow = (
      label: string,
      value: number,
      ok: boolean,
      ref: string,
      refMs: number,
      runs = 1,
    ) => resultRow(label, value, runs, TARGET.backupMs, ref, refMs, ok);
    push(
      backupRow(
        'd backup → file downloaded',
        backupMs,
        true,
        'stringify',
        jsonRef.stringifyMs,
        BULK_RUNS,
      ),
    );
    push(backupRow('d restore (replace) → done', restoreMs, identical, 'parse', jsonRef.parseMs));
    push(
      backupRow(
        'd … into an empty library (after a wipe)',
        restoreEmptyMs,
        identicalEmpty,
        'parse',
        jsonRef.parseMs,
      ),
    );
    push(
      backupRow('d … vs raw IndexedDB put of the rows', restoreMs, identical, 'raw put', idbRef.ms),
    );
    push(
      backupRow('d … into empty, vs raw put', restoreEmptyMs, identicalEmpty, 'raw put', idbRef.ms),
    );
    details.push(
      `d raw put reference: every row the restore wrote (articles, article texts, highlight groups, summary pages, posting lists, search rows: ${num(idbRef.rows)} rows), put raw with the same indexes in one transaction: ${num(idbRef.ms / 1000)} s`,
    );
    details.push(
      `d backup: ${backups.map((x) => num(x / 1000)).join(', ')} s; ${num(backupBytes / 1e6)} MB file; restored library identical, over the library and into an empty one (counts ${before.articles} articles, ${before.highlights} highlights, ${before.notes} notes, ${before.tags} tags + ${sampleIds.length} sampled articles with highlights): ${identical && identicalEmpty ? 'yes' : paint('NO', 'red')}${backupNote ? ` — ${backupNote}` : ''}`,
    );

    // e. The article view with its text: one article of 20,000 characters and 50 highlights,
    // opened from the list; click → the text shown with every highlight painted, next frame.
    const viewed = viewArticle();
    const put = await send(page, {
      type: 'import-backup',
      text: serializeBackup(viewed, { pretty: false }),
      mode: 'merge',
    });
    if (!put.ok) throw new Error(`article view: import-backup failed: ${put.error}`);
    await page.reload();
    await settled(page);
    const opens = await page.evaluate(
      async ({ title, count, runs, pauseMs }) => {
        const frame = () => new Promise<number>((ok) => requestAnimationFrame(() => ok(0)));
        const until = async (test: () => boolean) => {
          const t0 = performance.now();
          while (!test()) {
            if (performance.now() - t0 > 10_000) throw new Error('the article view did not show');
            await frame();
          }
        };
        const painted = () => {
          const f = document.querySelector<HTMLIFrameElement>('.article-view iframe.reader-frame');
          const w = f?.contentWindow as (Window & { CSS: typeof CSS }) | null | undefined;
          const reg = (w?.CSS as unknown as { highlights?: Map<string, Set<Range>> } | undefined)
            ?.highlights;
          let n = 0;
          for (const [name, set] of reg ?? []) if (name.startsWith('gangmu-')) n += set.size;
          return n === count && (f?.contentDocument?.body.textContent?.length ?? 0) > 10_000;
        };
        const out: number[] = [];
        for (let r = 0; r < runs; r++) {
          const link = [
            ...document.querySelectorAll<HTMLAnchorElement>('.library-list .article a'),
          ].find((a) => a.textContent?.includes(title));
          if (!link) throw new Error('the article is not in the list');
          const t0 = performance.now();
          link.click();
          await until(painted);
          await frame();
          out.push(performance.now() - t0);
          document.querySelector<HTMLButtonElement>('.article-view button.back')?.click();
          await until(() => !document.querySelector('.article-view'));
          // A reader's pause before the next article: going back refreshes the list, which
          // the worker answers first (a next open at once queued behind it, 150–200 ms).
          await new Promise((ok) => setTimeout(ok, pauseMs));
        }
        return out;
      },
      { title: VIEW_TITLE, count: viewed.highlights.length, runs: VIEW_OPENS, pauseMs: 1000 },
    );
    const viewRef = await page.evaluate(
      async (paragraphs) => {
        const times: number[] = [];
        for (let r = 0; r < 5; r++) {
          const t0 = performance.now();
          const f = document.createElement('iframe');
          document.body.append(f);
          const d = f.contentDocument!;
          for (const text of paragraphs) {
            const p = d.createElement('p');
            p.textContent = text;
            d.body.append(p);
          }
          await new Promise((ok) => requestAnimationFrame(ok));
          times.push(performance.now() - t0);
          f.remove();
        }
        return times.sort((a, b) => a - b)[2]!;
      },
      viewed.articles[0]!.text!.blocks.map((b) => b.text),
    );
    push(
      resultRow(
        'e article view with its text → painted',
        median(opens),
        opens.length,
        TARGET.articleViewMs,
        'text into a frame',
        viewRef,
      ),
    );
    details.push(
      `e article view: ${num(viewed.articles[0]!.text!.blocks.reduce((n, b) => n + b.text.length, 0))} characters, ${viewed.highlights.length} highlights painted; opens: ${opens.map(num).join(', ')} ms (the first loads the reader's code)`,
    );

    // f. Writing into the full library: a new article with its saved text (what the first
    // highlight on a page does: the article is saved with it), then a highlight on it,
    // through the product's requests; then deleted again. Its search terms go into the
    // posting lists of ~400 terms, each holding up to every article's doc.
    const stamp = Date.now().toString(36);
    const fresh = syntheticLibrary({ articles: SAVES, highlights: SAVES * 4, seed: 4242 });
    const drafts = fresh.articles.map((a, i) => {
      const { savedAt: _s, updatedAt: _u, ...draft } = a;
      const id = `https://bench.invalid/new/${stamp}-${i}`;
      return { ...draft, id, url: id };
    });
    const marks = drafts.map((d, i) => ({
      ...fresh.highlights.find((h) => h.articleId === fresh.articles[i]!.id)!,
      articleId: d.id,
    }));
    const writes = await page.evaluate(
      async ({ drafts, marks }) => {
        const save: number[] = [];
        const mark: number[] = [];
        const call = async (m: unknown, into: number[]) => {
          const t0 = performance.now();
          const r = (await chrome.runtime.sendMessage(m)) as { ok: boolean; error?: string };
          into.push(performance.now() - t0);
          if (!r.ok) throw new Error(r.error);
        };
        for (let i = 0; i < drafts.length; i++) {
          await call({ type: 'save-article', article: drafts[i] }, save);
          await call({ type: 'put-highlight', highlight: marks[i], article: drafts[i] }, mark);
        }
        for (const d of drafts)
          await chrome.runtime.sendMessage({ type: 'delete-article', articleId: d.id });
        // Reference: one article with its text put raw into a scratch database.
        const ref = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('gangmu-bench-write-ref', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('a', { keyPath: 'id' });
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const raw: number[] = [];
        for (const d of drafts) {
          const t0 = performance.now();
          await new Promise<void>((ok, fail) => {
            const tx = ref.transaction('a', 'readwrite');
            tx.objectStore('a').put(d);
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          });
          raw.push(performance.now() - t0);
        }
        ref.close();
        indexedDB.deleteDatabase('gangmu-bench-write-ref');
        return { save, mark, raw };
      },
      { drafts, marks },
    );
    const rawPut = median(writes.raw);
    push(
      infoRow(
        'f save a new article with its text (first highlight on a page)',
        median(writes.save),
        writes.save.length,
        'raw put of it',
        rawPut,
      ),
    );
    push(
      infoRow(
        'f … a highlight on it',
        median(writes.mark),
        writes.mark.length,
        'raw put of it',
        rawPut,
      ),
    );
    details.push(
      `f writes: saves ${writes.save.map(num).join(', ')} ms; highlights ${writes.mark.map(num).join(', ')} ms (each article deleted again after)`,
    );
  } finally {
    await launched?.context.close();
    if (!reuse) await rm(userDataDir, { recursive: true, force: true });
  }
  console.log(
    `\n${table(['measure', 'value', 'runs', 'target', 'result', 'reference', '× reference'], rows)}`,
  );
  console.log(`\n${banner('Details', '-')}`);
  for (const d of details) console.log(d);
  console.log(`\nlibrary bench time ${num((performance.now() - started) / 1000)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
