/**
 * Escaping for the Markdown export: page text and notes are shown literally,
 * never read as markup or HTML.
 */

/**
 * Escapes one line of text so that Markdown shows it literally: inline markup
 * characters, HTML (`<`, `&`), Obsidian highlights (`=`), and block markers
 * at the start (`#`, `>`, `-`, `+`, `1.`). Page text is never markup.
 */
export function escapeMarkdown(s: string): string {
  return (
    s
      .replace(/([\\`*_[\]<>#|~=&])/g, '\\$1')
      // A leading - or + is a bullet or (as ---) a rule or setext underline: always escaped.
      .replace(/^(\s*)([-+])/, '$1\\$2')
      // A backslash before a digit is no escape in Markdown: the dot is escaped instead.
      .replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3')
  );
}

/** Splits text into lines (any line break), without the breaks. */
export function splitLines(s: string): string[] {
  return s.split(/\r\n|\r|\n|\u2028|\u2029/);
}
