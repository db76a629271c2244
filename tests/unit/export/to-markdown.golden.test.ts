/**
 * Golden tests of the Markdown export. Expected files live in ./golden/ as
 * `.md.txt` (so that prettier leaves them byte for byte as the serialiser wrote
 * them; with `tests/unit/export/golden/` in .prettierignore they could be `.md`); they
 * are rewritten only on an explicit flag: `UPDATE_GOLDEN=1 npx vitest run
 * tests/unit/export`. Review the diff before committing them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORPHANS_HEADING, outlineToMarkdown } from '../../../lib/export/to-markdown.ts';
import { goldenCases } from './to-markdown-cases.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('outlineToMarkdown golden files', () => {
  for (const c of goldenCases) {
    it(c.name, () => {
      const got = outlineToMarkdown(c.outline, c.options);
      const file = join(GOLDEN, `${c.name}.md.txt`);
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, got);
      }
      expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(got).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('outlineToMarkdown with highlights', () => {
  const byName = (n: string) => {
    const c = goldenCases.find((x) => x.name === n)!;
    return outlineToMarkdown(c.outline, c.options);
  };

  it('puts highlights under their node, intro ones before the outline, orphans after it', () => {
    const md = byName('highlights');
    const at = (s: string) => md.indexOf(s);
    expect(at('## 导语 Intro')).toBeGreaterThan(0);
    expect(at('## 导语 Intro')).toBeLessThan(at('## 纲目 Outline'));
    expect(at('> 抓落实是干事创业的关键')).toBeLessThan(at('## 纲目 Outline'));
    expect(md).toContain(
      '  - 一是 加强理论学习，深入学习贯彻党的创新理论 — *加强理论学习*\n    > 深入',
    );
    expect(at('    > 深入学习贯彻')).toBeLessThan(at('    > 坚持学用结合'));
    expect(at(ORPHANS_HEADING)).toBeGreaterThan(at('- 二 突出服务大局'));
    expect(at(ORPHANS_HEADING)).toBeLessThan(at('## 提法'));
    expect(md).toContain('> 确保各项决策部署落到实处 【紫 purple】');
    expect(md).toContain('> *原在 Was in:* 强化教育培训');
  });

  it('keeps multi-line notes as hard-broken lines and paragraphs', () => {
    const md = byName('highlights');
    expect(md).toContain(
      '    > **笔记 Note:** 重点：\\\n    > 要读原著\n    >\n    > 学原文、悟原理',
    );
  });

  it('Obsidian: ==text== and colour tags', () => {
    const md = byName('highlights-obsidian');
    expect(md).toContain('> ==深入学习贯彻党的创新理论== #highlight/yellow');
    expect(md).toContain('affiliation: "某某市委政研室"');
  });

  it('never emits raw HTML or live markup from page text or notes', () => {
    const md = byName('hostile-text');
    const body = md.slice(md.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/(^|[^\\])<(script|img|b)\b/m);
    expect(body).not.toMatch(/(^|[^\\])&amp;/);
    expect(body).not.toMatch(/^[ \t]*>[ \t]*(#|>|- |1\. |---|[ \t]{4})/m);
    expect(body).toContain('\\=\\=标\\=\\=');
    expect(md).toContain('# \\<b\\>标题\\</b\\> \\& 副题');
  });

  it('without highlights prints what the CLI prints (no highlight sections)', () => {
    const md = byName('outline-only');
    expect(md).not.toContain('## 导语');
    expect(md).not.toContain(ORPHANS_HEADING);
  });
});
