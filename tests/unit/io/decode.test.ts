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

/**
 * GBK bytes of `text` (ASCII and the characters GBK has), from a table made by
 * inverting the WHATWG GBK decoder over every two-byte code.
 */
const gbk = (() => {
  let table: Map<string, number> | null = null;
  return (text: string): Uint8Array => {
    if (table === null) {
      table = new Map();
      const codes: number[] = [];
      for (let lead = 0x81; lead <= 0xfe; lead++) {
        for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push(lead, trail);
      }
      // Every two-byte code of this range decodes to exactly one UTF-16 unit.
      const chars = new TextDecoder('gbk').decode(new Uint8Array(codes));
      for (let i = 0; i < chars.length; i++) {
        if (!table.has(chars[i]!)) table.set(chars[i]!, (codes[2 * i]! << 8) | codes[2 * i + 1]!);
      }
    }
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      const code = table.get(ch);
      if (c < 0x80) out.push(c);
      else if (code !== undefined) out.push(code >> 8, code & 0xff);
      else throw new Error(`not in GBK: ${ch}`);
    }
    return new Uint8Array(out);
  };
})();
const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (s: string) => {
  const le = utf16le(s);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const BAD = new Uint8Array([0xff]);

const TITLE = '关于推进基层治理体系和治理能力现代化建设的意见';
/** About 100 KB of Chinese prose in lines, under a title line. */
const ESSAY = `${TITLE}\n（2021年4月28日）\n${(
  '一、坚持党的全面领导，健全基层治理体系。基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理，' +
  '是实现国家治理体系和治理能力现代化的基础工程。\n'
).repeat(400)}`;
const ESSAY_BYTES = utf8(ESSAY);
/** ESSAY_BYTES with `count` 0xFF bytes inserted between characters, evenly spread after the title. */
const damaged = (count: number) => {
  const parts: Uint8Array[] = [];
  const start = utf8(TITLE).length + 10;
  const step = Math.floor((ESSAY_BYTES.length - start) / (count + 1));
  let from = 0;
  for (let k = 1; k <= count; k++) {
    let at = start + k * step;
    while ((ESSAY_BYTES[at]! & 0xc0) === 0x80) at++; // to the next character boundary
    parts.push(ESSAY_BYTES.subarray(from, at), BAD);
    from = at;
  }
  parts.push(ESSAY_BYTES.subarray(from));
  return concat(...parts);
};

interface Case {
  name: string;
  bytes: Uint8Array;
  opts?: Parameters<typeof decodeBytes>[1];
  encoding: string;
  contains?: string;
  /** The whole decoded text. */
  text?: string;
  /** Expected `replaced` (default 0). */
  replaced?: number;
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
  { name: 'empty input', bytes: new Uint8Array(), encoding: 'utf-8', text: '' },

  // Byte-order marks, stripped.
  {
    name: 'UTF-8 BOM stripped',
    bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SAMPLE)),
    encoding: 'utf-8',
    text: SAMPLE,
  },
  {
    name: 'UTF-8 BOM with a damaged byte',
    bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SAMPLE), BAD, utf8(SAMPLE)),
    encoding: 'utf-8',
    text: `${SAMPLE}\ufffd${SAMPLE}`,
    replaced: 1,
  },
  {
    name: 'UTF-16LE with BOM',
    bytes: concat(new Uint8Array([0xff, 0xfe]), utf16le(`${SAMPLE}\n2024 年`)),
    encoding: 'utf-16le',
    text: `${SAMPLE}\n2024 年`,
  },
  {
    name: 'UTF-16BE with BOM',
    bytes: concat(new Uint8Array([0xfe, 0xff]), utf16be(SAMPLE)),
    encoding: 'utf-16be',
    text: SAMPLE,
  },

  // UTF-16 without a mark, told by the NUL bytes of its ASCII characters.
  {
    name: 'UTF-16LE without BOM (Chinese lines)',
    bytes: utf16le(`${TITLE}\n（2021年4月28日）\n${SAMPLE}\n`),
    opts: { kind: 'text' },
    encoding: 'utf-16le',
    text: `${TITLE}\n（2021年4月28日）\n${SAMPLE}\n`,
  },
  {
    name: 'UTF-16LE HTML without BOM',
    bytes: utf16le(`<html><head><title>t</title></head><body><p>${SAMPLE}</p></body></html>`),
    encoding: 'utf-16le',
    contains: `<p>${SAMPLE}</p>`,
  },
  {
    name: 'UTF-16BE without BOM',
    bytes: utf16be(`${TITLE}\r\n${SAMPLE} 2024\r\n`),
    opts: { kind: 'text' },
    encoding: 'utf-16be',
    text: `${TITLE}\r\n${SAMPLE} 2024\r\n`,
  },
  {
    name: 'NUL bytes alone are not UTF-16',
    bytes: new Uint8Array([0, 0]),
    encoding: 'utf-8',
    text: '\u0000\u0000',
  },
  {
    name: 'two stray NUL bytes in ASCII are not UTF-16',
    bytes: (() => {
      const b = utf8('plain ascii text, '.repeat(40));
      b[101] = 0;
      b[301] = 0;
      return b;
    })(),
    encoding: 'utf-8',
    contains: 'plain ascii text',
  },

  // Damaged UTF-8 stays UTF-8.
  {
    name: '100 KB of UTF-8 with one bad byte',
    bytes: damaged(1),
    opts: { kind: 'text' },
    encoding: 'utf-8',
    contains: `${TITLE}\n（2021年4月28日）`,
    replaced: 1,
  },
  {
    name: '100 KB of UTF-8 with 100 bad bytes',
    bytes: damaged(100),
    opts: { kind: 'text' },
    encoding: 'utf-8',
    contains: TITLE,
    replaced: 100,
  },
  {
    name: 'UTF-8 cut inside its last character',
    bytes: ESSAY_BYTES.subarray(0, ESSAY_BYTES.length - 2),
    opts: { kind: 'text' },
    encoding: 'utf-8',
    contains: TITLE,
    replaced: 1,
  },
  {
    name: 'a short UTF-8 text with one bad byte',
    bytes: concat(utf8(TITLE), BAD, utf8(SAMPLE)),
    opts: { kind: 'text' },
    encoding: 'utf-8',
    text: `${TITLE}\ufffd${SAMPLE}`,
    replaced: 1,
  },
  {
    name: 'damaged UTF-8 declaring gbk',
    bytes: html('<meta charset="gbk">', concat(ESSAY_BYTES, BAD, ESSAY_BYTES)),
    encoding: 'utf-8',
    contains: TITLE,
    replaced: 1,
  },

  // Legacy bytes are not mostly valid UTF-8.
  {
    name: 'GBK essay without declaration',
    bytes: gbk(ESSAY),
    opts: { kind: 'text' },
    encoding: 'gb18030',
    text: ESSAY,
  },
  {
    name: 'GBK 中文',
    bytes: new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]),
    encoding: 'gb18030',
    text: '中文',
  },
  {
    name: 'a short GBK line',
    bytes: gbk(`${TITLE}\n`),
    opts: { kind: 'text' },
    encoding: 'gb18030',
    text: `${TITLE}\n`,
  },
  {
    name: 'GBK with a few Chinese characters in ASCII',
    bytes: gbk('Report 2024: 中文 version, page 1 of 3'),
    opts: { kind: 'text' },
    encoding: 'gb18030',
    text: 'Report 2024: 中文 version, page 1 of 3',
  },
  {
    name: 'GBK essay declaring gbk',
    bytes: html('<meta charset="gbk">', gbk(ESSAY)),
    encoding: 'gb18030',
    contains: TITLE,
  },
  {
    name: 'a <meta> UTF-16 declaration on ASCII markup is UTF-8',
    bytes: html('<meta charset="utf-16">', GB_SAMPLE),
    encoding: 'gb18030',
    contains: SAMPLE,
  },
];

