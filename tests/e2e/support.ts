/**
 * The setup every end-to-end test file shares, on top of the launcher in
 * scripts/harness.mjs: one Chromium launch with the built extension per file
 * (before/after hooks), pages served on 127.0.0.1, and helpers to open a tab
 * and wait for its status, open an extension page (the popup for a tab), read
 * the badge and send a content request. Each *.e2e.ts keeps only what it tests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import {
  SAMPLE_DIR,
  ensureChromeBuild,
  launchWithExtension,
  missingBrowserMessage,
  serveDirectory,
  waitForTabStatus,
  type Launched,
  type RecordedStatus,
  type Served,
} from '../../scripts/harness.mjs';

/** The Chrome APIs the helpers call, inside the service worker. */
declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

export interface E2E {
  /** The running browser (replaced by {@link E2E.relaunch}); throws before the launch. */
  readonly launched: Launched;
  /** The page server (`served.url`: `http://127.0.0.1:PORT`). */
  readonly served: Served;
  /** The folder served: the written pages, or assets/sample. */
  readonly dir: string;
  /** Page errors of the tabs opened by {@link E2E.openTab}, `name: message`. */
  readonly pageErrors: string[];
  /** The URL of a served page. */
  url(name: string): string;
  /**
   * Opens `name` (a served page) in a new tab in front, records its page errors
   * and waits until the background has a status for it.
   */
  openTab(name: string): Promise<RecordedStatus & { page: Page }>;
  /** Opens `chrome-extension://ID/${path}`; page errors go to `errors` when given. */
  openExtensionPage(path: string, errors?: string[]): Promise<Page>;
  /** Closes the browser and launches it again with the same profile. */
  relaunch(): Promise<void>;
}

/**
 * Registers the hooks that launch Chromium with the built extension for the
 * tests of this file and close it after them. `pages` (file name → HTML) are
 * written to a temporary folder and served; without them the sample essay
 * (assets/sample) is. `name` tells the temporary folders apart; `launched`
 * runs once the first browser is up, within the same hook.
 */
