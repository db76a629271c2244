import { describe, expect, it } from 'vitest';
import { norm, parseSummaryLine, scoreItem, summarize } from '../../../eval/score.ts';

describe('scorer twin: norm()', () => {
  it.each([
    ['一是文稿起草出精品。', '文稿起草出精品'],
    // Faithful to the script: the bracket is stripped before the marker test, so 一 stays.
    ['（一） 完善 工作机制', '一完善工作机制'],
    ['一、完善 工作机制', '完善工作机制'],
    ['“严”字当头', '严字当头'],
    ['要敢想，勇于创新', '敢想勇于创新'],
    ['另一方面，守住底线', '守住底线'],
    [null, ''],
  ])('%j → %j', (s, want) => {
    expect(norm(s)).toBe(want);
  });
});

describe('scorer twin: matching and counts', () => {
  const gold = {
    title: '标题',
    author: '张磊',
    affiliation: null,
    outline: [
      {
        level: 1,
        text: '突出政治引领',
        key: '政治引领',
        children: [{ level: 2, text: '加强理论学习' }],
      },
      { level: 1, text: '突出服务大局', key: '服务大局' },
    ],
  };

  it('matches by key containment, pairs in order, counts level and parent', () => {
    const pred = {
      title: '标 题',
      author: '李华',
      outline: [
        { level: 1, text: '一、突出政治引领', children: [{ level: 2, text: '一是加强理论学习' }] },
        { level: 2, text: '突出服务大局' },
      ],
    };
    expect(scoreItem(pred, gold)).toEqual({
      pred: 3,
      gold: 3,
      pairs: 3,
      level: 2,
      parent: 3,
      meta: 2,
      metaOk: 1,
    });
  });

  it('rejects a prediction more than 8 characters longer than the gold text', () => {
    const pred = { outline: [{ level: 1, text: '突出政治引领并且还要再多写上许多字' }] };
    expect(scoreItem(pred, gold).pairs).toBe(0);
  });

  it('summarises like the script', () => {
    const s = summarize([
      { pred: 4, gold: 5, pairs: 3, level: 3, parent: 2, meta: 2, metaOk: 1 },
      { pred: 0, gold: 0, pairs: 0, level: 0, parent: 0, meta: 1, metaOk: 1 },
    ]);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
    expect(s.meta).toBeCloseTo(2 / 3);
    expect(s.macroF1).toBeCloseTo((6 / 9 + 1) / 2);
  });

  it('parses the script’s summary line', () => {
    const line =
      'outline F1 0.931 (P 0.976 R 0.890) level 0.957 parent 0.937 meta 0.878 over 24 items, 0 failed, macro F1 0.896';
    expect(parseSummaryLine(line)).toEqual({
      f1: 0.931,
      precision: 0.976,
      recall: 0.89,
      level: 0.957,
      parent: 0.937,
      meta: 0.878,
      items: 24,
      macroF1: 0.896,
    });
  });
});
