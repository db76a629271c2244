/** The backup's Blob, encoded by the page: the same bytes the Blob constructor writes. */
import { describe, expect, it } from 'vitest';
import { Utf8Parts } from '@/pages/library/utf8-blob';

const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** A Blob of `texts` as the backup makes it: each added as it comes. */
function utf8Blob(texts: readonly string[], type: string): Blob {
  const parts = new Utf8Parts();
  for (const t of texts) parts.add(t);
  return parts.blob(type);
}

describe('Utf8Parts', () => {
  it('writes the same bytes as new Blob(texts), surrogates and all', async () => {
    const texts = [
      '{\n  "format": "gangmu-backup",',
      '发展治理基层现代化'.repeat(1000),
      '',
      'emoji 😀 pair, lone high \ud83d and low \ude00 surrogates',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
      // A part whose every unit takes 3 bytes (the buffer's bound).
      '\u4e00'.repeat(70_000),
    ];
    const ours = utf8Blob(texts, 'application/json');
    expect(ours.type).toBe('application/json');
    expect(await bytes(ours)).toEqual(await bytes(new Blob(texts)));
    expect(await ours.text()).toBe(await new Blob(texts).text());
  });

  it('an empty list is an empty Blob', async () => {
    expect(utf8Blob([], 'application/json').size).toBe(0);
  });
});
