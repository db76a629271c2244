import { describe, expect, it } from 'vitest';
import {
  defaultSegmenter,
  indexTerms,
  matches,
  matchesAll,
  MAX_TERMS,
  queryMatcher,
  queryTermGroups,
  queryTerms,
  snippet,
  type WordSegmenter,
} from '../../../lib/search/index.ts';
import { findCases } from './search-cases.ts';

/** A fake segmenter that cuts every four characters (what a poor segmenter might do). */
const fakeSegmenter: WordSegmenter = {
  *segment(text: string) {
    for (let i = 0; i < text.length; i += 4)
      yield { segment: text.slice(i, i + 4), index: i, isWordLike: true };
  },
};

const segmenters: [string, WordSegmenter | null][] = [
  ['Intl.Segmenter', defaultSegmenter()],
  ['a fake segmenter', fakeSegmenter],
  ['no segmenter', null],
];

const found = (query: string, doc: string, seg: WordSegmenter | null) => {
  const index = new Set(indexTerms(doc, { segmenter: seg }));
  const q = queryTerms(query);
  return q.length > 0 && q.every((t) => index.has(t));
};

describe.each(segmenters)('index and query terms with %s', (_name, seg) => {
  it.each(findCases)('$name', ({ query, doc, found: expected }) => {
    expect(found(query, doc, seg)).toBe(expected);
    // The text check agrees with the index.
    expect(matchesAll(query, doc)).toBe(expected);
  });

  it('never indexes a single CJK character', () => {
    const terms = indexTerms('党的建设。人、事、物', { segmenter: seg });
    expect(terms.filter((t) => /^\p{Script=Han}$/u.test(t))).toEqual([]);
    expect(terms).toContain('党的');
  });
});

describe('indexTerms', () => {
  it('has Intl.Segmenter in this Node', () => {
    expect(defaultSegmenter()).not.toBeNull();
  });

  it('finds no segmenter in an environment without Intl.Segmenter', () => {
    expect(defaultSegmenter({})).toBeNull();
    expect(defaultSegmenter({ Segmenter: undefined })).toBeNull();
  });

  it('adds segmenter words of three or more characters to the bigrams', () => {
    const seg: WordSegmenter = {
      segment: () => [
        { segment: '时间序列', index: 0 },
        { segment: '分析', index: 4 },
      ],
    };
    expect(indexTerms('时间序列分析', seg)).toEqual([
      '时间',
      '间序',
      '序列',
      '列分',
      '分析',
      '时间序列',
    ]);
    expect(indexTerms('时间序列分析', null)).toEqual(['时间', '间序', '序列', '列分', '分析']);
  });

  it('indexes lower-cased Latin words and numbers, full width folded', () => {
    expect(indexTerms('ＡＩ赋能 Smart City 2024年', null)).toEqual([
      'ai',
      '赋能',
      'smart',
      'city',
      '2024',
    ]);
  });

  it('deduplicates', () => {
    const terms = indexTerms('治理治理，治理', null);
    expect(terms).toEqual(['治理', '理治']);
  });

  it('caps the terms per document, keeping the first', () => {
    const chars = Array.from({ length: MAX_TERMS + 100 }, (_, i) =>
      String.fromCodePoint(0x4e00 + i),
    ).join('');
    const terms = indexTerms('标题' + chars, null);
    expect(terms.length).toBe(MAX_TERMS);
    expect(terms[0]).toBe('标题');
    expect(indexTerms(chars, { segmenter: null, maxTerms: 10 })).toHaveLength(10);
  });

  it('leaves out over-long Latin tokens', () => {
    expect(indexTerms('a'.repeat(40) + ' ok', null)).toEqual(['ok']);
  });

  it('counts characters outside the BMP as one character', () => {
    expect(indexTerms('𠀀𠀁', null)).toEqual(['𠀀𠀁']);
  });

  it('indexes what a character normalises to, in order of first occurrence', () => {
    // ﬁ → fi (one token with what follows), ㍿ → 株式会社 (three bigrams), Ⅻ → xii.
    expect(indexTerms('ﬁne ㍿ Ⅻ章', null)).toEqual(['fine', '株式', '式会', '会社', 'xii']);
    // Han and Latin side by side are separate runs; an emoji or punctuation ends a run.
    expect(indexTerms('5G基站😀建设、ABC发展', null)).toEqual([
      '5g',
      '基站',
      '建设',
      'abc',
      '发展',
    ]);
    expect(indexTerms('治理治理，理治', null)).toEqual(['治理', '理治']);
  });
});

