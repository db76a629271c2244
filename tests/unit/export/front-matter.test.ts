/**
 * The export's YAML front matter and one-line Markdown hold against hostile
 * titles: no value ends the front matter or starts a YAML document, no title
 * puts a `---` line or a heading in the body, and lib/text/front-matter.ts
 * reads back what the export writes.
 */
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  oneLine,
  outlineToMarkdown,
  yamlString,
} from '../../../lib/export/to-markdown.ts';
import { readFrontMatter } from '../../../lib/text/front-matter.ts';
import { rng } from '../backup/library-fixture.ts';
import { OUTLINE } from './to-markdown-cases.ts';

/** Every character some YAML or Markdown reader takes for a line break. */
const BREAKS = ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\v', '\f'];

/** Titles a page can hold, each meant to break out of its place. */
const HOSTILE = [
  'Open Source 治理 in China',
  '标题\n---\n# 新标题',
  '标题\r\n---\r\ntitle: 假的',
  '标题\u2028---\u2029# 新标题',
  '标题\u0085...\u0085--- !!python/object',
  '---',
  '...',
  '\n---\n',
  'He said "hi" \\ and \\n left',
  "it's 'quoted'",
  '"quoted"',
  '[list, like] {map: like}',
  'key: value # comment',
  '#hash &anchor *alias !tag |block >fold %directive @at `tick',
  'tab\there and \u0000 NUL, \u0007 bell, \u007f DEL, \u009b CSI',
  '\ufeffBOM and noncharacters \ufffe\uffff',
  'emoji 😀 and an astral ideograph 𠀀',
  'a lone surrogate \ud800 here',
];

/** The front matter's lines and the body, split as the export joins them. */
function parts(md: string): { front: string[]; body: string } {
  const lines = md.split('\n');
  expect(lines[0]).toBe('---');
  const close = lines.indexOf('---', 1);
  expect(close).toBeGreaterThan(0);
  return { front: lines.slice(1, close), body: lines.slice(close + 1).join('\n') };
}

describe('yamlString', () => {
  it('writes one line that any YAML (and JSON) reader reads back as the value', () => {
    for (const v of HOSTILE) {
      const y = yamlString(v);
      expect(y).toMatch(/^".*"$/su);
      for (const br of BREAKS) expect(y.includes(br), JSON.stringify(v)).toBe(false);
      expect(y).not.toMatch(/[\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]/u);
      expect(JSON.parse(y)).toBe(v.replace(/\ud800/g, '\ufffd'));
    }
  });

  it('escapes NEL, LS, PS and the C1 controls that JSON.stringify leaves raw', () => {
    expect(yamlString('a\u0085b\u2028c\u2029d\u009be')).toBe('"a\\u0085b\\u2028c\\u2029d\\u009Be"');
    expect(yamlString('"\\\n\r\t')).toBe('"\\"\\\\\\n\\r\\t"');
  });

  it('round-trips random text through JSON.parse', () => {
    const r = rng(7);
    const pool = [...'ab 治理"\\\'#:-[]{}\n\r\t\u0000\u0085\u2028\u2029\u007f\u00a0\ufeff😀'];
    for (let i = 0; i < 500; i++) {
      const v = Array.from(
        { length: 1 + Math.floor(r() * 20) },
        () => pool[Math.floor(r() * pool.length)]!,
      ).join('');
      expect(JSON.parse(yamlString(v))).toBe(v);
    }
  });
});

describe('oneLine and escapeMarkdown', () => {
  it.each([
    ['Open Source 治理 in China', 'Open Source 治理 in China'],
    ['Open\nSource', 'Open Source'],
    ['治理\r\nin China', '治理 in China'],
    ['Open\u2028治理', 'Open 治理'],
    ['强化\n担当\u2029作为', '强化担当作为'],
    ['强化\n\n  担当', '强化担当'],
    ['“两个确立”\n的意义', '“两个确立”的意义'],
    ['（一）\n加强', '（一）加强'],
    ['𠀀\n𠀁', '𠀀𠀁'],
    ['two  spaces stay', 'two  spaces stay'],
    ['\n  leading and trailing breaks go \r\n', 'leading and trailing breaks go'],
    ['a\u0085b\u000bc\u000cd\te', 'a b c d e'],
  ])('%j → %j', (s, expected) => {
    expect(oneLine(s)).toBe(expected);
  });

  it('never lets a line break start a rule, a heading or a list in the text', () => {
    // Inside a line `---` is text; at the start of one it is escaped.
    expect(escapeMarkdown('标题\n---')).toBe('标题 ---');
    expect(escapeMarkdown('\n---')).toBe('\\---');
    expect(escapeMarkdown('标题\r\n# 新标题')).toBe('标题 \\# 新标题');
    expect(escapeMarkdown('Title\u2028- item\u2029> quote')).toBe('Title - item \\> quote');
  });
});

