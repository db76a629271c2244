/**
 * Plain essay text to the HTML a news site would serve: short unpunctuated
 * lines and 一、 lines as `<h3>`, other lines as `<p>`, with 一是/（一）/一要…
 * lead sentences in `<strong>`.
 */

/** Lines read as headings: 一、… or 第一部分…, or short and without closing punctuation. */
const HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分节])/;
const SENTENCE_END = /[。！？；：…”"）)]$/;
/** Lead sentences set in bold: after a paragraph start or a sentence end, up to the next stop. */
const LEAD =
  /(^|[。；！？])((?:[一二三四五六七八九十]+[是要]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+，|首先，)[^。；！？<]{0,80}?[。；！？])/g;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An HTML page holding `text`: its first line as `<title>` and `<h1>`, the rest in an `<article>`. */
export function textToHtml(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const parts: string[] = [];
  for (const line of lines.slice(1)) {
    const html = escapeHtml(line);
    const heading =
      HEADING.test(line) || (line.length >= 4 && line.length <= 40 && !SENTENCE_END.test(line));
    parts.push(
      heading ? `<h3>${html}</h3>` : `<p>${html.replace(LEAD, '$1<strong>$2</strong>')}</p>`,
    );
  }
  const title = escapeHtml(lines[0] ?? '');
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><header><nav><a href="/">首页</a> <a href="/news">要闻</a></nav></header>` +
    `<main><article><h1>${title}</h1>\n${parts.join('\n')}\n</article></main>` +
    `<footer><p>版权所有</p></footer></body></html>`
  );
}
