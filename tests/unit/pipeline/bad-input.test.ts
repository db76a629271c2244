import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  analyzeDocument,
  analyzeMarkdown,
  analyzeText,
  type Analysis,
} from '../../../lib/index.ts';
import { outlineToMarkdown } from '../../../lib/export/to-markdown.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';

/** Deterministic pseudo-random bytes (no Math.random: failures must reproduce). */
function bytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const garbage = bytes(20_000);
const latin1 = new TextDecoder('latin1').decode(garbage);
const utf8 = new TextDecoder('utf-8').decode(garbage);

function htmlDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function validNodes(nodes: OutlineNode[], level: number): void {
  for (const n of nodes) {
    expect(n.level).toBe(level);
    expect(['heading', 'lead', 'inline']).toContain(n.kind);
    expect(typeof n.text).toBe('string');
    expect(typeof n.key).toBe('string');
    expect(n.marker === null || typeof n.marker === 'string').toBe(true);
    validNodes(n.children, level + 1);
  }
}

/** A valid (possibly empty) outline that also serialises. */
function expectValid(a: Analysis): Outline {
  const o = a.outline;
  for (const f of ['title', 'subtitle', 'author', 'affiliation', 'conclusion'] as const) {
    expect(o[f] === null || typeof o[f] === 'string', f).toBe(true);
  }
  expect(Array.isArray(o.formulations)).toBe(true);
  expect(Array.isArray(o.digest)).toBe(true);
  validNodes(o.nodes, 1);
  expect(() => outlineToMarkdown(o)).not.toThrow();
  return o;
}

const asHtml = (s: string) => analyzeDocument(htmlDoc(s));
const entries: Array<[string, (s: string) => Analysis]> = [
  ['analyzeText', analyzeText],
  ['analyzeMarkdown', analyzeMarkdown],
  ['analyzeDocument', asHtml],
];

const inputs: Array<[string, string]> = [
  ['empty string', ''],
  ['whitespace only', ' \n\t\u3000\r\n  \n\n\u00a0 '],
  ['random bytes as latin1', latin1],
  ['random bytes as utf-8', utf8],
  ['NUL and control characters', '\u0000\u0001\u0002一是\u0000二是\u001b[31m'],
  ['lone surrogates', '\ud800一是加强\udfff；二是\ud800改进。'],
  ['no CJK at all', 'The quick brown fox.\n\n1. First point.\n\n2. Second point.\n\nThe end.'],
];

describe('every entry point survives bad input', () => {
  for (const [entry, run] of entries) {
    it.each(inputs)(`${entry}: %s`, (_, input) => {
      expectValid(run(input));
    });
  }

  it.each(entries)('%s: empty input gives an empty outline', (_, run) => {
    const o = expectValid(run(''));
    expect(o.nodes).toEqual([]);
    expect(o.title).toBeNull();
  });
});

describe('large and deep input', () => {
  const para =
    '一是加强理论学习，坚持学思用贯通、知信行统一。二是改进工作作风，力戒形式主义官僚主义。各级党组织要切实提高认识，确保取得实效。';
  const big = Array.from({ length: Math.ceil((5 << 20) / (para.length * 3 + 2)) }, () => para).join(
    '\n\n',
  );

  it('5 MB of text finishes', () => {
    expect(new TextEncoder().encode(big).length).toBeGreaterThanOrEqual(5 << 20);
    const t0 = performance.now();
    expectValid(analyzeText(big));
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 30_000);

  it('a long run of alike paragraphs stays linear (no sibling search over the whole run)', () => {
    const one = Array.from({ length: 2000 }, () => para).join('\n\n');
    const four = Array.from({ length: 8000 }, () => para).join('\n\n');
    const time = (s: string) => {
      const t0 = performance.now();
      expectValid(analyzeText(s));
      return performance.now() - t0;
    };
    time(one); // warm-up
    const t1 = time(one);
    const t4 = time(four);
    // Four times the text may take at most ~10x the time (linear is 4x; quadratic would be 16x).
    expect(t4).toBeLessThan(Math.max(10 * t1, 2_000));
  }, 30_000);

  it('5,000 nested divs parse and give a valid outline', () => {
    const depth = 5000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>一是加强理论学习。坚持学思用贯通。</p><p>二是改进工作作风。力戒形式主义。</p>${'</div>'.repeat(depth)}</body></html>`;
    const o = expectValid(asHtml(html));
    expect(o.nodes.length).toBeLessThanOrEqual(2);
  }, 20_000);
});

describe('documents with nothing to outline', () => {
  it('HTML with only navigation links gives no nodes', () => {
    const nav = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/c${i}">${i + 1}、频道${i + 1}</a></li>`,
    );
    const html = `<html><head><title>首页</title></head><body><nav><ul>${nav.join('')}</ul></nav><div class="footer"><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></div></body></html>`;
    expect(expectValid(asHtml(html)).nodes).toEqual([]);
  });

  it('Markdown with only front matter gives no nodes', () => {
    const o = expectValid(
      analyzeMarkdown('---\ntitle: 以改革创新激发发展活力\nauthor: 李华\n---\n'),
    );
    expect(o.nodes).toEqual([]);
    expect(o.title).toBe('以改革创新激发发展活力');
  });

  it('an empty HTML document gives no nodes', () => {
    expect(expectValid(asHtml('<html><head></head><body></body></html>')).nodes).toEqual([]);
  });
});
