/**
 * Whether pasted or dropped input is text worth outlining: not empty, and not
 * binary (a PDF or image dropped as is, bytes decoded as garbage).
 */

export type TextVerdict = { kind: 'ok' } | { kind: 'empty' } | { kind: 'not-text' };

/**
 * Above this share of control characters and U+FFFD among the non-space
 * characters, input is binary decoded as text: real extractions have a few
 * stray form feeds or replacement characters, never one in ten.
 */
const MAX_GARBAGE_SHARE = 0.1;

/** Control characters other than tab, line feed, carriage return and form feed; U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const GARBAGE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/** Checks input before it is split and outlined. */
export function checkText(text: string): TextVerdict {
  const visible = text.replace(/[\s\u3000]/g, '');
  if (visible.length === 0) return { kind: 'empty' };
  const garbage = visible.match(GARBAGE)?.length ?? 0;
  if (garbage / visible.length > MAX_GARBAGE_SHARE) return { kind: 'not-text' };
  // Text with no letter or CJK character at all (only digits and symbols) is not prose.
  if (!/[\p{L}]/u.test(visible)) return { kind: 'not-text' };
  return { kind: 'ok' };
}
