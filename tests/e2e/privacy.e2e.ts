/**
 * End-to-end privacy tests in Chromium with the built extension: what a
 * page's own scripts can reach of the reader's notes (README → Privacy).
 *
 * Two origins on the one test server: victim.github.io holds an essay the
 * reader highlights with a private note; evil.github.io serves a copy whose
 * script adds a canonical link naming the victim's article. Both pages carry
 * the same hostile script: it records every postMessage, listens for keys,
 * input and clicks (bubbling outside its body, and at capture on the window), pre-defines the custom element
 * names Gangmu once used, and offers a probe that searches the whole DOM and
 * every open shadow root for a text. The extension is driven as a reader
 * drives it — the browser's own mouse and keyboard, the toggle through the
 * service worker — and its closed UI is read as DevTools reads it
 * (closed-ui.ts). The same rules, unit-tested: tests/unit/sidebar/page-scripts.test.ts,
 * tests/unit/storage/sender-policy.test.ts, tests/unit/url/normalize-url.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import { closedUi } from './closed-ui.ts';
import {
  filler,
  GOVERNANCE_PROSE,
  sectionedEssay,
  htmlPage,
  noteEditorFrame,
  selectWords,
  sendToTab,
  useExtension,
} from './support.ts';

const NOTE = '私人笔记：这段要在周五的学习会上发言';
const NOTE_2 = '改过的笔记：发言稿第二段用';
const QUOTE = '切实把党的领导贯穿基层治理全过程各方面';
const VICTIM = 'victim.github.io';
const EVIL = 'evil.github.io';

const fill = filler(GOVERNANCE_PROSE.slice(0, 6));

/** The hostile page script (it runs before the content script, which starts at document idle). */
const HOSTILE = `<script>
window.__seen = [];
window.__heard = [];
window.__hijacked = [];
addEventListener('message', (e) => { try { __seen.push(JSON.stringify(e.data)); } catch { __seen.push(String(e.data)); } });
window.__typed = [];
for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend', 'click', 'mousedown', 'mouseup', 'paste', 'copy']) {
  // Bubbling, on the document: what an ordinary listener hears from Gangmu's UI (outside the body).
  document.addEventListener(type, (e) => { if (e.target instanceof Node && !document.body.contains(e.target)) __heard.push(type + ':' + (e.key || e.data || '')); });
  // Capture, on the window: every key and text the page's document sees at all, first.
  window.addEventListener(type, (e) => { const v = e.key || e.data; if (v) __typed.push(v); }, true);
}
for (const name of ['gangmu-sidebar', 'gangmu-toolbar'])
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); window.__hijacked.push(this.attachShadow({ mode: 'open' })); }
  });
if (location.hostname === '${EVIL}') {
  const link = document.createElement('link');
  link.rel = 'canonical';
  link.href = 'http://${VICTIM}:' + location.port + '/essay.html';
  document.head.append(link);
}
/** Every way a page script can look for a text: the DOM, every open shadow root, every element's attributes. */
window.__probe = (text) => {
  const places = [];
  const visit = (root, where) => {
    if ((root.innerHTML ?? root.outerHTML ?? '').includes(text)) places.push(where);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot, where + ' > ' + el.tagName);
  };
  visit(document.documentElement, 'html');
  for (const r of window.__hijacked) visit(r, 'hijacked root');
  if (document.documentElement.textContent.includes(text)) places.push('textContent');
  return places;
};
/** The elements Gangmu put on <html> and what the page can see of them. */
window.__hosts = () => [...document.documentElement.children]
  .filter((e) => e !== document.head && e !== document.body)
  .map((e) => ({ tag: e.tagName, shadowRoot: e.shadowRoot !== null }));
</script>`;

/** An essay the quick check takes for one, the quote in its first lead. */
const ESSAY = htmlPage(
  '以高效能治理推进基层治理现代化',
  HOSTILE +
    sectionedEssay(fill, {
      opening: (s, i) => (s === 0 && i === 0 ? `${QUOTE}，` : ''),
      leadFill: 8,
    }),
);

const e2e = useExtension({
  name: 'privacy',
  pages: { 'essay.html': ESSAY, 'copy.html': ESSAY },
  hosts: [VICTIM, EVIL],
});

const port = () => new URL(e2e.served.url).port;
const victimUrl = () => `http://${VICTIM}:${port()}/essay.html`;
const evilUrl = () => `http://${EVIL}:${port()}/copy.html`;