export function useExtension({
  name,
  pages,
  hosts = [],
  launched: onLaunch,
}: {
  name: string;
  pages?: Readonly<Record<string, string>>;
  /** Host names that resolve to the page server too (two origins on one server). */
  hosts?: readonly string[];
  launched?: (e2e: E2E) => Promise<void>;
}): E2E {
  let launched: Launched | undefined;
  let served: Served | undefined;
  let extensionDir: string;
  let userDataDir: string | undefined;
  let pagesDir: string | undefined;
  const pageErrors: string[] = [];

  const current = () => {
    if (!launched) throw new Error('the browser is not running');
    return launched;
  };
  const server = () => {
    if (!served) throw new Error('the pages are not served');
    return served;
  };

  before(
    async () => {
      const missing = missingBrowserMessage();
      if (missing) throw new Error(missing);
      extensionDir = ensureChromeBuild();
      if (pages) {
        pagesDir = await mkdtemp(join(tmpdir(), `gangmu-${name}-pages-`));
        for (const [file, html] of Object.entries(pages)) {
          await writeFile(join(pagesDir, file), html);
        }
      }
      served = await serveDirectory(pagesDir ?? SAMPLE_DIR);
      userDataDir = await mkdtemp(join(tmpdir(), `gangmu-e2e-${name}-`));
      launched = await launchWithExtension({ extensionDir, userDataDir, headless: true, hosts });
      await onLaunch?.(e2e);
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await launched?.context.close();
    await served?.close();
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  const e2e: E2E = {
    get launched() {
      return current();
    },
    get served() {
      return server();
    },
    get dir() {
      return pagesDir ?? SAMPLE_DIR;
    },
    pageErrors,
    url: (page) => `${server().url}/${page}`,
    async openTab(page) {
      const tab = await current().context.newPage();
      tab.on('pageerror', (err) => pageErrors.push(`${page}: ${err.message}`));
      const url = e2e.url(page);
      await tab.goto(url);
      await tab.bringToFront();
      const recorded = await waitForTabStatus(current().serviceWorker, url);
      return { ...recorded, page: tab };
    },
    async openExtensionPage(path, errors) {
      const { context, extensionId } = current();
      const page = await context.newPage();
      if (errors) page.on('pageerror', (err) => errors.push(`${path}: ${err.message}`));
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async relaunch() {
      await current().context.close();
      launched = undefined;
      launched = await launchWithExtension({
        extensionDir,
        userDataDir: userDataDir!,
        headless: true,
        hosts,
      });
    },
  };
  return e2e;
}

/** The popup's page for a tab. */
export const popupPath = (tabId: number) => `popup.html?tab=${tabId}`;

/** The toolbar badge text of a tab. */
export function badgeText({ serviceWorker }: Launched, tabId: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Sends a content request to a tab from the service worker, as the toolbar shortcut does. */
export function sendToTab(
  { serviceWorker }: Launched,
  tabId: number,
  message: unknown,
): Promise<unknown> {
  return serviceWorker.evaluate(([id, m]) => chrome.tabs.sendMessage(id as number, m), [
    tabId,
    message,
  ] as const);
}

/** Test pages' common style: a readable column in the installed CJK font. */
const STYLE = `<style>body{max-width:40rem;margin:2rem auto;padding:0 1rem;font:17px/1.9 'WenQuanYi Micro Hei',sans-serif}</style>`;

/** A whole Chinese test page: `title`, the common style and `body`. */
export const htmlPage = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${STYLE}</head><body>${body}</body></html>`;

/**
 * `fill(n)`: n sentences of `pool` taken in turn, so no two paragraphs repeat
 * (repetition reads as parallelism).
 */
/** ../shared/real/pages beside the checkout: real saved pages, read when the folder is there. */
export const REAL_PAGES_DIR = resolve(import.meta.dirname, '../../../shared/real/pages');

/** The real pages `names` (file name → HTML), or none when ../shared/real/pages is absent. */
export function realPages(names: readonly string[]): Record<string, string> {
  if (!existsSync(REAL_PAGES_DIR)) return {};
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(REAL_PAGES_DIR, n), 'utf8')]));
}

/** Sentences of governance prose for filler text (none with a marker: the pages' structure is their own). */
export const GOVERNANCE_PROSE = [
  '社区是城市治理的末梢，也是群众感受治理温度的第一现场。',
  '问题的症结在于，治理重心虽已下移，治理能力却未能同步下沉。',
  '群众满意不满意，是衡量基层工作成效的根本标准。',
  '数字平台建起来了，数据却分散在不同部门，难以形成合力。',
  '实践证明，哪里的群众工作扎实，哪里的矛盾纠纷就少。',
  '居民议事会定期召开，大事小情由大家商量着办。',
  '一些地方习惯于以会议落实会议，以文件落实文件，实效打了折扣。',
  '只有把资源、服务、管理放到基层，才能把问题解决在萌芽状态。',
] as const;

/** The first three Chinese ordinals, and the sections and leads of {@link sectionedEssay}. */
export const ORD = ['一', '二', '三'];
export const SECTIONS = [
  ['坚持党建引领', ['坚持党的全面领导', '健全议事协商机制', '畅通诉求表达渠道']],
  ['推进共建共治', ['理顺条块关系', '压实属地责任', '强化数据共享']],
  ['激发治理活力', ['深化放权赋能', '培育社会力量', '建强干部队伍']],
] as const;

/**
 * An essay the quick check takes for one: a headline, a byline, three sections
 * (一、二、三、) of three bold 一是/二是/三是 leads, in filler prose. `extra(s)` goes after
 * section s's heading, `opening(s, i)` opens the body of lead i of section s, and each
 * lead's body has `leadFill` filler sentences.
 */
export function sectionedEssay(
  fill: (n: number) => string,
  {
    extra = () => '',
    opening = () => '',
    leadFill = 6,
  }: {
    extra?: (s: number) => string;
    opening?: (s: number, i: number) => string;
    leadFill?: number;
  } = {},
): string {
  return `<article><h1>以高效能治理推进基层治理现代化</h1><p>作者：陈思远</p>
<p>${fill(4)}</p>
${SECTIONS.map(
  ([head, leads], s) =>
    `<h3>${ORD[s]}、${head}</h3>${extra(s)}<p>${fill(2)}</p>` +
    leads
      .map(
        (lead, i) =>
          `<p><strong>${ORD[i]}是${lead}。</strong>${opening(s, i)}${fill(leadFill)}</p>`,
      )
      .join('\n'),
).join('\n')}
<p>${fill(3)}</p></article>`;
}

export function filler(pool: readonly string[]): (n: number) => string {
  let k = 0;
  return (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += pool[k++ % pool.length];
    return s;
  };
}

/**
 * Selects `quote` in the page (or frame) and ends the selection as a reader
 * ending a keyboard selection does: the words are selected (optionally after
 * scrolling them into view), then Shift is pressed and released with the
 * browser's own keyboard — the content script answers only trusted input, so
 * a synthetic mouseup from the page would not do. Throws when the words are
 * not in the document.
 */
export async function selectWords(
  target: Page | Frame,
  quote: string,
  { scroll = false }: { scroll?: boolean } = {},
): Promise<void> {
  await target.evaluate(
    ({ quote, scroll }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(quote);
        if (at < 0) continue;
        if (scroll) n.parentElement!.scrollIntoView({ block: 'center' });
        // The keys go to this document (a frame's too), not to a toolbar left focused.
        (document.activeElement as HTMLElement | null)?.blur?.();
        window.focus();
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + quote.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`not on the page: ${quote}`);
    },
    { quote, scroll },
  );
  const page = 'mainFrame' in target ? target : target.page();
  await page.keyboard.press('Shift');
}

/**
 * The note editor frame a page's toolbar or sidebar entry opened
 * (note-editor.html, of the extension's origin), once its text area is there.
 */
export async function noteEditorFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/note-editor.html#'));
    if (frame) {
      await frame
        .locator('textarea.note-input')
        .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('no note editor frame');
    await page.waitForTimeout(50);
  }
}

/** The text reader's frame (paste page, library article view) in `scope` (a selector before it). */
export async function readingFrame(p: Page, scope = ''): Promise<Frame> {
  const handle = await p
    .locator(`${scope} iframe.reader-frame`.trim())
    .elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no reading frame');
  return frame;
}

/** Per Gangmu colour, the text of each range painted in a frame. */
export function paintedIn(frame: Frame): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg)
      if (name.startsWith('gangmu-')) out[name] = [...hl].map((r) => r.toString());
    return out;
  });
}
