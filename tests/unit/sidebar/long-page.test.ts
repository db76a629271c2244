/**
 * A page whose outline takes longer than a slice (content/sliced.ts): the sidebar
 * opens at once and says it is analysing, the page gets its turns while the
 * engine works, and the outline replaces the notice when it is made. The engine
 * here is slowed down (each of its pieces "takes" 15 ms) so that a short essay
 * needs several slices.
 */
import { analyzeDocumentSteps } from '@/lib/index';
import { afterEach, describe, expect, it } from 'vitest';
import { controllerOn } from './controller-page.ts';

const BODY = '基层是国家治理的基石，要把工作重心下移、力量下沉。'.repeat(6);
const ESSAY =
  '<h1>论基层治理</h1>' +
  `<h2>一、坚持党建引领</h2><p>一是坚持党的全面领导。${BODY}</p>` +
  `<h2>二、推进共建共治</h2><p>二是完善议事协商机制。${BODY}</p>` +
  `<h2>三、强化科技支撑</h2><p>三是推进数字赋能。${BODY}</p>`;

/** Busy for `ms` (a piece of work the page has to wait for). */
function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

afterEach(() => {
  for (const e of [...document.documentElement.children])
    if (e !== document.head && e !== document.body) e.remove();
  document.body.innerHTML = '';
});

/** The engine, each of its pieces on the page made to take 15 ms; `pieces` and `runs` count them. */
function slowEngine() {
  const seen = { pieces: 0, runs: 0 };
  const analyze: typeof analyzeDocumentSteps = function* (doc, ...rest) {
    if (doc === document) seen.runs++;
    const inner = analyzeDocumentSteps(doc, ...rest);
    for (;;) {
      const r = inner.next();
      if (r.done) return r.value;
      if (doc === document) {
        seen.pieces++;
        busy(15);
      }
      yield;
    }
  };
  return { analyze, seen };
}

describe('a page outlined in slices', () => {
  it('opens the sidebar with a notice, lets the page run between slices, then shows the outline', async () => {
    const { analyze, seen } = slowEngine();
    const { controller } = controllerOn('https://a.cn/long', ESSAY, { analyze });
    await controller.start();
    // The page's own timer: it must get turns while the engine works.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const opened = controller.open();
    await new Promise((r) => setTimeout(r, 0));
    const root = () => controller.sidebar()!.root;
    expect(root().querySelector('.status.loading')).not.toBeNull();
    expect(root().querySelectorAll('button.item').length).toBe(0);
    await opened;
    clearInterval(timer);
    expect(seen.pieces).toBeGreaterThan(3);
    expect(ticks).toBeGreaterThan(1);
    expect(root().querySelector('.status.loading')).toBeNull();
    expect(root().querySelectorAll('button.item').length).toBeGreaterThanOrEqual(3);
    expect(root().textContent).toContain('推进数字赋能');
    controller.stop();
  }, 20_000);

  it('past its budget, says so and stays a reader: no outline, the title, Copy Markdown, a draft to save', async () => {
    const { analyze } = slowEngine();
    const { controller, sent } = controllerOn('https://a.cn/too-long', ESSAY, {
      analyze,
      budgetMs: 60,
    });
    await controller.start();
    await controller.open();
    const root = controller.sidebar()!.root;
    expect(root.querySelector('.status.note')?.textContent).toBe('sidebarTooLong');
    expect(root.querySelectorAll('button.item').length).toBe(0);
    expect(root.querySelector('button.copy')).not.toBeNull();
    // The badge is told: no points (the exact count of an outline that was not made).
    const last = sent.filter((r) => r.type === 'outline-found').at(-1) as {
      count: number;
      exact: boolean;
    };
    expect(last).toMatchObject({ count: 0, exact: true });
    // Save and export still work: the page's draft (its title) and Markdown.
    const reply = await controller.handle({ type: 'get-page-article' } as never);
    expect(reply).toMatchObject({ ok: true, value: { draft: { title: '论基层治理' } } });
    controller.stop();
  }, 20_000);

  it('a page that changes while it is outlined gets that outline; a page given up on is not outlined again for each action', async () => {
    const { analyze } = slowEngine();
    const { controller } = controllerOn('https://a.cn/changing', ESSAY, { analyze });
    await controller.start();
    // The page changes every few milliseconds while the sidebar opens.
    const ticker = setInterval(() => {
      const p = document.createElement('p');
      p.textContent = '评论';
      document.body.append(p);
    }, 5);
    await controller.open();
    clearInterval(ticker);
    expect(controller.sidebar()!.root.querySelectorAll('button.item').length).toBeGreaterThan(2);
    controller.stop();

    const slow = slowEngine();
    const gaveUp = controllerOn('https://a.cn/too-long-2', ESSAY, {
      analyze: slow.analyze,
      budgetMs: 60,
    });
    await gaveUp.controller.start();
    await gaveUp.controller.open();
    expect(slow.seen.runs).toBe(1);
    for (let k = 0; k < 3; k++) {
      document.body.append(document.createElement('p'));
      const reply = await gaveUp.controller.handle({ type: 'get-page-article' } as never);
      expect(reply).toMatchObject({ ok: true });
    }
    expect(slow.seen.runs).toBe(1);
    gaveUp.controller.stop();
  }, 20_000);
});
