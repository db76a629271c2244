/**
 * What the content script knows of the page's essay: the quick check and its
 * report for the badge, the full engine (loaded on first need), its warm-up,
 * the outline made ahead at idle, and the outline itself, kept while the page
 * has not changed since (page-watch.ts counts the changes).
 */
import { h, render } from 'preact';
import { Sidebar } from '../components/sidebar/Sidebar.tsx';
import type { Translate } from '../components/sidebar/sidebar-messages.ts';
import { quickCheckDocument, type QuickResult } from '../lib/detect/quick-check.ts';
import { normalizeUrl } from '../lib/url/normalize-url.ts';
import { countOutline } from '../protocol/count-points.ts';
import type { ReplyTo, Request } from '../protocol/messages.ts';
import { articleDraft, canonicalOf } from './article-draft.ts';
import { runSteps } from '../lib/steps.ts';
import { EngineNotReady, type AnalyzeSteps } from './engine.ts';
import type { Lifetime } from './lifetime.ts';
import { gaveUpOutline, pageOutlineOf, type PageOutline } from './page-outline.ts';
import { runSliced, Stopped, TooLong } from './sliced.ts';
import { WARM_UP_HTML } from './warm-up-sample.ts';

/** Runs of the engine over the warm-up essay (each in its own idle slot). */
const WARM_UP_ROUNDS = 3;
/**
 * Pages with more text than this are not outlined at idle (seconds of work, though in
 * slices, that the reader may never ask for): the reader's open outlines them.
 */
const IDLE_OUTLINE_MAX = 200_000;
/** Times an address's outline is made again at idle after the page changed. */
const IDLE_REMAKES = 5;
/** Delay after the quick check before saved highlights are fetched and painted (ms): soon, but after first paint. */
export const HIGHLIGHT_LOAD_MS = 50;

export interface AnalysisDeps {
  win: Window;
  doc: Document;
  life: Lifetime;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  engine: () => Promise<AnalyzeSteps>;
  /** The engine's budget of work on a page (ms; sliced.ts BUDGET_MS by default). */
  budgetMs?: number;
  /** The page's changes so far (page-watch.ts). */
  changes: () => number;
  /** Resolves once the saved highlights are painted: the warm-up waits for them. */
  highlightsLoaded: () => Promise<void>;
}

