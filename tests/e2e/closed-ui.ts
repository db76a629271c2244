/**
 * How the end-to-end tests reach Gangmu's sidebar and selection toolbar,
 * which live in CLOSED shadow roots (content/shadow-host.ts): no page
 * script, and so no Playwright locator, can see into them. The tests look in
 * as the browser's DevTools do — the Chrome DevTools Protocol's DOM domain
 * pierces closed roots — and act as the reader does: a click is the browser's
 * own mouse at the element's box, typing is the browser's own keyboard.
 * Nothing here gives a page script anything it could not have already.
 *
 * `closedUi(page, 'sidebar').locator('li.node')` reads like a Playwright
 * locator: count, textContent, getAttribute, allTextContents, waitFor,
 * click, focus; chains with locator() (a leading `>` is a child of the
 * match), first(), nth() and filter({ hasText }).
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

/** Which of Gangmu's two in-page UIs, by the element its app renders first. */
export type Part = 'sidebar' | 'toolbar';
const PART_SELECTOR: Record<Part, string> = { sidebar: '.sidebar', toolbar: '.toolbar' };

/** One step of a chain: descendants matching a selector, the n-th match, or matches holding a text. */
type Step = { css: string } | { nth: number } | { hasText: string } | { re: [string, string] };

/** What a chain's function answers, per operation. */
type Op =
  | 'count'
  | 'text'
  | 'texts'
  | 'attr'
  | 'attrs'
  | 'box'
  | 'focus'
  | 'focused'
  | 'focusedText'
  | 'checked';

/** Runs inside the page with `this` = the closed root: follows `steps`, then does `op`. */
const IN_ROOT = `function (steps, op, arg) {
  let list = [this];
  for (const s of steps) {
    if ('css' in s) {
      const css = s.css.trim().startsWith('>') ? ':scope ' + s.css.trim() : s.css;
      list = list.flatMap((el) => [...el.querySelectorAll(css)]);
    } else if ('nth' in s) {
      const one = list[s.nth < 0 ? list.length + s.nth : s.nth];
      list = one ? [one] : [];
    } else if ('re' in s) {
      const re = new RegExp(s.re[0], s.re[1]);
      list = list.filter((el) => re.test(el.textContent || ''));
    } else list = list.filter((el) => (el.textContent || '').includes(s.hasText));
  }
  const el = list[0];
  switch (op) {
    case 'count': return list.length;
    case 'text': return el ? el.textContent : null;
    case 'texts': return list.map((e) => e.textContent || '');
    case 'attr': return el ? el.getAttribute(arg) : null;
    case 'attrs': return list.map((e) => Object.fromEntries(arg.map((n) => [n, e.getAttribute(n)])));
    case 'focus': if (el) el.focus(); return !!el;
    case 'focused': { const a = this.activeElement; return a ? a.getAttribute(arg) : null; }
    case 'checked': return el ? !!el.checked : null;
    case 'focusedText': { const a = this.activeElement; return a ? a.textContent || '' : ''; }
    case 'box': {
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      let x = r.left, y = r.top;
      for (let w = el.ownerDocument.defaultView; w && w.frameElement; w = w.parent) {
        const f = w.frameElement.getBoundingClientRect();
        x += f.left + w.frameElement.clientLeft;
        y += f.top + w.frameElement.clientTop;
      }
      return { x, y, width: r.width, height: r.height };
    }
  }
}`;

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface DomNode {
  nodeId: number;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
  contentDocument?: DomNode;
}

const GROUP = 'gangmu-closed-ui';

/**
 * Answers `op` over `steps` in the closed root of `part` (an empty answer when
 * there is no such root). The page may change between reading its tree and
 * resolving a node of it (a toolbar closing): that read is then made again.
 */
async function ask(page: Page, part: Part, steps: Step[], op: Op, arg?: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await askOnce(page, part, steps, op, arg);
    } catch (err) {
      const stale = /No node with given id|Could not find (node|object)|Cannot find context/i;
      if (attempt >= 5 || !stale.test(String(err))) throw err;
    }
  }
}

