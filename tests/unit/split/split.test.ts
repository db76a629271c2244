import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../../lib/split/split-articles.ts';
import {
  collective,
  dateline,
  essay,
  news,
  page,
  pageBottom,
  pageTop,
  commentary,
  titleAfterBody,
} from './page-fixtures.ts';

const slices = (raw: string) =>
  splitArticles(raw).map((a) => ({ ...a, text: raw.slice(a.start, a.end) }));

describe('splitArticles on an e-paper page', () => {
  const got = slices(page);

  it('finds the four articles with their titles and authors', () => {
    expect(got.map(({ title, author }) => ({ title, author }))).toEqual(
      [commentary, news, dateline, collective].map(({ title, author }) => ({ title, author })),
    );
  });

  it('each range is the article as printed, page furniture left out', () => {
    expect(got.map((a) => a.text)).toEqual([
      commentary.text,
      news.text,
      dateline.text,
      collective.text,
    ]);
    expect(got[0]!.start).toBe(pageTop.length + 1);
    expect(page.slice(got[3]!.end).trim()).toBe(pageBottom);
  });

  it('works on the page as hard-wrapped PDF lines with blank lines between paragraphs', () => {
    const wrap = (t: string) =>
      t
        .split('\n')
        .map((line) => (line.length > 40 ? (line.match(/.{1,16}/gu) ?? []).join('\n') : line))
        .join('\n\n');
    const wrapped = [
      pageTop,
      commentary.text,
      news.text,
      dateline.text,
      collective.text,
      pageBottom,
    ]
      .map(wrap)
      .join('\n\n');
    const w = splitArticles(wrapped);
    expect(w.map((a) => a.title)).toEqual([
      commentary.title,
      news.title,
      dateline.title,
      collective.title,
    ]);
    expect(w.map((a) => a.author)).toEqual([
      commentary.author,
      news.author,
      dateline.author,
      collective.author,
    ]);
  });

  it('keeps offsets into the raw text with CRLF line ends', () => {
    const crlf = page.replace(/\n/g, '\r\n');
    const w = splitArticles(crlf);
    expect(w).toHaveLength(4);
    expect(crlf.slice(w[1]!.start, w[1]!.end)).toBe(news.text.replace(/\n/g, '\r\n'));
  });
});

describe('splitArticles keeps a single essay whole', () => {
  it.each([
    ['an essay with subheadings and an author note', essay.text],
    ['a commentary alone', commentary.text],
    ['a title and byline printed after the body', titleAfterBody],
  ])('%s', (_name, text) => {
    const got = splitArticles(text);
    expect(got).toHaveLength(1);
    expect(got[0]!.start).toBe(0);
    expect(got[0]!.end).toBe(text.length);
  });

  it('takes the title and byline printed after the body', () => {
    expect(splitArticles(titleAfterBody)[0]).toMatchObject({
      title: '以实干实绩推动高质量发展',
      author: '周明',
    });
  });

  it('reads the essay head', () => {
    expect(splitArticles(essay.text)[0]).toMatchObject({ title: essay.title });
  });

  it('returns nothing for empty or furniture-only text', () => {
    expect(splitArticles('')).toEqual([]);
    expect(splitArticles('  \n\n')).toEqual([]);
    expect(splitArticles(pageBottom)).toEqual([]);
  });

  it('keeps the continued end of an article from another page as its own untitled article', () => {
    const tail =
      '（上接第4版）各地要把这项工作摆在突出位置，加强组织领导，细化工作方案，确保各项措施落到实处，以扎实成效取信于民，推动形成比学赶超的良好局面。';
    const got = splitArticles(tail + '\n' + news.text);
    expect(got.map((a) => a.title)).toEqual([null, news.title]);
  });
});

describe('splitArticles reads a lone headline at the top', () => {
  it('without a byline', () => {
    const text = essay.text.replace('\n陈国阳', '');
    expect(splitArticles(text)).toEqual([
      { start: 0, end: text.length, title: essay.title, author: null },
    ]);
  });
});