export function createPageAnalysis(deps: AnalysisDeps) {
  const { win, doc, life, send, t, engine, changes } = deps;
  let url = win.location.href;
  let quick: QuickResult | null = null;
  let page: PageOutline | null = null;
  /** The number of changes when `page` was made. */
  let pageAt = -1;
  /** Outlines made again at idle after the page changed, on this address. */
  let remade = 0;
  let textLength = -1;
  /** The engine, once loaded: every path that outlines the page awaits {@link engineReady} first. */
  let analyze: AnalyzeSteps | null = null;
  let warmed = false;
  /** The outline being made in slices (sliced.ts), and the number of changes it started at. */
  let running: { at: number; promise: Promise<PageOutline> } | null = null;
  /** Counts the runs started (and the addresses): a run that is no longer the last one stops. */
  let runs = 0;

  async function engineReady(): Promise<void> {
    analyze ??= await engine();
  }

  const docTitle = () => doc.title.trim() || null;
  /** The page's title without the engine: its `<title>`, else its first `<h1>`. */
  const pageTitle = () => docTitle() ?? (doc.querySelector('h1')?.textContent?.trim() || null);
  const articleId = () => normalizeUrl(url, canonicalOf(doc));

  async function report(count: number, essay: boolean, title: string | null, exact = false) {
    const reply = await send({
      type: 'outline-found',
      count,
      title,
      essay,
      exact,
      articleId: articleId(),
    });
    if (!reply.ok) console.debug('[Gangmu] background did not take the report:', reply.error);
  }

  /** The quick check and its report for the badge. */
  function check(): QuickResult {
    quick = quickCheckDocument(doc);
    void report(quick.estimate, quick.essay, docTitle());
    // An essay's count, and its outline for the first open, are made at idle (again after
    // an SPA's new address: the badge does not keep the estimate).
    if (quick.essay) {
      if (warmed) life.idle(outlineAtIdle);
      else warmUp();
    }
    return quick;
  }

  /**
   * On an essay page, once the saved highlights are painted and the browser is idle, load
   * the engine, run it over a short essay of our own in a detached document
   * {@link WARM_UP_ROUNDS} times and render the sidebar for it off the page (so its code is
   * compiled), each in its own idle slot; then outline the page itself, read-only, when it
   * is not too long. The reader's first open then shows that outline at once while the
   * page is unchanged, and the badge gives the outline's own count from then on.
   */
  function warmUp() {
    if (warmed) return;
    warmed = true;
    const round = (left: number) => {
      try {
        const scratch = doc.implementation.createHTMLDocument('');
        scratch.body.innerHTML = WARM_UP_HTML;
        const p = pageOutlineOf(runSteps(analyze!(scratch, { window: win, url: 'about:blank' })));
        if (left > 1) return life.idle(() => round(left - 1));
        warmRender(scratch, p);
        life.idle(outlineAtIdle);
      } catch {
        // Deliberately silent: the warm-up only saves time; the real outline reports its own errors.
      }
    };
    // After the saved highlights are painted: loading the engine must not hold up their restore.
    life.timeout(
      () =>
        void deps
          .highlightsLoaded()
          .catch(() => undefined)
          .then(() =>
            life.idle(
              () =>
                void engineReady().then(
                  () => life.idle(() => round(WARM_UP_ROUNDS)),
                  () => undefined,
                ),
            ),
          ),
      HIGHLIGHT_LOAD_MS,
    );
  }

  /** The page's outline made ahead of the reader's first open (see {@link warmUp}). */
  function outlineAtIdle() {
    if (fresh()) return;
    if ((doc.body?.textContent?.length ?? 0) > IDLE_OUTLINE_MAX) return;
    const done = () => mark('gangmu:idle-outline');
    try {
      const made = outline();
      if (made instanceof Promise) made.then(done, () => undefined);
      else done();
    } catch {
      // Deliberately silent: the reader's open outlines again and shows its error.
    }
  }

  /** Renders the sidebar for the warm-up outline into an element of the scratch document, and unmounts it. */
  function warmRender(scratch: Document, p: PageOutline) {
    const box = scratch.createElement('div');
    const none = () => undefined;
    render(
      h(Sidebar, {
        view: { kind: 'ready', outline: p.outline, flat: p.flat },
        docTitle: null,
        collapsed: false,
        alwaysOpen: false,
        currentId: p.flat[0]?.id ?? null,
        t,
        onSelect: none,
        onClose: none,
        onCollapse: none,
        onResize: none,
        onAlwaysOpen: none,
        onCopy: async () => false,
      }),
      box,
    );
    render(null, box);
  }

  /**
   * The outline made while the page has not changed since, if any. An outline given up
   * on (too long a page) stands for the address: a change to the page does not make
   * it shorter, and another 15 s of work would end the same way.
   */
  const fresh = (): PageOutline | null =>
    page && (pageAt === changes() || page.gaveUp !== undefined) ? page : null;

  /** Keeps `made` as the page's outline (made at `at` changes), reported with the exact count. */
  function keep(made: PageOutline, at: number): PageOutline {
    page = made;
    pageAt = at;
    textLength = doc.body?.textContent?.length ?? 0;
    const count = countOutline(made.outline);
    void report(count, count > 0, made.outline.title ?? docTitle(), true);
    return made;
  }

  /**
   * The page's outline: the one made while the page has not changed since, else made
   * now in slices (sliced.ts). A page short enough is done in the first slice and its
   * outline returned at once; a long one gives a promise (one run, whoever asks),
   * rejected with TooLong past the engine's budget.
   */
  function outline(): PageOutline | Promise<PageOutline> {
    const have = fresh();
    if (have) return have;
    // One run at a time: a page that changes while a run is under way gets that run's
    // outline (made from the page as it was when it started); the next ask after it
    // outlines the page again. Cancelling it instead never finished on a page that
    // changes more often than its outline takes.
    if (running) return running.promise;
    if (!analyze) throw new EngineNotReady();
    const at = changes();
    const mine = ++runs;
    const run = runSliced(analyze(doc, { window: win, url }), life, {
      doc,
      budgetMs: deps.budgetMs,
      // A new address (an SPA's navigation) ends the old address's run.
      cancelled: () => mine !== runs,
    });
    if (run.done) return keep(pageOutlineOf(run.value), at);
    /** Kept as the page's outline unless a new address came after the run's last slice. */
    const keepIfCurrent = (made: PageOutline) => (mine === runs ? keep(made, at) : made);
    const promise = run.promise.then(
      (analysis) => {
        if (running?.promise === promise) running = null;
        return keepIfCurrent(pageOutlineOf(analysis));
      },
      (err: unknown) => {
        if (running?.promise === promise) running = null;
        // Past the budget: the page is read and kept without an outline, and the sidebar says why.
        if (err instanceof TooLong)
          return keepIfCurrent(gaveUpOutline(pageTitle(), Math.round(err.workedMs / 1000)));
        throw err;
      },
    );
    running = { at, promise };
    return promise;
  }

  /** The outline if it can be had at once; else EngineNotReady (the caller awaits {@link pageReady}). */
  function outlineNow(): PageOutline {
    const made = outline();
    if (made instanceof Promise) {
      made.catch(() => undefined); // whoever awaits pageReady() hears of its failure
      throw new EngineNotReady('the page is being outlined');
    }
    return made;
  }

  /**
   * Resolves once the page has an outline (the engine loaded, a long page outlined): any
   * outline made on this address, or with `current`, one made since the page last
   * changed (or the run under way, whose outline is then as current as can be had).
   */
  async function pageReady(current = false): Promise<void> {
    await engineReady();
    if (page && !current) return;
    for (;;) {
      try {
        await outline();
        return;
      } catch (err) {
        // A new address ended the run: outline the page at its new address.
        if (!(err instanceof Stopped) || life.stopped) throw err;
      }
    }
  }

  function mark(name: string) {
    try {
      win.performance?.mark(name);
    } catch {
      // Deliberately silent: a page that replaced `performance` only loses the bench marks.
    }
  }

  return {
    engineReady,
    /** Whether the engine has loaded (an open without it shows why in its view). */
    engineLoaded: () => analyze !== null,
    check,
    outline,
    pageReady,
    /** The outline as it is known (none made yet: made now, or EngineNotReady while made in slices). */
    ensurePage: (): PageOutline => page ?? outlineNow(),
    /** The outline made while the page has not changed since, else made now (as ensurePage). */
    currentPage: (): PageOutline => fresh() ?? outlineNow(),
    /** The outline last made, whatever has changed since (null: none yet). */
    lastPage: () => page,
    quick: () => quick,
    url: () => url,
    docTitle,
    articleId,
    /** The page's article as it would be saved, with its readable text. */
    draft: () => {
      const p = page ?? outlineNow();
      return articleDraft(doc, url, p.outline, docTitle(), p.text());
    },
    /** A new address (an SPA's navigation): what was known of the old one is dropped. */
    newAddress(href: string) {
      url = href;
      page = null;
      running = null;
      runs++;
      remade = 0;
    },
    /** The address as the page now has it, without a fragment it dropped (same document). */
    setUrl(href: string) {
      url = href;
    },
    /** The body's text length changed since the outline was made (an open sidebar re-outlines). */
    textChanged: () => (doc.body?.textContent?.length ?? 0) !== textLength,
    /**
     * The closed page changed: the cheap check again, reported only when its verdict
     * changed (returned then); the outline made again at idle a few times an address.
     */
    recheck(): QuickResult | null {
      const before = quick;
      const now = quickCheckDocument(doc);
      let changed: QuickResult | null = null;
      if (!before || now.essay !== before.essay || now.estimate !== before.estimate) {
        quick = now;
        page = null;
        void report(now.estimate, now.essay, docTitle());
        changed = now;
      }
      // The page changed under an outline made at idle: made again (a few times a page at
      // most: a page that changes on and on is outlined when the reader opens the sidebar).
      if (now.essay && (!page || pageAt !== changes()) && remade < IDLE_REMAKES) {
        remade++;
        life.idle(outlineAtIdle);
      }
      return changed;
    },
    mark,
  };
}

export type PageAnalysis = ReturnType<typeof createPageAnalysis>;
