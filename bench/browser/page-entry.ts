/**
 * The code the browser bench injects into each page (bundled by esbuild into
 * one IIFE, see bundle.ts): the engine functions under test — the quick check
 * and anchoring, the same modules the content script bundles — Readability
 * as the reference, and the in-page timing loops. Everything is timed here,
 * in the page, with performance.now(); the Node side only reads the results.
 *
 * Exposed as `globalThis.__gangmuBench`. Node calls it with string
 * expressions (`page.evaluate('__gangmuBench.quick(31)')`), so no function
 * source is shipped through Playwright.
 */
import { Readability } from '@mozilla/readability';
import { anchor, type Anchored } from '../../lib/anchoring/anchor.ts';
import { describe } from '../../lib/anchoring/describe.ts';
import { buildTextMap, rangeFromOffsets } from '../../lib/anchoring/text-map.ts';
import {
  quickCheck,
  quickCheckDocument,
  sampleDocument,
  type QuickResult,
} from '../../lib/detect/quick-check.ts';
import type { Highlight, HighlightColor, Selector } from '../../lib/model.ts';
import { pathKey } from '../../lib/anchoring/outline-ranges.ts';
import { outlinePage } from '../../content/page-outline.ts';
import { analyzeDocument } from '../../lib/index.ts';
import { pageStructure } from '../../content/page-structure.ts';

const HIGHLIGHT_NAME = 'gangmu-bench';

/** Median of a non-empty list. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Resolves after the next frame has been painted: a task queued from requestAnimationFrame runs after that frame's paint. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps results observable so that nothing is optimised away. */
let sink: unknown;

/** Readability's `parse()` on a clone of this document (the clone is made outside the timing). */
function readability(runs: number) {
  const times: number[] = [];
  const clones: number[] = [];
  let textLength = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = performance.now();
    const clone = document.cloneNode(true) as Document;
    clones.push(performance.now() - c0);
    const t0 = performance.now();
    const article = new Readability(clone).parse();
    times.push(performance.now() - t0);
    textLength = article?.textContent?.length ?? 0;
  }
  return { ms: median(times), samples: runs, cloneMs: median(clones), textLength };
}

/** `quickCheckDocument(document)`, the content script's check at document_idle: 3 warm-up calls, then `runs` timed calls. */
function quick(runs: number) {
  let result: QuickResult = quickCheckDocument(document);
  for (let i = 0; i < 2; i++) sink = quickCheckDocument(document);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = quickCheckDocument(document);
    times.push(performance.now() - t0);
  }
  // Where the time goes: sampling the DOM vs judging the sample, and the two
  // native calls the sampler makes over the whole page.
  const sampling: number[] = [];
  const judging: number[] = [];
  const textContent: number[] = [];
  const blocks: number[] = [];
  for (let i = 0; i < Math.min(runs, 15); i++) {
    const t0 = performance.now();
    const sample = sampleDocument(document);
    const t1 = performance.now();
    sink = quickCheck(sample);
    const t2 = performance.now();
    sampling.push(t1 - t0);
    judging.push(t2 - t1);
  }
  let textLength = 0;
  for (let i = 0; i < Math.min(runs, 15); i++) {
    const t0 = performance.now();
    textLength = document.body.textContent?.length ?? 0;
    const t1 = performance.now();
    sink = document.body.querySelectorAll('p,h2,h3,h4,li,section').length;
    const t2 = performance.now();
    textContent.push(t1 - t0);
    blocks.push(t2 - t1);
  }
  return {
    ms: median(times),
    maxMs: Math.max(...times),
    samples: runs,
    result,
    textLength,
    sampleMs: median(sampling),
    verdictMs: median(judging),
    textContentMs: median(textContent),
    querySelectorAllMs: median(blocks),
    blocks: document.body.querySelectorAll('p,h2,h3,h4,li,section').length,
    elements: document.body.getElementsByTagName('*').length,
  };
}

/**
 * The sidebar's host: the element the content script puts on <html> beside
 * <head> and <body> (content/sidebar-host.ts). Its root is closed: the
 * bench sees that it is there, and times it by the content script's marks.
 */
const host = () =>
  [...document.documentElement.children].find((e) => e !== document.head && e !== document.body) ??
  null;
const marks = (name: string) => performance.getEntriesByName(name, 'mark');

/** Resolves with performance.now() as soon as `ready()` holds: checked at once, then on every DOM mutation and every frame. */
function when(ready: () => boolean, timeoutMs = 10_000): Promise<number> {
  if (ready()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    let frame = 0;
    let observer: MutationObserver | null = null;
    const finish = (ok: boolean) => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      if (ok) resolve(performance.now());
      else reject(new Error('timed out waiting for the sidebar'));
    };
    const check = () => {
      if (ready()) finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    observer = new MutationObserver(check);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const poll = () => {
      check();
      frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);
  });
}

/** How many times the content script has rendered the sidebar on this page (its `gangmu:rendered` marks). */
function sidebarRenders(): number {
  return marks('gangmu:rendered').length;
}

/**
 * After the reader's toggle (sent by the bench from the service worker, as
 * the shortcut does): waits for the content script's render number
 * `before + 1`, then for the next painted frame. Open-to-render is the
 * content script's own `gangmu:open` → `gangmu:rendered` marks (engine and
 * render, no messaging); `painted` runs to the first frame after it.
 */