async function askOnce(
  page: Page,
  part: Part,
  steps: Step[],
  op: Op,
  arg?: unknown,
): Promise<unknown> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const closed: number[] = [];
  const walk = (n: DomNode) => {
    for (const r of n.shadowRoots ?? []) {
      if (r.shadowRootType === 'closed') closed.push(r.nodeId);
      walk(r);
    }
    for (const c of n.children ?? []) walk(c);
    if (n.contentDocument) walk(n.contentDocument);
  };
  walk(root);
  try {
    for (const nodeId of closed) {
      const { object } = await cdp.send('DOM.resolveNode', { nodeId, objectGroup: GROUP });
      if (!object.objectId) continue;
      const call = (fn: string, args: unknown[]) =>
        cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: fn,
          arguments: args.map((value) => ({ value })),
          returnByValue: true,
        });
      const isPart = await call('function (sel) { return !!this.querySelector(sel); }', [
        PART_SELECTOR[part],
      ]);
      if (isPart.result.value !== true) continue;
      const answer = await call(IN_ROOT, [steps, op, arg ?? null]);
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
      return answer.result.value;
    }
    return op === 'count' ? 0 : op === 'texts' ? [] : null;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => undefined);
  }
}

export interface ClosedLocator {
  locator(css: string): ClosedLocator;
  first(): ClosedLocator;
  nth(n: number): ClosedLocator;
  filter(opts: { hasText: string | RegExp }): ClosedLocator;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  /** The `names` attributes of every match. */
  attributesAll(names: string[]): Promise<Array<Record<string, string | null>>>;
  /** Focuses the first match (as DevTools would; to act, the tests then use the keyboard). */
  focus(): Promise<void>;
  /** The `name` attribute of the element focused inside the root (null: none focused). */
  focusedAttribute(name: string): Promise<string | null>;
  /** The text of the element focused inside the root ('' when none). */
  focusedText(): Promise<string>;
  /** Waits until the chain matches (attached) or matches nothing (detached). */
  waitFor(opts?: { state?: 'attached' | 'visible' | 'detached'; timeout?: number }): Promise<void>;
  /** Scrolls the element into view and clicks its centre with the browser's mouse. */
  click(): Promise<void>;
  /** Its box in the page's viewport after scrolling it into view (null: no match). */
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Clicks a text field, selects what it holds and types `text` with the browser's keyboard. */
  fill(text: string): Promise<void>;
  /** A checkbox's state. */
  isChecked(): Promise<boolean>;
  /** Clicks a checkbox when it is not ticked (check) or ticked (uncheck), then waits for the change. */
  check(): Promise<void>;
  uncheck(): Promise<void>;
}

/**
 * The closed root of `part` in `target`'s page (a frame's elements are found
 * too: the walk enters same-process frames), as a locator of the root itself.
 */
export function closedUi(target: Page | Frame, part: Part): ClosedLocator {
  const page = 'mainFrame' in target ? target : target.page();
  return make(page, part, []);
}

function make(page: Page, part: Part, steps: Step[]): ClosedLocator {
  const q = <T>(op: Op, arg?: unknown) => ask(page, part, steps, op, arg) as Promise<T>;
  const self: ClosedLocator = {
    locator: (css) => make(page, part, [...steps, { css }]),
    first: () => make(page, part, [...steps, { nth: 0 }]),
    nth: (n) => make(page, part, [...steps, { nth: n }]),
    filter: ({ hasText }) =>
      make(page, part, [
        ...steps,
        typeof hasText === 'string' ? { hasText } : { re: [hasText.source, hasText.flags] },
      ]),
    count: () => q<number>('count'),
    textContent: () => q<string | null>('text'),
    allTextContents: () => q<string[]>('texts'),
    getAttribute: (name) => q<string | null>('attr', name),
    attributesAll: (names) => q<Array<Record<string, string | null>>>('attrs', names),
    async focus() {
      await self.waitFor({ timeout: 10_000 });
      await q<boolean>('focus');
    },
    focusedAttribute: (name) => q<string | null>('focused', name),
    focusedText: () => q<string>('focusedText'),
    async waitFor({ state = 'attached', timeout = 30_000 } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const n = await q<number>('count');
        if (state === 'detached' ? n === 0 : n > 0) return;
        if (Date.now() > deadline)
          throw new Error(
            `closed ${part}: ${JSON.stringify(steps)} not ${state} within ${timeout} ms`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async click() {
      await self.waitFor({ timeout: 10_000 });
      const box = await self.boundingBox();
      if (!box) throw new Error(`closed ${part}: nothing to click at ${JSON.stringify(steps)}`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    boundingBox: () => q<{ x: number; y: number; width: number; height: number } | null>('box'),
    async fill(text) {
      await self.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(text);
    },
    isChecked: async () => (await q<boolean | null>('checked')) === true,
    check: () => setChecked(true),
    uncheck: () => setChecked(false),
  };
  async function setChecked(want: boolean) {
    if ((await self.isChecked()) === want) return;
    await self.click();
    const deadline = Date.now() + 5000;
    while ((await self.isChecked()) !== want) {
      if (Date.now() > deadline) throw new Error(`closed ${part}: the box did not change`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return self;
}
