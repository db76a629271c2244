/**
 * Posting lists built in one pass over many documents: what a whole library
 * (a restore, a schema upgrade) is indexed under, without a term array per
 * document. Each document's text is scanned once (scan.ts); a term is known
 * by a small number (a bigram by its two characters' numbers in this
 * builder, a token by its text), a document is counted once per term by
 * remembering the last document each term was seen in, and each term's
 * string is made once, when it is first seen.
 *
 * The lists are exactly those of {@link indexTerms} with no segmenter
 * (`segmenter: null`) run over each document, with the same cap per
 * document: a document's first `maxTerms` distinct terms in order of first
 * occurrence.
 */
import { MAX_TERMS } from './index-terms.ts';
import { scanText, type ScanSink } from './scan.ts';

/** Which documents a list holds: two kinds of document, numbered separately. */
export type PostingSide = 0 | 1;

/** A term's ascending documents of each side. */
export interface PostingList {
  term: string;
  docs: [Uint32Array, Uint32Array];
}

/** Character numbers below this make a bigram key that is a small integer. */
const CHAR_IDS = 1 << 15;

/** A growable array of 32-bit integers. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Small non-negative integer keys → term numbers, by open addressing in
 * typed arrays (a Map of numbers costs about as much as the rest of indexing).
 */
class IntMap {
  private keys = new Int32Array(1 << 14);
  private values = new Int32Array(1 << 14);
  private size = 0;
  private mask = (1 << 14) - 1;

  get(key: number): number {
    const k = key + 1;
    for (let i = Math.imul(k, 0x9e3779b1) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.keys[i]!;
      if (at === k) return this.values[i]!;
      if (at === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const k = key + 1;
    let i = Math.imul(k, 0x9e3779b1) & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== k) i = (i + 1) & this.mask;
    if (this.keys[i] === 0) this.size++;
    this.keys[i] = k;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]! - 1, values[i]!);
  }
}

/** One side's documents: every (term, doc) pair once, and each term's last doc. */
class Side {
  readonly terms = new IntList(1 << 16);
  readonly docs = new IntList(1 << 16);
  /** Per term: the last doc added (0: none yet; docs start at 1). */
  last = new Int32Array(1 << 12);
  sorted = true;
  readonly seenDocs = new Set<number>();

  /** Adds doc to term's list unless it is there already; false if it was. */
  add(term: number, doc: number): boolean {
    if (term >= this.last.length) {
      const grown = new Int32Array(Math.max(this.last.length * 2, term + 1));
      grown.set(this.last);
      this.last = grown;
    }
    const last = this.last[term]!;
    if (last === doc) return false;
    if (doc < last) this.sorted = false;
    this.last[term] = doc;
    this.terms.push(term);
    this.docs.push(doc);
    return true;
  }

  /** Each term's ascending docs (`count` terms), gathered by a counting sort. */
  lists(count: number): Uint32Array[] {
    const n = this.terms.length;
    const start = new Int32Array(count + 1);
    for (let i = 0; i < n; i++) start[this.terms.data[i]! + 1]!++;
    for (let t = 0; t < count; t++) start[t + 1]! += start[t]!;
    const at = start.slice(0, count);
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[at[this.terms.data[i]!]!++] = this.docs.data[i]!;
    const out: Uint32Array[] = [];
    for (let t = 0; t < count; t++) {
      // A copy, not a view: a stored view would carry the whole buffer.
      const list = all.slice(start[t]!, start[t + 1]!);
      out.push(this.sorted ? list : list.sort());
    }
    return out;
  }
}

export class PostingBuilder {
  private readonly terms: string[] = [];
  private readonly sides = [new Side(), new Side()] as const;
  /** Bigram key (two character numbers) → term number. */
  private readonly bigrams = new IntMap();
  /** Bigrams of characters numbered past {@link CHAR_IDS}, and tokens → term number. */
  private readonly strings = new Map<string, number>();
  /** Han code point (BMP) → its number in this builder, plus one. */
  private readonly bmpIds = new Int32Array(0x10000);
  private readonly astralIds = new Map<number, number>();
  private nextCharId = 0;

  /**
   * Adds a document: `doc` (at least 1, unique within its side) is put in the
   * lists of the first `maxTerms` distinct terms of `text`.
   */
  add(side: PostingSide, doc: number, text: string, maxTerms = MAX_TERMS): void {
    if (!(Number.isInteger(doc) && doc >= 1 && doc <= 0x7fffffff))
      throw new RangeError(`doc must be a positive 31-bit integer: ${doc}`);
    const s = this.sides[side];
    if (s.seenDocs.has(doc)) throw new RangeError(`doc ${doc} added twice`);
    s.seenDocs.add(doc);
    if (maxTerms <= 0) return;
    let count = 0;
    const sink: ScanSink = {
      bigram: (a, b) => {
        const ia = this.charId(a);
        const ib = this.charId(b);
        let term: number;
        if (ia < CHAR_IDS && ib < CHAR_IDS) {
          const key = ia * CHAR_IDS + ib;
          term = this.bigrams.get(key);
          if (term < 0) {
            term = this.newTerm(String.fromCodePoint(a, b));
            this.bigrams.set(key, term);
          }
        } else term = this.stringTerm(String.fromCodePoint(a, b));
        return s.add(term, doc) && ++count >= maxTerms;
      },
      token: (t) => s.add(this.stringTerm(t), doc) && ++count >= maxTerms,
    };
    scanText(text, sink);
  }

  /** Every term's lists, in order of first occurrence. */
  *lists(): IterableIterator<PostingList> {
    const n = this.terms.length;
    const [a, b] = [this.sides[0].lists(n), this.sides[1].lists(n)];
    for (let i = 0; i < n; i++) yield { term: this.terms[i]!, docs: [a[i]!, b[i]!] };
  }

  /** How many distinct terms were seen. */
  get size(): number {
    return this.terms.length;
  }

  private charId(cp: number): number {
    if (cp < 0x10000) {
      const id = this.bmpIds[cp]!;
      if (id > 0) return id - 1;
      this.bmpIds[cp] = this.nextCharId + 1;
      return this.nextCharId++;
    }
    let id = this.astralIds.get(cp);
    if (id === undefined) this.astralIds.set(cp, (id = this.nextCharId++));
    return id;
  }

  private stringTerm(t: string): number {
    let term = this.strings.get(t);
    if (term === undefined) {
      term = this.newTerm(t);
      this.strings.set(t, term);
    }
    return term;
  }

  private newTerm(t: string): number {
    this.terms.push(t);
    return this.terms.length - 1;
  }
}
