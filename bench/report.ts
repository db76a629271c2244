/**
 * Output helpers for the benchmark: fixed-width tables and loud PASS/FAIL
 * lines (red on a terminal).
 */

const COLOR = process.stdout.isTTY === true && !process.env.NO_COLOR;

/** Wraps `s` in an ANSI colour when stdout is a terminal. */
export function paint(s: string, color: 'red' | 'green' | 'yellow' | 'bold'): string {
  if (!COLOR) return s;
  const code = { red: 31, green: 32, yellow: 33, bold: 1 }[color];
  return `\x1b[${code}m${s}\x1b[0m`;
}

/** A number with a precision that suits its size (e.g. 0.0123, 1.23, 12.3, 1234). */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

/** A character count as 5k, 20k, 1M. */
export function sizeLabel(chars: number): string {
  if (chars >= 1_000_000 && chars % 1_000_000 === 0) return `${chars / 1_000_000}M`;
  if (chars >= 1000 && chars % 1000 === 0) return `${chars / 1000}k`;
  return String(chars);
}

/** Renders rows as a table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A banner line framed by `char`, as wide as a typical table. */
export function banner(text: string, char = '='): string {
  const pad = Math.max(4, 78 - text.length - 2);
  const left = char.repeat(Math.floor(pad / 2));
  return `${left} ${text} ${char.repeat(pad - left.length)}`;
}