describe('decodeBytes', () => {
  it.each(cases)('$name', ({ bytes, opts, encoding, contains, text, replaced = 0 }) => {
    const out = decodeBytes(bytes, opts);
    expect(out.encoding).toBe(encoding);
    if (contains) expect(out.text).toContain(contains);
    if (text !== undefined) expect(out.text).toBe(text);
    expect(out.replaced).toBe(replaced);
  });

  it('never takes GBK for damaged UTF-8, even in a short snippet', () => {
    const text = `${TITLE}\n${ESSAY.slice(TITLE.length, TITLE.length + 400)}`;
    for (const len of [2, 3, 5, 8, 13, 21, 40, 80]) {
      for (let at = 0; at + len <= text.length; at += 7) {
        const bytes = gbk(text.slice(at, at + len));
        // A GBK snippet that happens to be valid UTF-8 is UTF-8: nothing tells them apart.
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(decodeBytes(bytes, { kind: 'text' }).encoding).toBe(valid ? 'utf-8' : 'gb18030');
      }
    }
  });

  it('counts exactly the U+FFFD that TextDecoder writes for damaged UTF-8', () => {
    let seed = 1;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let t = 0; t < 300; t++) {
      // Mostly valid UTF-8 text with a few random bytes: cut sequences,
      // overlong forms, surrogates, stray continuation and lead bytes.
      const bytes = ESSAY_BYTES.slice(0, 2000 + Math.floor(rnd() * 2000));
      const hits = 1 + Math.floor(rnd() * 5);
      for (let k = 0; k < hits; k++)
        bytes[Math.floor(rnd() * bytes.length)] = 0x80 + Math.floor(rnd() * 0x80);
      const out = decodeBytes(bytes, { kind: 'text' });
      expect(out.encoding).toBe('utf-8');
      expect(out.text).toBe(new TextDecoder().decode(bytes));
      expect(out.replaced).toBe(out.text.split('\ufffd').length - 1);
    }
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
