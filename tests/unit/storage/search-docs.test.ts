/** What search reads of a candidate (schema v12): rows packed, and read back as they were. */
import { describe, expect, it } from 'vitest';
import {
  packFields,
  packTexts,
  searchMarksRow,
  searchOwnRow,
  unpackFields,
  unpackMarks,
  unpackTexts,
} from '@/background/storage/search-docs';
import { highlightFields, ownFields, type FieldText } from '@/background/storage/terms';
import { draft, highlight } from './fixtures';

describe('search rows', () => {
  it('pack texts end to end and give them back, empty ones and none included', () => {
    for (const texts of [[], [''], ['时间序列', '', 'a\u0000b', '😀'], ['x'.repeat(70_000), '尾']])
      expect(unpackTexts(packTexts(texts))).toEqual(texts);
    const fields: FieldText[] = [
      { field: 'title', text: '标题' },
      { field: 'author', text: '张磊' },
      { field: 'outline', text: '一是' },
      { field: 'formulation', text: '两个确立' },
      { field: 'body', text: '正文' },
      { field: 'highlight', text: '划线' },
      { field: 'note', text: '批注' },
    ];
    const packed = packFields(fields);
    expect(packed.kinds).toBe('taofbhn');
    expect(unpackFields(packed)).toEqual(fields);
  });

  it("hold an article's own fields and each highlight's id and fields, in order", () => {
    const a = {
      ...draft({ title: '以绣花功夫推进基层治理' }),
      doc: 7,
      savedAt: 'S',
      updatedAt: 'U',
    };
    const own = searchOwnRow(a as Parameters<typeof searchOwnRow>[0]);
    expect(own).toMatchObject({ doc: 7, id: a.id, title: a.title, site: a.site, savedAt: 'S' });
    expect(unpackFields(own)).toEqual(ownFields(a as Parameters<typeof ownFields>[0]));
    const highlights = [
      { ...highlight('h1'), note: '默想' },
      highlight('h2'),
      // No words (no quote): no field.
      { ...highlight('h4'), selectors: [] },
      { ...highlight('h3'), note: '时间序列' },
    ];
    expect(highlights.map((h) => highlightFields(h).length)).toEqual([2, 1, 0, 2]);
    const marks = searchMarksRow({ articleId: a.id, doc: 7, highlights });
    expect(marks.doc).toBe(7);
    expect(unpackMarks(marks)).toEqual(
      highlights.map((h) => ({ id: h.id, fields: highlightFields(h) })),
    );
    expect(unpackMarks(searchMarksRow({ articleId: a.id, doc: 7, highlights: [] }))).toEqual([]);
  });
});
