/** Shared assertion: every character of a mapped text relates to the raw character it maps to. */
import { expect } from 'vitest';

const FULL_TO_HALF: Record<string, string> = {
  '，': ',',
  '；': ';',
  '：': ':',
  '？': '?',
  '！': '!',
  '（': '(',
  '）': ')',
};

/**
 * `raw[offsets[i]]` equals `text[i]`, or is its half-width form, or both are
 * whitespace (a collapsed run or a joined line break); offsets never decrease
 * and the end offset lies past the last mapped character.
 */
export function expectMapped(raw: string, text: string, offsets: Int32Array): void {
  expect(offsets.length).toBe(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const r = raw[offsets[i]!];
    const t = text[i]!;
    const ok = r === t || FULL_TO_HALF[t] === r || (t === ' ' && /\s/.test(r ?? ''));
    if (!ok) expect.fail(`text[${i}]=${t} but raw[${offsets[i]}]=${r}`);
    if (i > 0) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
  }
  if (text.length > 0) expect(offsets[text.length]!).toBeGreaterThan(offsets[text.length - 1]!);
  expect(offsets[text.length]!).toBeLessThanOrEqual(raw.length);
}
