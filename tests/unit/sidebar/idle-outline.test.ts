/**
 * The outline made at idle on an essay page: the reader's first open shows it without
 * running the engine again, the badge gets its exact count, and any change to the page
 * makes the next open outline the page again.
 */
import { analyzeDocumentSteps } from '@/lib/index';
import { afterEach, describe, expect, it } from 'vitest';
import { controllerOn } from './controller-page.ts';

/** Body text enough for the quick check to call the page an essay. */
const BODY =
  '基层是国家治理的基石，要把工作重心下移、力量下沉，推动资源服务管理向基层倾斜。'.repeat(6);
const ESSAY =
  '<h1>论基层治理</h1>' +
  `<h2>一、坚持党建引领</h2><p>一是坚持党的全面领导，切实把党的领导贯穿基层治理全过程各方面。${BODY}</p>` +
  `<h2>二、推进共建共治</h2><p>二是完善议事协商机制，让群众的事群众商量着办。${BODY}</p>` +
  `<h2>三、强化科技支撑</h2><p>三是推进数字赋能，让数据多跑路、群众少跑腿。${BODY}</p>`;

function setUp() {
  // Runs of the engine on the page itself (the warm-up's own essay is another document).
  let onPage = 0;
  const analyze: typeof analyzeDocumentSteps = (doc, ...rest) => {
    if (doc === document) onPage++;
    return analyzeDocumentSteps(doc, ...rest);
  };
  return { ...controllerOn('https://a.cn/idle', ESSAY, { analyze }), runs: () => onPage };
}

async function until(test: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const items = (root: ShadowRoot) => root.querySelectorAll('button.item').length;

afterEach(() => {
  for (const e of [...document.documentElement.children])
    if (e !== document.head && e !== document.body) e.remove();
  document.body.innerHTML = '';
});

describe('the outline made at idle', () => {
  it('is shown by the first open without running the engine again, and counted for the badge', async () => {
    const { controller, sent, runs } = setUp();
    await controller.start();
    await until(() => runs() === 1);
    const exact = sent.filter((r) => r.type === 'outline-found').at(-1) as {
      count: number;
      essay: boolean;
    };
    expect(exact.essay).toBe(true);
    expect(exact.count).toBeGreaterThanOrEqual(6);
    await controller.open();
    expect(runs()).toBe(1);
    expect(items(controller.sidebar()!.root)).toBe(exact.count);
    controller.stop();
  }, 15_000);

  it('is made again on the next open once the page has changed', async () => {
    const { controller, runs } = setUp();
    await controller.start();
    await until(() => runs() === 1);
    const p = document.createElement('p');
    p.textContent = '四是加强队伍建设，锻造过硬干部队伍。';
    document.body.append(p);
    await controller.open();
    expect(runs()).toBe(2);
    expect(controller.sidebar()!.root.textContent).toContain('加强队伍建设');
    controller.stop();
  }, 15_000);

  it('is not made once the controller has stopped (an extension reloaded under the page)', async () => {
    const { controller, runs } = setUp();
    await controller.start();
    controller.stop();
    await new Promise((r) => setTimeout(r, 2500));
    expect(runs()).toBe(0);
  }, 10_000);

  it('stays good when only <head> changes, and is made again at idle after the body changes', async () => {
    const { controller, runs } = setUp();
    await controller.start();
    await until(() => runs() === 1);
    document.head.append(document.createElement('script'));
    await new Promise((r) => setTimeout(r, 50));
    const p = document.createElement('p');
    p.textContent = '四是加强队伍建设，锻造过硬干部队伍。';
    document.body.append(p);
    // The page settles (1 s), then the outline is made again at idle.
    await until(() => runs() === 2);
    await controller.open();
    expect(runs()).toBe(2);
    expect(controller.sidebar()!.root.textContent).toContain('加强队伍建设');
    controller.stop();
  }, 15_000);

  it('is not made again for a change to <head> alone', async () => {
    const { controller, runs } = setUp();
    await controller.start();
    await until(() => runs() === 1);
    document.head.append(document.createElement('script'));
    await controller.open();
    expect(runs()).toBe(1);
    controller.stop();
  }, 15_000);
});
