import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, safeFileName, UNTITLED } from '../../../lib/export/file-names.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('safeFileName', () => {
  it.each([
    [
      'keeps a Chinese title readable',
      '以高质量发展推进中国式现代化',
      'md',
      '以高质量发展推进中国式现代化.md',
    ],
    [
      'full-width look-alikes for forbidden characters',
      'a/b: c? "d" <e> |f| *g* \\h',
      'md',
      'a／b： c？ ＂d＂ ＜e＞ ｜f｜ ＊g＊ ＼h.md',
    ],
    [
      'control characters and line breaks become one space',
      '标题\n\t第二行\u0007尾',
      'md',
      '标题 第二行 尾.md',
    ],
    ['invisible and bidi characters are removed', '标\u200b题\u202e', 'md', '标题.md'],
    ['trailing dots and spaces are trimmed', '这是什么…. . ', 'md', '这是什么….md'],
    ['a leading dot does not hide the file', '.hidden', 'md', 'hidden.md'],
    ['an empty title', '  \t ', 'md', `${UNTITLED}.md`],
    ['only forbidden dots', '...', 'json', `${UNTITLED}.json`],
    ['reserved device name', 'CON', 'md', 'CON_.md'],
    ['reserved name in lower case', 'nul', 'txt', 'nul_.txt'],
    ['reserved name before a dot', 'com1.backup', 'md', 'com1_.backup.md'],
    ['a word that starts like a device is fine', 'CONTEXT', 'md', 'CONTEXT.md'],
    ['extension with its dot', '标题', '.json', '标题.json'],
    ['no extension', '标题', '', '标题'],
    ['full-width spaces collapse', '标题\u3000\u3000副题', 'md', '标题 副题.md'],
    [
      'keeps the spaces between Latin words and between Latin and Chinese',
      'Open Source 治理 in China',
      'md',
      'Open Source 治理 in China.md',
    ],
    [
      'any run of spaces, tabs and line breaks (NEL, LS, PS too) is one space',
      'Open \u00a0Source\t治理\u0085in\u2028\u2029China',
      'md',
      'Open Source 治理 in China.md',
    ],
  ])('%s', (_name, title, ext, expected) => {
    expect(safeFileName(title, ext, new Set())).toBe(expected);
  });

  it('numbers duplicates (2), (3)… and records what it returns', () => {
    const taken = new Set<string>();
    expect(safeFileName('评论', 'md', taken)).toBe('评论.md');
    expect(safeFileName('评论', 'md', taken)).toBe('评论 (2).md');
    expect(safeFileName('评论', 'md', taken)).toBe('评论 (3).md');
    expect(safeFileName('评论', 'json', taken)).toBe('评论.json');
    expect([...taken]).toEqual(['评论.md', '评论 (2).md', '评论 (3).md', '评论.json']);
  });

  it('treats names differing in case or normalisation as the same', () => {
    const taken = new Set(['Report.md', 'cafe\u0301.md']);
    expect(safeFileName('REPORT', 'md', taken)).toBe('REPORT (2).md');
    expect(safeFileName('caf\u00e9', 'md', taken)).toBe('café (2).md');
  });

  it('keeps names within the byte limit, never splitting a character, suffix included', () => {
    const long = '推进国家治理体系和治理能力现代化'.repeat(10); // 160 characters, 480 bytes
    const taken = new Set<string>();
    const first = safeFileName(long, 'md', taken);
    const second = safeFileName(long, 'md', taken);
    for (const name of [first, second]) {
      expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(name).not.toMatch(/\uFFFD/);
    }
    expect(first.endsWith('.md')).toBe(true);
    expect(second.endsWith(' (2).md')).toBe(true);
    expect(long.startsWith(first.replace(/\.md$/, ''))).toBe(true);
    // Emoji outside the BMP are kept whole.
    const emoji = safeFileName('😀'.repeat(100), 'md', new Set());
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(emoji).toMatch(/^(?:😀)+\.md$/u);
  });

  it('does not end on a space or dot after shortening', () => {
    const title = 'a'.repeat(196) + ' .b';
    const name = safeFileName(title, 'md', new Set());
    expect(name).toBe('a'.repeat(196) + '.md');
  });

  it('caps an absurd extension', () => {
    expect(safeFileName('x', 'e'.repeat(40), new Set())).toBe('x.' + 'e'.repeat(16));
  });
});
