import { describe, expect, it } from 'vitest';
import { LAST, findMarkers, matchMarkerAt, parseCnNumber } from '../../../lib/outline/markers.ts';
import { findCases, markerCases, markerNegatives } from './markers-cases.ts';

describe('parseCnNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
  ])('%s → %i', (s, n) => {
    expect(parseCnNumber(s)).toBe(n);
  });

  it.each(['', '百', '一百', '十十', '一二', 'x', '十二三', '三十二一'])(
    '%j is not a number',
    (s) => {
      expect(parseCnNumber(s)).toBeNaN();
    },
  );
});

describe('matchMarkerAt', () => {
  it.each(markerCases)('$input → $family $marker', (c) => {
    const m = matchMarkerAt(c.input);
    expect(m).not.toBeNull();
    expect(m!.family).toBe(c.family);
    expect(m!.ordinal).toBe(c.ordinal === 'last' ? LAST : c.ordinal);
    expect(m!.marker).toBe(c.marker);
    expect(m!.start).toBe(0);
    expect(m!.end).toBe(c.end);
  });

  it.each(markerNegatives)('%j opens no marker', (s) => {
    expect(matchMarkerAt(s)).toBeNull();
  });

  it('reads a marker at a given position', () => {
    const m = matchMarkerAt('导语。二是强化保障', 3);
    expect(m).toMatchObject({ family: 'shi', ordinal: 2, marker: '二是', start: 3, end: 5 });
  });

  it('skips an opening 【 and spaces, and steps over a closing 】', () => {
    expect(matchMarkerAt('【一是】加强学习')).toMatchObject({ marker: '一是', start: 1, end: 4 });
    expect(matchMarkerAt('\u3000\u3000一是加强学习')).toMatchObject({ marker: '一是', start: 2 });
  });

  it('keeps 要 in the words after 一是要', () => {
    const m = matchMarkerAt('一是要加强学习')!;
    expect(m.marker).toBe('一是');
    expect('一是要加强学习'.slice(m.end)).toBe('要加强学习');
  });
});

describe('findMarkers', () => {
  it.each(findCases)('$name', ({ text, want }) => {
    expect(findMarkers(text).map((m) => [m.marker, m.start])).toEqual(want);
  });

  it('does not report the paragraph-only family 一、 inside running text', () => {
    const families = findMarkers('要点如下：一、加强学习；1.改进作风').map((m) => m.family);
    expect(families).not.toContain('cn-dun');
  });

  it('reports 1. inside running text at a clause boundary, never a decimal', () => {
    const found = findMarkers('问题如下：1.要提升能力，增长1.5倍；2.要联系群众').map((m) => [
      m.family,
      m.marker,
    ]);
    expect(found).toEqual([
      ['ar-dot', '1'],
      ['ar-dot', '2'],
    ]);
  });

  it('returns [] for empty and marker-free text', () => {
    expect(findMarkers('')).toEqual([]);
    expect(findMarkers('坚持稳中求进工作总基调，推动高质量发展。')).toEqual([]);
  });
});
