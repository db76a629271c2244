/**
 * Splits a text at match spans into plain and marked parts, for rendering a
 * search result with `<mark>` elements built by Preact (never as HTML).
 */
import type { Span } from '../../lib/types.ts';

export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * The parts of `text` in order, `marked` where a span covers them. Spans are
 * clamped to the text, sorted and merged; empty parts are dropped.
 */
export function markedParts(text: string, spans: readonly Span[]): TextPart[] {
  const sorted = spans
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))])
    .filter(([a, b]) => b! > a!)
    .sort((x, y) => x[0]! - y[0]!);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    const last = parts[parts.length - 1];
    if (last?.marked && a! <= at) {
      // Overlapping or touching the previous match: extend it.
      if (b! > at) last.text += text.slice(at, b);
      at = Math.max(at, b!);
      continue;
    }
    if (a! > at) parts.push({ text: text.slice(at, a), marked: false });
    parts.push({ text: text.slice(Math.max(a!, at), b), marked: true });
    at = Math.max(at, b!);
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