describe('the Markdown export of a hostile title', () => {
  it.each(HOSTILE)('%j stays in its place', (title) => {
    const md = outlineToMarkdown(
      { ...OUTLINE, title, author: title, subtitle: title },
      { url: 'https://example.org/a', tags: [title, 'b'] },
    );
    // No character any reader takes for a line break but the export's own LFs.
    expect(md).not.toMatch(/[\r\u0085\u2028\u2029\v\f]/);
    const { front, body } = parts(md);
    // The front matter is key: "value" lines only, the values quoted scalars.
    for (const line of front)
      expect(line).toMatch(
        /^(?:title|subtitle|author|affiliation|source|saved): ".*"$|^tags: \[".*"\]$/,
      );
    expect(front.filter((l) => l.startsWith('title: '))).toHaveLength(1);
    // The body has no rule, document marker or front-matter fence of its own…
    expect(body).not.toMatch(/^[ \t]*(?:---|\.\.\.|\*\*\*|___)[ \t]*$/m);
    // …and its headings are the export's own: the title's and the subtitle's, one line each.
    const headings = body.split('\n').filter((l) => /^ {0,3}#/.test(l));
    expect(headings).toEqual([
      `# ${escapeMarkdown(title)}`,
      `## ${escapeMarkdown(title)}`,
      '## 纲目 Outline',
      '## 提法 Key formulations',
      '## 摘要 Digest',
    ]);
  });

  it('keeps the spaces of a Latin title in the front matter and the heading', () => {
    const md = outlineToMarkdown({ ...OUTLINE, title: 'Open Source 治理 in China' });
    expect(md).toContain('\ntitle: "Open Source 治理 in China"\n');
    expect(md).toContain('\n# Open Source 治理 in China\n');
  });

  it('a title of line breaks alone is no title', () => {
    const md = outlineToMarkdown({ ...OUTLINE, title: '\n\u2028\r\n' });
    expect(md).toContain('\n# （无标题）\n');
  });
});

describe('readFrontMatter reads back what the export writes', () => {
  it.each(HOSTILE)('%j', (title) => {
    const url = 'https://example.org/a?q="x"&t=\\n';
    const md = outlineToMarkdown({ ...OUTLINE, title, author: title }, { url, tags: [title] });
    const { hints, bodyStart } = readFrontMatter(md);
    const expected = title.replace(/\ud800/g, '\ufffd').trim() || undefined;
    if (title.trim()) {
      expect(hints.title).toBe(expected);
      expect(hints.docTitle).toBe(expected);
      expect(hints.byline).toBe(expected);
    }
    expect(hints.url).toBe(url);
    // The body starts at the title heading, right after the closing fence.
    expect(md.slice(bodyStart)).toMatch(/^\n# /);
  });

  it('reads the quoting other clippers write', () => {
    const md = [
      '---',
      "title: 'it''s Open Source 治理 in China'",
      'author: 张磊 # the byline',
      'source: "https:\\/\\/example.org\\/a"',
      'site: ["新华网, 北京", "其他"]',
      '---',
      '正文',
    ].join('\n');
    const { hints } = readFrontMatter(md);
    expect(hints.title).toBe("it's Open Source 治理 in China");
    expect(hints.byline).toBe('张磊');
    expect(hints.url).toBe('https://example.org/a');
    expect(hints.siteName).toBe('新华网, 北京');
  });

  it('reads YAML’s own escapes and keeps an unknown one as written', () => {
    const md = '---\ntitle: "a\\Lb\\Pc\\Nd\\_e\\x41\\U0001F600 C:\\path"\n---\n';
    expect(readFrontMatter(md).hints.title).toBe('a\u2028b\u2029c\u0085d\u00a0eA😀 C:\\path');
  });

  it('leaves an unclosed quote as written', () => {
    expect(readFrontMatter('---\ntitle: "open\n---\n').hints.title).toBe('"open');
  });
});