describe('queryTerms', () => {
  it.each([
    ['时间序列', ['时间', '间序', '序列']],
    ['5G基站', ['5g', '基站']],
    ['，。！', []],
    ['党', []],
    ['', []],
    ['治理 治理', ['治理']],
  ])('%s', (q, terms) => {
    expect(queryTerms(q)).toEqual(terms);
  });
});

describe('queryTermGroups', () => {
  it.each([
    ['时间序列', [['时间', '间序', '序列']]],
    [
      '营商环境 调查研究',
      [
        ['营商', '商环', '环境'],
        ['调查', '查研', '研究'],
      ],
    ],
    ['5G基站', [['5g'], ['基站']]],
    ['党 治理 治理', [['治理']]],
    ['，。！', []],
  ])('%s: the terms of each word', (q, groups) => {
    expect(queryTermGroups(q)).toEqual(groups);
    expect(queryTermGroups(q).flat().sort()).toEqual(queryTerms(q).sort());
  });
});

describe('matches and snippet', () => {
  it('gives raw spans of each piece, merged', () => {
    const text = '推进ＡＩ赋能，AI治理';
    expect(matches('ai', text)).toEqual([
      [2, 4],
      [7, 9],
    ]);
    expect(matches('时间 序列', '时间序列分析')).toEqual([[0, 4]]);
  });

  it('falls back to bigrams when the run is not written as such', () => {
    expect(matches('治理体系', '治理，理体，体系')).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
    ]);
  });

  it('leaves out pieces that are absent', () => {
    expect(matches('乡村 治理', '全面推进乡村振兴')).toEqual([[4, 6]]);
    expect(matchesAll('乡村 治理', '全面推进乡村振兴')).toBe(false);
  });

  it('scans by substring when the query has no terms', () => {
    expect(matchesAll('党', '党的建设')).toBe(true);
    expect(matchesAll('，', '党的建设')).toBe(false);
    expect(matchesAll('', '党的建设')).toBe(false);
  });

  it('one matcher, worked out once, tests many texts (the highlights of a group)', () => {
    const gdp = queryMatcher('GDP').all;
    expect(['ＧＤＰ增长', '25gdp', 'gdp、增长', 'GDP5', '', '\n'].map(gdp)).toEqual([
      true,
      false, // a Latin piece only as a whole token
      true,
      false,
      false,
      false,
    ]);
    const series = queryMatcher('时间序列').all;
    // As written, or by all its bigrams; never by bigrams apart that skip one (间序).
    expect(['时间序列分析', '时间 序列', '序列时间间序', '时间'].map(series)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const one = queryMatcher('治').all;
    expect(['治理', '政', ''].map(one)).toEqual([true, false, false]);
    expect(queryMatcher('').all('治理')).toBe(false);
  });

  it('one query matcher gives each text its own raw spans, the fields without a piece none', () => {
    const m = queryMatcher('ＧＤＰ 时间序列');
    // Full-width letters before the hit shift nothing: spans are raw offsets.
    const fields = ['ＡＢＣ时间序列与gdp', '统筹发展和安全', '时间，间序，序列', 'GDP5', ''];
    expect(fields.map((t) => m.spans(t))).toEqual([
      [
        [3, 7],
        [8, 11],
      ],
      [],
      [
        [0, 2],
        [3, 5],
        [6, 8],
      ],
      [], // not a whole token
      [],
    ]);
    // The same as one query at a time.
    for (const t of fields) expect(m.spans(t)).toEqual(matches('ＧＤＰ 时间序列', t));
    expect(fields.map((t) => m.all(t))).toEqual([true, false, false, false, false]);
  });

  it('finds a query of no pieces (one character) as a substring', () => {
    const m = queryMatcher('治');
    // Raw offsets, after full-width letters.
    expect(m.spans('ＡＢ治理和治国')).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(matches('治', 'ＡＢ治理和治国')).toEqual(m.spans('ＡＢ治理和治国'));
    expect(m.spans('政府')).toEqual([]);
    expect(queryMatcher('  ').spans('政府 治理')).toEqual([]);
  });

  it('opens a snippet after the sentence end before the match', () => {
    const text = '第一句话很长很长。第二句提到时间序列分析方法，后面还有很多内容很多内容。';
    const spans = matches('时间序列', text);
    const s = snippet(text, spans, 10);
    expect(s.text.startsWith('第二句')).toBe(true);
    expect(s.spans).toEqual([[5, 9]]);
    expect(s.text.slice(5, 9)).toBe('时间序列');
    expect(s.cutBefore).toBe(true);
    expect(s.cutAfter).toBe(true);
  });

  it('shows the opening when nothing matched', () => {
    const s = snippet('短文本', [], 40);
    expect(s).toEqual({
      start: 0,
      end: 3,
      text: '短文本',
      spans: [],
      cutBefore: false,
      cutAfter: false,
    });
  });
});
