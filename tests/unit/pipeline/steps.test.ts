/**
 * The engine in steps (lib/steps.ts): run to the end it gives what the engine
 * gives at once, and on a page of 50,000 paragraphs it yields often enough that
 * no piece between two yields is more than a small share of the whole (each
 * piece timed against the run's own total, so a slow machine changes nothing).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeDocumentSteps, runSteps } from '../../../lib/index.ts';
import { recognize, recognizeSteps } from '../../../lib/outline/recognize.ts';
import { blocksFromText } from '../../../lib/blocks/from-text.ts';

const SHORT = ['抓落实', '重实效', '强保障', '守底线', '促发展', '惠民生', '优服务', '聚合力'];
const LEADS = ['一是', '二是', '三是'];

/** 50,000 short paragraphs, every tenth run opening 一是/二是/三是 (the hostile e2e page's shape). */
function hugePage(paragraphs = 50_000): Document {
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const k = i % 10;
    const words = `${SHORT[i % SHORT.length]}${SHORT[(i >> 3) % SHORT.length]}`;
    return k < LEADS.length ? `<p>${LEADS[k]}${words}。</p>` : `<p>第${i}段${words}。</p>`;
  }).join('');
  return parseHTML(
    `<!doctype html><html><head><title>五万段</title></head><body>${body}</body></html>`,
  ).document as unknown as Document;
}

const ESSAY =
  '<h1>以高效能治理推进基层治理现代化</h1><p>作者：王琛</p>' +
  '<h2>一、坚持党建引领</h2><p>一是坚持党的全面领导，把党的领导贯穿基层治理全过程各方面。二是完善议事协商机制，让群众的事群众商量着办。</p>' +
  '<h2>二、推进数字赋能</h2><p><strong>打通信息壁垒。</strong>让数据多跑路、群众少跑腿，把问题解决在萌芽状态。</p>' +
  '<h2>三、强化队伍建设</h2><p>首先，要选优配强带头人。其次，要加强教育培训。最后，要健全激励机制。</p>' +
  '<p>综上所述，基层治理要坚持“共建共治共享”，久久为功。</p>';

describe('the engine in steps', () => {
  it('run to the end, gives what the engine gives at once', () => {
    const doc = parseHTML(`<!doctype html><html><body><article>${ESSAY}</article></body></html>`)
      .document as unknown as Document;
    const whole = analyzeDocument(doc);
    expect(whole.outline.nodes.length).toBeGreaterThan(2);
    expect(runSteps(analyzeDocumentSteps(doc))).toEqual(whole);
    const text = blocksFromText('一是抓落实。\n\n二是重实效。\n\n三是强保障。');
    expect(runSteps(recognizeSteps(text))).toEqual(recognize(text));
  });

  it('on 50,000 paragraphs, yields so that no piece is more than a small share of the run', () => {
    const doc = hugePage();
    const steps = analyzeDocumentSteps(doc);
    const pieces: number[] = [];
    let result;
    for (;;) {
      const t = performance.now();
      const r = steps.next();
      pieces.push(performance.now() - t);
      if (r.done) {
        result = r.value;
        break;
      }
    }
    const total = pieces.reduce((a, b) => a + b, 0);
    const longest = Math.max(...pieces);
    // Every stage yields: thousands of pieces, where the engine was one task.
    expect(pieces.length).toBeGreaterThan(2000);
    // The longest piece (Readability is skipped on such a page; the longest is a
    // selector query over the whole page, or a pause to collect garbage) is a small
    // share of the run: 1/15 of the 50,000-paragraph run.
    expect(longest, `longest ${longest.toFixed(1)} of ${total.toFixed(0)} ms`).toBeLessThan(
      total / 15,
    );
    expect(result.outline.nodes.length).toBeGreaterThan(0);
    expect(result).toEqual(analyzeDocument(doc));
  }, 60_000);
});