async function sidebarOpened(before: number) {
  await when(() => sidebarRenders() > before);
  const open = marks('gangmu:open').at(-1)!.startTime;
  const rendered = marks('gangmu:rendered').at(-1)!.startTime;
  await afterPaint();
  return { ms: rendered - open, paintedMs: performance.now() - open };
}

/** A change to the page's DOM (a text node added and removed): the next open outlines again. */
function touchPage() {
  const t = document.createTextNode('');
  document.body.append(t);
  t.remove();
}

/** Whether the content script has outlined the page at idle (its `gangmu:idle-outline` mark). */
function idleOutlined(): boolean {
  return marks('gangmu:idle-outline').length > 0;
}

/** Resolves once the sidebar's host has left the page (closed by the next toggle). */
async function sidebarClosed() {
  await when(() => !host());
  await pause(30);
}

/** Deterministic highlight spans spread over the text: `n` stretches of 6–45 characters, none blank. */
function spans(text: string, n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const step = Math.floor(text.length / (n + 1));
  for (let i = 1; out.length < n && i <= n * 2; i++) {
    const at = (i * step) % Math.max(1, text.length - 50);
    const len = 6 + ((i * 7919) % 40);
    if (text.slice(at, at + len).trim().length >= 4) out.push([at, at + len]);
  }
  return out;
}

let selectors: Selector[][] = [];

/** Saves `n` highlights' selectors (position + quote, as `describe()` makes them) from the current page text. */
function seed(n: number) {
  const map = buildTextMap(document.body);
  selectors = spans(map.text, n)
    .map(([s, e]) => describe(map.text, s, e))
    .filter((sel) => sel.length > 0);
  if (!document.getElementById('gangmu-bench-style')) {
    const style = document.createElement('style');
    style.id = 'gangmu-bench-style';
    style.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffe58f; }`;
    document.head.append(style);
  }
  return { seeded: selectors.length, textLength: map.text.length };
}

/**
 * Restores the seeded highlights `runs` times: buildTextMap(body) + anchor()
 * and rangeFromOffsets() per highlight + CSS.highlights.set (`restored`),
 * then the next painted frame (`painted`). With `shift`, a paragraph is first
 * inserted at the top of the body, so every saved position is stale and each
 * highlight is found again by its quote.
 */
async function restore(runs: number, shift = false) {
  let inserted: HTMLElement | null = null;
  if (shift) {
    inserted = document.createElement('p');
    inserted.textContent =
      '（编者按：本文发表后作者对个别文字作了修订，此处为新增的说明段落。）'.repeat(3);
    document.body.prepend(inserted);
  }
  const restored: number[] = [];
  const painted: number[] = [];
  const methods: Record<string, number> = {};
  let placed = 0;
  try {
    for (let i = 0; i < runs; i++) {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      await afterPaint();
      const t0 = performance.now();
      const map = buildTextMap(document.body);
      const ranges: Range[] = [];
      const found: Anchored[] = [];
      for (const sel of selectors) {
        const a = anchor(map.text, sel);
        if (!a) continue;
        found.push(a);
        ranges.push(rangeFromOffsets(map, a.start, a.end));
      }
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
      const t1 = performance.now();
      await afterPaint();
      const t2 = performance.now();
      restored.push(t1 - t0);
      painted.push(t2 - t0);
      placed = ranges.length;
      for (const k of Object.keys(methods)) delete methods[k];
      for (const a of found) methods[a.method] = (methods[a.method] ?? 0) + 1;
    }
  } finally {
    CSS.highlights.delete(HIGHLIGHT_NAME);
    inserted?.remove();
  }
  return {
    ms: median(painted),
    restoredMs: median(restored),
    samples: runs,
    placed,
    total: selectors.length,
    methods,
  };
}

const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/**
 * `n` highlights of this page for `articleId`, described exactly as the content
 * script's toolbar describes a new one (content/highlight-controller.ts
 * `create`): `describe()` over the text map of `document.body`, with the outline
 * node from the full engine's outline of the page. Node stores them through the
 * background (`put-highlight`).
 */
function describeHighlights(n: number, articleId: string): Highlight[] {
  const map = buildTextMap(document.body);
  const structure = pageStructure(
    document,
    map,
    outlinePage(document, window, location.href, analyzeDocument),
  );
  const at = new Date().toISOString();
  return spans(map.text, n).flatMap(([s, e], i): Highlight[] => {
    const sel = describe(map.text, s, e, {
      nodes: structure.nodes,
      rangeOf: (_n, path) => structure.ranges.get(pathKey(path)) ?? null,
    });
    if (!sel.length) return [];
    return [
      {
        id: `bench-${String(i).padStart(4, '0')}`,
        articleId,
        color: COLORS[i % COLORS.length]!,
        note: i % 10 === 0 ? `笔记 ${i}` : '',
        selectors: sel,
        createdAt: at,
        updatedAt: at,
      },
    ];
  });
}

/** What the timer resolves to here (100 µs unless the page is cross-origin isolated). */
function environment() {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
    highlightApi: typeof Highlight === 'function' && 'highlights' in CSS,
  };
}

const api = {
  readability,
  quick,
  sidebarRenders,
  sidebarOpened,
  touchPage,
  idleOutlined,
  sidebarClosed,
  seed,
  restore,
  describeHighlights,
  environment,
  sink: () => sink,
};
(globalThis as unknown as { __gangmuBench: typeof api }).__gangmuBench = api;
