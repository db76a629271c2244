import type { Span } from '@/lib/types';
import { markedParts } from '@/pages/library/marked-parts';

export interface MarkedTextProps {
  text: string;
  spans: readonly Span[];
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/** Text with its matches in `<mark>` elements (built as nodes: the text is never parsed as HTML). */
export function MarkedText({ text, spans, cutBefore, cutAfter }: MarkedTextProps) {
  return (
    <span class="marked">
      {cutBefore && '…'}
      {markedParts(text, spans).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : p.text))}
      {cutAfter && '…'}
    </span>
  );
}
