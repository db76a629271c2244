import { describe, expect, it } from 'vitest';
import { isCjk, normalizeText, undoFakeBold } from '../../../lib/text/normalize.ts';
import { expectMapped } from './offset-check.ts';

describe('normalizeText', () => {
  const cases: [name: string, raw: string, expected: string][] = [
    ['line breaks between CJK', '推进\n高质量\r\n发展', '推进高质量发展'],
    ['spaced-out glyphs', '不 松 ， 时 刻 紧 绷', '不松，时刻紧绷'],
    ['ideographic space and NBSP', '\u3000\u3000坚持\u00a0人民\u3000至上', '坚持人民至上'],
    ['zero-width characters', '改\u200b革\ufeff开\u200d放', '改革开放'],
    ['Latin words keep one space', 'hello \n\t world', 'hello world'],
    ['a single line break between words', 'hello\nworld', 'hello world'],
    ['trim', '  \n 标题 \n ', '标题'],
    ['digits next to CJK', '2024 年 3 月', '2024年3月'],
    ['formulas kept', '锚定“1+3+N”和 5G 网络', '锚定“1+3+N”和5G网络'],
    ['comma next to CJK', '进入新时代,国企党支部书记', '进入新时代，国企党支部书记'],
    ['colon, semicolon, ? !', '指出:要;是否?好!', '指出：要；是否？好！'],
    ['parentheses around CJK', '(一)加强 ( 二 )', '（一）加强（二）'],
    ['paired parenthesis with digits', '报告(2024)显示', '报告（2024）显示'],
    ['number punctuation kept', '共 1,000 人, 10:30 开会', '共1,000人，10:30开会'],
    ['Latin punctuation kept', 'Hi, you: ok? (yes)', 'Hi, you: ok? (yes)'],
    ['space around converted comma', 'abc , 中文', 'abc，中文'],
    ['quotes next to CJK', '他说 “ 你好 ” 。', '他说“你好”。'],
    ['empty', '', ''],
    ['whitespace only', ' \n\u3000\t', ''],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    const { text, offsets } = normalizeText(raw);
    expect(text).toBe(expected);
    expectMapped(raw, text, offsets);
  });

  it('adds the base to every offset', () => {
    const raw = 'xx 中 文';
    const { text, offsets } = normalizeText(raw.slice(3), 3);
    expect(text).toBe('中文');
    expect(Array.from(offsets)).toEqual([3, 5, 6]);
  });

  it('maps the end past the last raw character, not past trailing space', () => {
    const { offsets } = normalizeText('中文  \n');
    expect(offsets[2]).toBe(2);
  });

  it('keeps astral ideographs whole', () => {
    const { text, offsets } = normalizeText('𠀀 字');
    expect(text).toBe('𠀀字');
    expectMapped('𠀀 字', text, offsets);
  });

  it('survives binary garbage', () => {
    let raw = '';
    for (let i = 0; i < 5000; i++) raw += String.fromCharCode((i * 7919) % 0xffff);
    const { text, offsets } = normalizeText(raw);
    expect(offsets.length).toBe(text.length + 1);
  });

  it('normalises in linear time (1 M characters against 250 k, same run)', () => {
    // Absolute speed is a benchmark target (npm run bench), not a timed test: here only the
    // growth is checked, against the same function on a quarter of the text in the same run.
    const unit = '坚持以人民为中心的发展思想，\n推进 高质量 发展, 1+3+N 和 5G。\n';
    const raw = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const quarter = raw.slice(0, raw.length >> 2);
    const best = (s: string) => {
      let ms = Infinity;
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        normalizeText(s);
        ms = Math.min(ms, performance.now() - t0);
      }
      return ms;
    };
    best(quarter); // warm-up
    const small = best(quarter);
    const large = best(raw);
    console.info(`normalizeText: 250 k in ${small.toFixed(1)} ms, 1 M in ${large.toFixed(1)} ms`);
    expect(normalizeText(raw).text.length).toBeGreaterThan(800_000);
    // Linear is 4x; 8x leaves room for a loaded machine, quadratic would be 16x.
    expect(large).toBeLessThan(8 * small + 5);
  });
});

describe('isCjk', () => {
  it.each([
    ['中', true],
    ['〇', false],
    ['a', false],
    ['，', false],
    ['', false],
  ] as const)('%s → %s', (ch, expected) => expect(isCjk(ch)).toBe(expected));
});

describe('undoFakeBold', () => {
  const cases: [name: string, raw: string, expected: string, bold: [number, number][]][] = [
    ['tripled runs', '把握把握把握“““四个关键四个关键四个关键”””', '把握“四个关键”', [[0, 8]]],
    ['doubled name line', '李李 妍妍', '李妍', [[0, 2]]],
    [
      'tripled lead then plain text',
      '深化改革深化改革深化改革。要坚持',
      '深化改革。要坚持',
      [[0, 4]],
    ],
    [
      'doubled chain of phrases',
      '强化担当强化担当“敢闯”“敢闯”，我们',
      '强化担当“敢闯”，我们',
      [[0, 8]],
    ],
    ['tripled quote mark alone', '他说“““好”', '他说“好”', [[2, 3]]],
    ['AABB reduplication kept', '实实在在地干，清清楚楚', '实实在在地干，清清楚楚', []],
    ['verb reduplication kept', '我们要研究研究这件事', '我们要研究研究这件事', []],
    ['daily kept', '天天向上，人人有责', '天天向上，人人有责', []],
    ['years kept', '二〇二〇年到二〇三五年', '二〇二〇年到二〇三五年', []],
    ['repeated measure word kept', '一茬一茬地接续奋斗', '一茬一茬地接续奋斗', []],
    ['ellipsis kept', '等等……还有', '等等……还有', []],
    ['no repetition', '坚持人民至上', '坚持人民至上', []],
  ];
  it.each(cases)('%s', (_name, raw, expected, bold) => {
    const r = undoFakeBold(normalizeText(raw));
    expect(r.text).toBe(expected);
    expect(r.bold).toEqual(bold);
    expectMapped(raw, r.text, r.offsets);
  });

  it('maps a kept span to the raw range of all its copies', () => {
    const raw = '把握把握把握。';
    const r = undoFakeBold(normalizeText(raw));
    expect(r.text).toBe('把握。');
    expect(r.offsets[2]).toBe(6); // '。' after the three copies
  });
});
