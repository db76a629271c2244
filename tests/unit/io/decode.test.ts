import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeBytes } from '../../../lib/io/decode.ts';

const SAMPLE = '中国式现代化，治理有方。';
const utf8 = (s: string) => new TextEncoder().encode(s);
/** GB18030 bytes of SAMPLE (encoded by hand: TextEncoder only writes UTF-8). */
const GB_SAMPLE = new Uint8Array([
  0xd6, 0xd0, 0xb9, 0xfa, 0xca, 0xbd, 0xcf, 0xd6, 0xb4, 0xfa, 0xbb, 0xaf, 0xa3, 0xac, 0xd6, 0xce,
  0xc0, 0xed, 0xd3, 0xd0, 0xb7, 0xbd, 0xa1, 0xa3,
]);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const html = (meta: string, body: Uint8Array) =>
  concat(
    utf8(`<html><head>${meta}<title>t</title></head><body><p>`),
    body,
    utf8('</p></body></html>'),
  );

interface Case {
  name: string;
  bytes: Uint8Array;
  opts?: Parameters<typeof decodeBytes>[1];
  encoding: string;
  contains?: string;
}

const cases: Case[] = [
  {
    name: 'UTF-8 BOM',
    bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SAMPLE)),
    encoding: 'utf-8',
    contains: SAMPLE,
  },
  {
    name: 'UTF-16LE BOM',
    bytes: new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0xfd, 0x56]),
    encoding: 'utf-16le',
    contains: '中国',
  },
  {
    name: 'plain UTF-8 without declaration',
    bytes: utf8(SAMPLE),
    encoding: 'utf-8',
    contains: SAMPLE,
  },
  {
    name: 'UTF-8 bytes declaring gb2312 (meta http-equiv)',
    bytes: html(
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      utf8(SAMPLE),
    ),
    encoding: 'utf-8',
    contains: SAMPLE,
  },
  {
    name: 'UTF-8 bytes declaring gbk (meta charset)',
    bytes: html('<meta charset="gbk">', utf8(SAMPLE)),
    encoding: 'utf-8',
    contains: SAMPLE,
  },
  {
    name: 'GBK bytes declaring gbk',
    bytes: html('<meta charset="gbk">', GB_SAMPLE),
    encoding: 'gb18030',
    contains: SAMPLE,
  },
  {
    name: 'GBK bytes declaring gb2312 in Content-Type',
    bytes: GB_SAMPLE,
    opts: { contentType: 'text/plain; charset=GB2312', kind: 'text' },
    encoding: 'gb18030',
    contains: SAMPLE,
  },
  {
    name: 'GBK bytes with no declaration',
    bytes: html('', GB_SAMPLE),
    encoding: 'gb18030',
    contains: SAMPLE,
  },
  {
    name: 'GBK bytes mislabelled utf-8',
    bytes: html('<meta charset="utf-8">', GB_SAMPLE),
    encoding: 'gb18030',
    contains: SAMPLE,
  },
  {
    name: 'Big5 declared',
    bytes: html('<meta charset="big5">', new Uint8Array([0xa4, 0xa4, 0xb0, 0xea])),
    encoding: 'big5',
    contains: '中國',
  },
  {
    name: 'unknown label falls back to GB18030',
    bytes: html('<meta charset="x-no-such">', GB_SAMPLE),
    encoding: 'gb18030',
    contains: SAMPLE,
  },
  {
    name: 'text kind ignores <meta>',
    bytes: html('<meta charset="big5">', GB_SAMPLE),
    opts: { kind: 'text' },
    encoding: 'gb18030',
  },
  { name: 'empty input', bytes: new Uint8Array(), encoding: 'utf-8' },
];

describe('decodeBytes', () => {
  it.each(cases)('$name', ({ bytes, opts, encoding, contains }) => {
    const out = decodeBytes(bytes, opts);
    expect(out.encoding).toBe(encoding);
    if (contains) expect(out.text).toContain(contains);
  });

  it('keeps a UTF-8 page with one damaged byte as UTF-8', () => {
    const long = utf8(SAMPLE.repeat(200));
    const damaged = concat(long, new Uint8Array([0xff]), long);
    const out = decodeBytes(html('<meta charset="utf-8">', damaged));
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain(SAMPLE);
  });
});

describe('canonicalEncoding', () => {
  it.each([
    ['GB2312', 'gb18030'],
    ['gbk', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['nope', null],
  ])('%s → %s', (label, want) => expect(canonicalEncoding(label)).toBe(want));
});