/** Opens `url` in a tab in front and waits for the content script's report. */
async function open(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await e2e.launched.context.newPage();
  page.on('pageerror', (err) => e2e.pageErrors.push(`${url}: ${err.message}`));
  await page.goto(url);
  await page.bringToFront();
  const { tabId } = await waitForTabStatus(e2e.launched.serviceWorker, url);
  return { page, tabId };
}

/** The library's view of an article (read from the extension's own page, which may ask). */
async function stored(articleId: string) {
  const library = await e2e.openExtensionPage('library.html');
  try {
    return (await library.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({ type: 'get-article', articleId: id }),
      articleId,
    )) as { ok: boolean; value: { highlights: Array<{ note: string; id: string }> } };
  } finally {
    await library.close();
  }
}

const painted = (page: Page) =>
  page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...reg].filter(([n]) => n.startsWith('gangmu-')).flatMap(([, h]) => [...h].map(String));
  });

let victim: { page: Page; tabId: number };

test('the reader highlights on victim.github.io and writes a note; the page hears none of it', async () => {
  victim = await open(victimUrl());
  const { page } = victim;
  await selectWords(page, QUOTE, { scroll: true });
  const toolbar = closedUi(page, 'toolbar');
  await toolbar.locator('.toolbar[data-mode="new"]').waitFor({ timeout: 10_000 });
  await toolbar.locator('button.color[data-color="yellow"]').click();
  await toolbar.locator('.toolbar[data-mode="existing"]').waitFor({ timeout: 10_000 });
  await toolbar.locator('button.note').click();
  // The note is typed with the browser's keyboard into the extension's own frame.
  const editor = await noteEditorFrame(page);
  await editor.waitForFunction(() => document.activeElement?.matches('textarea.note-input'));
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Enter');
  await toolbar.waitFor({ state: 'detached', timeout: 5000 });

  const saved = await stored(victimUrl());
  assert.deepEqual(
    saved.value.highlights.map((h) => h.note),
    [NOTE],
  );
  assert.deepEqual(await painted(page), [QUOTE]);
  // The page's bubbling listeners outside its body heard no key, input or click of ours, and
  // not even its capture listeners on the window saw a key of the note (only the Shift that
  // ended the selection, typed in the page itself).
  const { heard, typed } = await page.evaluate(() => {
    const w = window as unknown as { __heard: string[]; __typed: string[] };
    return { heard: w.__heard, typed: w.__typed };
  });
  assert.deepEqual(heard, []);
  assert.deepEqual(
    typed.filter((k) => k !== 'Shift'),
    [],
  );
});

