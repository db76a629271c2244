/**
 * Finding an author note glued to the end of a paragraph by the extractor:
 * `…喜迎党的二十大胜利召开。（作者为滨城区彭李街道党工委书记）`.
 */
import { endsSentence } from './line-kind.ts';

/**
 * Longest note split off, in characters: 作者单位/作者为 notes name a unit and
 * a post (rarely over 60); a longer bracket is part of the text.
 */
const MAX_NOTE = 80;

const NOTE_OPENERS = ['（作者', '(作者'];

/**
 * Where a trailing author note starts in `text`, or -1: the note opens with
 * （作者, follows a sentence end, closes the text with ）, and is short.
 */
export function trailingNoteStart(text: string): number {
  const last = text[text.length - 1];
  if (last !== '）' && last !== ')') return -1;
  for (const opener of NOTE_OPENERS) {
    const at = text.lastIndexOf(opener);
    if (at > 0 && text.length - at <= MAX_NOTE && endsSentence(text.slice(0, at))) return at;
  }
  return -1;
}