test('on its own page, no page script can read the note or change what is stored', async () => {
  const { page, tabId } = victim;
  assert.deepEqual(await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('.hl-note').waitFor({ timeout: 10_000 });
  assert.equal(await sidebar.locator('.hl-note').textContent(), NOTE);

  const seen = await page.evaluate((note) => {
    const w = window as unknown as {
      __probe(t: string): string[];
      __hosts(): Array<{ tag: string; shadowRoot: boolean }>;
      __hijacked: unknown[];
    };
    return { places: w.__probe(note), hosts: w.__hosts(), hijacked: w.__hijacked.length };
  }, NOTE);
  assert.deepEqual(seen, { places: [], hosts: [{ tag: 'DIV', shadowRoot: false }], hijacked: 0 });

  // What a page script can try: the old toggle event, messages, synthetic clicks and keys on
  // our host and at the sidebar's place on the screen.
  await page.evaluate(() => {
    const host = [...document.documentElement.children].find(
      (e) => e !== document.head && e !== document.body,
    ) as HTMLElement;
    document.dispatchEvent(new CustomEvent('gangmu:toggle'));
    window.postMessage({ type: 'toggle-sidebar' }, '*');
    window.postMessage({ type: 'delete-highlight' }, '*');
    const r = host.getBoundingClientRect();
    for (let y = r.top + 5; y < r.bottom; y += 20) {
      const at = document.elementFromPoint(r.left + r.width / 2, y) ?? host;
      for (const type of ['mousedown', 'mouseup', 'click'])
        at.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    }
    for (const key of ['Delete', 'Backspace', 'Enter', 'Escape'])
      host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  });
  await page.waitForTimeout(500);
  assert.equal(await closedUi(page, 'sidebar').count(), 1, 'still open: no event closed it');
  const after = await stored(victimUrl());
  assert.deepEqual(
    after.value.highlights.map((h) => h.note),
    [NOTE],
  );
  assert.equal(
    await closedUi(page, 'sidebar').locator('label.always input[type="checkbox"]').isChecked(),
    false,
  );
});

test('the sidebar edits a note in the same extension frame; a page cannot load the editor itself', async () => {
  const { page } = victim;
  // Forget the keys the page's own script sent in the test before.
  await page.evaluate(() => void ((window as unknown as { __typed: string[] }).__typed.length = 0));
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('li.hl button.edit').click();
  const editor = await noteEditorFrame(page);
  await editor.waitForFunction(() => document.activeElement?.matches('textarea.note-input'));
  assert.equal(await editor.locator('textarea.note-input').inputValue(), NOTE);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(NOTE_2);
  await page.keyboard.press('Enter');
  await sidebar.locator('.hl-note').filter({ hasText: NOTE_2 }).waitFor({ timeout: 10_000 });
  assert.deepEqual(
    (await stored(victimUrl())).value.highlights.map((h) => h.note),
    [NOTE_2],
  );
  const typed = await page.evaluate(() => (window as unknown as { __typed: string[] }).__typed);
  assert.deepEqual(
    typed.filter((k) => k !== 'Shift'),
    [],
  );

  // The page frames note-editor.html by the extension's fixed id (it knows it): Chrome lets
  // a page load it only by the session's dynamic id, so the frame is refused and a fetch
  // fails (the page cannot even probe for Gangmu that way). Without a session's token the
  // editor would show only a notice anyway (tests/unit/highlights/note-editor.test.tsx).
  const probe = await page.evaluate(async (id) => {
    const f = document.createElement('iframe');
    f.src = `chrome-extension://${id}/note-editor.html#${'0'.repeat(32)}`;
    document.body.append(f);
    try {
      await fetch(`chrome-extension://${id}/note-editor.html`);
      return 'loaded';
    } catch {
      return 'refused';
    }
  }, e2e.launched.extensionId);
  assert.equal(probe, 'refused');
  await page.waitForTimeout(1000);
  for (const f of page.frames())
    assert.equal(await f.locator('textarea').count(), 0, `no text area in ${f.url()}`);
});

test("evil.github.io, whose canonical link names the victim's article, gets nothing of it", async () => {
  const { page, tabId } = await open(evilUrl());
  const article = (await sendToTab(e2e.launched, tabId, { type: 'get-page-article' })) as {
    ok: true;
    value: { draft: { id: string }; highlights: number };
  };
  assert.equal(article.value.draft.id, evilUrl());
  assert.equal(article.value.highlights, 0);
  assert.deepEqual(await painted(page), []);

  await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('li.node').first().waitFor({ timeout: 10_000 });
  assert.equal(await sidebar.locator('.hl-count').count(), 0, 'no highlight counted');
  assert.equal(await sidebar.locator('li.hl').count(), 0);
  assert.equal(await sidebar.locator('.hl-note').count(), 0);

  const seen = await page.evaluate(
    ([note, note2, id]) => {
      const w = window as unknown as { __probe(t: string): string[]; __seen: string[] };
      return {
        places: [...w.__probe(note!), ...w.__probe(note2!)],
        messages: w.__seen,
        idInPage: document.documentElement.outerHTML.includes(id!),
      };
    },
    [NOTE, NOTE_2, e2e.launched.extensionId],
  );
  // No postMessage at all from the extension: its id is nowhere to be read.
  assert.deepEqual(seen, { places: [], messages: [], idInPage: false });
  // The victim's highlight is as it was.
  assert.deepEqual(
    (await stored(victimUrl())).value.highlights.map((h) => h.note),
    [NOTE_2],
  );
  await page.close();
});

test("a page that knows the extension's id cannot switch it off by echoing WXT's start-up event", async () => {
  const { page, tabId } = victim;
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.postMessage({ type, ...detail }, '*');
  }, e2e.launched.extensionId);
  await page.waitForTimeout(300);
  // Still there: the sidebar closes and opens for the reader, the toolbar still comes.
  assert.deepEqual(await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: false },
  });
  assert.deepEqual(await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  await page.bringToFront(); // the reader's keys go to the tab in front
  await selectWords(page, '群众满意不满意', { scroll: true });
  await closedUi(page, 'toolbar').locator('.toolbar[data-mode="new"]').waitFor({ timeout: 10_000 });
  assert.deepEqual(await painted(page), [QUOTE]);
});

test('no page errors', () => {
  assert.deepEqual(e2e.pageErrors, []);
});
