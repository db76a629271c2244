/**
 * Splits a large JSON object that arrives in pieces (a backup file read
 * through a TextDecoderStream) into its top-level members, and the chosen
 * top-level arrays into their elements, so a reader can start on the first
 * articles before the last chunk has arrived and never holds the whole text.
 *
 * Only the outer structure (braces, keys, colons, commas, the list brackets
 * and the commas between elements) is checked here, by hand. Each element and
 * member value is found by tracking strings and bracket depth, then parsed and
 * checked by `JSON.parse` of its exact text. So every value handed on equals
 * what `JSON.parse` of the whole text would give, and any text `JSON.parse`
 * rejects is rejected here too (plus duplicate top-level keys, which cannot be
 * streamed: `JSON.parse` lets the last one win).
 */

/** The text is not one JSON object this splitter can stream; parse it whole to know more. */
export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError';
}

/** Receives the parts of the text as they are completed, in file order. */
export interface SplitterSink {
  /** A top-level member whose value is not streamed as items: parsed whole (JSON.parse of its text). */
  member(key: string, value: unknown): void;
  /** One element of a top-level array member whose key is in `lists`, parsed, in file order (index from 0). */
  item(list: string, value: unknown, index: number): void;
  /** The array of `list` ended, after `count` items. */
  listEnd(list: string, count: number): void;
}

// Where the outer state machine is.
/** Before anything: a byte order mark may come. */
const BEGIN = 0;
/** Whitespace, then the opening `{`. */
const OPEN = 1;
/** After `{`: a key or `}`. */
const FIRST_KEY = 2;
/** After a member's `,`: a key. */
const NEXT_KEY = 3;
/** Inside a top-level key. */
const KEY = 4;
/** After a key: `:`. */
const COLON = 5;
/** After `:`: the value. */
const VALUE = 6;
/** Inside a member value that is parsed whole. */
const MEMBER = 7;
/** After a member: `,` or `}`. */
const AFTER_MEMBER = 8;
/** After a list's `[`: an element or `]`. */
const FIRST_ITEM = 9;
/** After an element's `,`: an element. */
const NEXT_ITEM = 10;
/** Inside an element. */
const ITEM = 11;
/** After an element: `,` or `]`. */
const AFTER_ITEM = 12;
/** After the closing `}`: only whitespace. */
const DONE = 13;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const BOM = 0xfeff;

/**
 * From inside a value, past every character that is not a quote or a bracket,
 * and past every string that closes: it stops at a bracket, at the quote of a
 * string that does not close in this text, or at the end.
 */
const FLAT = /[^"{}[\]]*(?:"[^"\\]*(?:\\[\s\S][^"\\]*)*"[^"{}[\]]*)*/y;

/**
 * The text the shortcut may search or parse in vain in a list, beyond a
 * quarter of the list's text so far, before it is dropped for that list:
 * bounds what a layout that misleads it can cost.
 */
const SHORTCUT_SLACK = 1 << 20;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** A character that may continue a number or `true`/`false`/`null` (and some that JSON.parse will reject). */
const isLiteral = (c: number) =>
  (c >= 0x30 && c <= 0x39) || // 0-9
  (c >= 0x61 && c <= 0x7a) || // a-z
  (c >= 0x41 && c <= 0x5a) || // A-Z
  c === 0x2d || // -
  c === 0x2b || // +
  c === 0x2e; // .

/** Whether the run of backslashes ending just before `end` (not reaching back past `from`) escapes what follows. */
function escapes(s: string, from: number, end: number, escapedAtFrom: boolean): boolean {
  let k = end - 1;
  while (k >= from && s.charCodeAt(k) === BACKSLASH) k--;
  const run = end - 1 - k + (k < from && escapedAtFrom ? 1 : 0);
  return (run & 1) === 1;
}

/** The index of the quote that closes a string continuing at `from` (escaped there if `escaped`), or -1. */
function closingQuote(s: string, from: number, escaped: boolean): number {
  for (let q = s.indexOf('"', from); q >= 0; q = s.indexOf('"', q + 1)) {
    if (!escapes(s, from, q, escaped)) return q;
  }
  return -1;
}

function show(s: string, i: number): string {
  const c = s.codePointAt(i);
  return c === undefined ? 'end of text' : JSON.stringify(String.fromCodePoint(c));
}

/**
 * Splits one JSON object, fed as text in pieces of any size, into its
 * top-level members; the members named in `lists` whose value is an array
 * come as their elements instead, one by one, as soon as each is complete.
 * Push the pieces in order, then call {@link end}.
 *
 * Every problem throws {@link JsonStreamError}: from `push` as soon as it
 * shows, at the latest from `end`. Errors thrown by the sink come out of
 * `push`/`end` unchanged. After any throw the splitter is spent: later calls
 * throw a JsonStreamError. The sink may already have had values from a text
 * that turns out bad, so whatever it built must be dropped on an error.
 */
export class TopLevelSplitter {
  private readonly lists: ReadonlySet<string>;
  private readonly sink: SplitterSink;
  private state = BEGIN;
  private failed = false;
  private ended = false;
  /** Characters (UTF-16 units) pushed before the current piece, for the offsets in messages. */
  private total = 0;
  private readonly keys = new Set<string>();
  /** The current member's key. */
  private key = '';
  /** Elements of the current list so far. */
  private count = 0;

  // The value (or key) being read.
  /** Its text from earlier pieces. */
  private pieces: string[] = [];
  private piecesLength = 0;
  /** Where it starts in the current piece (0 when it began in an earlier one). */
  private start = 0;
  /** Open brackets. */
  private depth = 0;
  private inString = false;
  /** In a string, the next character is escaped (a piece ended on an odd run of backslashes). */
  private escaped = false;
  /** A number or literal name, which ends at the first character that cannot continue it. */
  private literal = false;
  /** FLAT overflowed the regular expression stack on this value: scan character by character. */
  private slow = false;

  // The shortcut past scanning. An element of a list written by JSON.stringify
  // ends just before a mark we can guess from how it starts: pretty-printed,
  // at the first line break, same indent, `}` or `]`; on a line of its own
  // (serializeBackup's rows), before the line break (and a comma); on one
  // line, an object just before `},` and the same first key (`},{"id":`), if
  // the next element starts like this one. JSON.parse of the text up to the guessed end proves
  // the guess (JSON objects and arrays are prefix-free: if the text up to the
  // mark is one, it is the element). Otherwise the element is scanned: when
  // it goes on past this piece (the search then went through its own text)
  // or the guess was wrong (a failed parse, a search past its end).
  /** Spaces since the last line break between elements, -1 if anything else came or no break. */
  private indent = -1;
  /** How far in this piece the failed guess for the element being scanned searched or parsed; -1 if none. */
  private searched = -1;
  /** Text searched or parsed in vain in this list. */
  private wasted = 0;
  /** Text of this list's elements so far. */
  private listLength = 0;
  /** Pretty-printed marks by indent, for `}` (even slots) and `]` (odd slots). */
  private readonly marks: string[] = [];
  /** The value {@link guess} parsed. */
  private guessed: unknown = undefined;

  constructor(lists: readonly string[], sink: SplitterSink) {
    this.lists = new Set(lists);
    this.sink = sink;
  }

  /** Feeds the next piece of text. Calls the sink synchronously for every member/item completed in it. */
  push(chunk: string): void {
    this.check();
    const base = this.total;
    this.total += chunk.length;
    try {
      this.run(chunk, base);
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }

  /** The text is complete: throws if the top-level object is not closed or anything but whitespace follows it. */
  end(): void {
    this.check();
    this.ended = true;
    if (this.state !== DONE) {
      this.failed = true;
      throw new JsonStreamError(
        this.state === BEGIN
          ? 'The text is empty'
          : `The text ends at offset ${this.total} before its object is closed`,
      );
    }
  }

  private check(): void {
    if (this.failed) throw new JsonStreamError('The splitter failed before and cannot go on');
    if (this.ended) throw new JsonStreamError('The splitter has already ended');
  }

  private fail(s: string, i: number, base: number, expected: string): never {
    throw new JsonStreamError(`Expected ${expected} at offset ${base + i}, found ${show(s, i)}`);
  }

  /**
   * The value begun at `this.start` (a key or a member's value), parsed, if it
   * ends in `s` (from `i`); else null, its text so far kept for the next piece.
   */
  private complete(
    s: string,
    i: number,
    base: number,
    what: string,
  ): { end: number; value: unknown; at: number } | null {
    const end = this.scan(s, i);
    if (end < 0) {
      this.keep(s);
      return null;
    }
    const at = base + this.start - this.piecesLength;
    return { end, value: this.parse(this.take(s, end), at, what), at };
  }

  /** JSON.parse of a value's text, its failure as a JsonStreamError. */
  private parse(text: string, at: number, what: string): unknown {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new JsonStreamError(
        `${what} at offset ${at} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
  }

  /** The value's whole text, once it ends at `end` of the current piece. */
  private take(s: string, end: number): string {
    if (this.pieces.length === 0) return s.slice(this.start, end);
    this.pieces.push(s.slice(0, end));
    const text = this.pieces.join('');
    this.pieces = [];
    this.piecesLength = 0;
    return text;
  }

  /** The current piece ended inside the value: keep its part. */
  private keep(s: string): void {
    const part = this.start === 0 ? s : s.slice(this.start);
    this.pieces.push(part);
    this.piecesLength += part.length;
    this.start = 0;
  }

  /** Starts reading a value at `i` (its first character); returns where scanning goes on. */
  private begin(s: string, i: number): number {
    this.start = i;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.literal = false;
    this.slow = false;
    const c = s.charCodeAt(i);
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
    else {
      this.literal = true;
      return i;
    }
    if (i + 1 === s.length) this.keep(s);
    return i + 1;
  }

  /** Scans the value from `i`: the index just past its end, or -1 if it goes on past this piece. */
  private scan(s: string, i: number): number {
    const len = s.length;
    if (this.literal) {
      while (i < len && isLiteral(s.charCodeAt(i))) i++;
      return i < len ? i : -1;
    }
    let depth = this.depth;
    for (;;) {
      if (this.inString) {
        const q = closingQuote(s, i, this.escaped);
        if (q < 0) {
          this.escaped = escapes(s, i, len, this.escaped);
          this.depth = depth;
          return -1;
        }
        this.inString = false;
        this.escaped = false;
        i = q + 1;
        if (depth === 0) return i;
      }
      i = this.slow ? this.skipSlowly(s, i) : this.skip(s, i);
      if (i >= len) {
        this.depth = depth;
        return -1;
      }
      const c = s.charCodeAt(i++);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (--depth === 0) {
        this.depth = 0;
        return i;
      }
    }
  }

  /** FLAT from `i`; on a stack overflow (millions of strings or escapes between brackets) goes slow. */
  private skip(s: string, i: number): number {
    FLAT.lastIndex = i;
    try {
      FLAT.test(s);
    } catch {
      this.slow = true;
      return this.skipSlowly(s, i);
    }
    return FLAT.lastIndex;
  }

  /** What FLAT does, a character at a time: to the next quote or bracket. */
  private skipSlowly(s: string, i: number): number {
    const len = s.length;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        const q = closingQuote(s, i + 1, false);
        if (q < 0) return i;
        i = q;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET || c === 0x7d || c === 0x5d) return i;
    }
    return i;
  }

  /** The end mark of a pretty-printed element at this indent. */
  private markFor(indent: number, close: '}' | ']'): string {
    const slot = indent * 2 + (close === '}' ? 0 : 1);
    return (this.marks[slot] ??= '\n' + ' '.repeat(indent) + close);
  }

  /**
   * The element starting with `{` or `[` at `i`, parsed, if the shortcut's
   * guess of its end is right; otherwise (no guess, mark not in this piece,
   * or a wrong guess) -1 and the element must be scanned.
   */
  private guess(s: string, i: number): number {
    this.searched = -1;
    if (this.wasted > SHORTCUT_SLACK + (this.listLength >> 2)) return -1;
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    let mark: string;
    let past: number;
    let line = false;
    if (this.indent >= 0 && (next === 0x0a || next === 0x0d)) {
      mark = this.markFor(this.indent, c === OPEN_BRACE ? '}' : ']');
      past = mark.length;
    } else if (this.indent >= 0) {
      // On a line of its own, written on one line (a row a line): it ends before the
      // line break, and a comma or spaces before it.
      mark = '\n';
      past = 0;
      line = true;
    } else if (c === OPEN_BRACE && next === QUOTE) {
      const q = s.indexOf('"', i + 2);
      if (q < 0 || s.charCodeAt(q - 1) === BACKSLASH || s.charCodeAt(q + 1) !== 0x3a) return -1;
      mark = '},' + s.slice(i, q + 2);
      past = 1;
    } else return -1;
    const at = s.indexOf(mark, i + 2);
    if (at < 0) {
      this.searched = s.length;
      return -1;
    }
    let end = at + past;
    if (line)
      for (let b = s.charCodeAt(end - 1); b === 0x2c || b === 0x20 || b === 0x0d || b === 0x09;)
        b = s.charCodeAt(--end - 1);
    let value: unknown;
    try {
      value = JSON.parse(s.slice(i, end));
    } catch {
      this.wasted += end - i;
      this.searched = end;
      return -1;
    }
    this.guessed = value;
    this.listLength += end - i;
    return end;
  }

  private run(s: string, base: number): void {
    const len = s.length;
    let i = 0;
    while (i < len) {
      switch (this.state) {
        case ITEM: {
          const list = this.key;
          const end = this.scan(s, i);
          if (end < 0) {
            // The guess, if any, searched the element's own text.
            this.searched = -1;
            this.keep(s);
            i = len;
            break;
          }
          const at = base + this.start - this.piecesLength;
          // A guess that searched past the element's end in this piece was wrong.
          if (this.searched > end) this.wasted += this.searched - end;
          this.searched = -1;
          const text = this.take(s, end);
          this.listLength += text.length;
          const value = this.parse(text, at, `Element ${this.count} of "${list}"`);
          this.state = AFTER_ITEM;
          i = end;
          this.sink.item(list, value, this.count++);
          break;
        }
        case AFTER_ITEM: {
          const c = s.charCodeAt(i);
          if (isSpace(c)) i++;
          else if (c === 0x2c) {
            this.state = NEXT_ITEM;
            this.indent = -1;
            i++;
          } else if (c === 0x5d) {
            this.state = AFTER_MEMBER;
            i++;
            this.sink.listEnd(this.key, this.count);
          } else
            this.fail(s, i, base, `"," or "]" after element ${this.count - 1} of "${this.key}"`);
          break;
        }
        case FIRST_ITEM:
        case NEXT_ITEM: {
          const c = s.charCodeAt(i);
          if (c === 0x0a) this.indent = 0;
          else if (c === 0x20) {
            if (this.indent >= 0) this.indent++;
          } else if (c === 0x0d || c === 0x09) this.indent = -1;
          else if (c === 0x5d && this.state === FIRST_ITEM) {
            this.state = AFTER_MEMBER;
            i++;
            this.sink.listEnd(this.key, 0);
            break;
          } else if (c === 0x5d || c === 0x2c) {
            this.fail(s, i, base, `an element of "${this.key}"`);
          } else {
            const end = c === OPEN_BRACE || c === OPEN_BRACKET ? this.guess(s, i) : -1;
            if (end >= 0) {
              const value = this.guessed;
              this.guessed = undefined;
              this.state = AFTER_ITEM;
              i = end;
              this.sink.item(this.key, value, this.count++);
            } else {
              this.state = ITEM;
              i = this.begin(s, i);
            }
            break;
          }
          i++;
          break;
        }
        case MEMBER: {
          const done = this.complete(s, i, base, `The value of "${this.key}"`);
          if (!done) {
            i = len;
            break;
          }
          this.state = AFTER_MEMBER;
          i = done.end;
          this.sink.member(this.key, done.value);
          break;
        }
        case BEGIN:
          this.state = OPEN;
          if (s.charCodeAt(i) === BOM) i++;
          break;
        case OPEN:
        case FIRST_KEY:
        case NEXT_KEY:
        case COLON:
        case AFTER_MEMBER:
        case DONE: {
          const c = s.charCodeAt(i);
          if (isSpace(c)) {
            i++;
            break;
          }
          const state = this.state;
          if (state === OPEN) {
            if (c !== OPEN_BRACE) this.fail(s, i, base, 'a JSON object');
            this.state = FIRST_KEY;
          } else if (state === FIRST_KEY || state === NEXT_KEY) {
            if (c === 0x7d && state === FIRST_KEY) this.state = DONE;
            else if (c !== QUOTE) this.fail(s, i, base, 'a key');
            else {
              this.state = KEY;
              i = this.begin(s, i);
              break;
            }
          } else if (state === COLON) {
            if (c !== 0x3a) this.fail(s, i, base, `":" after "${this.key}"`);
            this.state = VALUE;
          } else if (state === AFTER_MEMBER) {
            if (c === 0x2c) this.state = NEXT_KEY;
            else if (c === 0x7d) this.state = DONE;
            else this.fail(s, i, base, `"," or "}" after the value of "${this.key}"`);
          } else this.fail(s, i, base, 'nothing after the closing "}"');
          i++;
          break;
        }
        case KEY: {
          const done = this.complete(s, i, base, 'The key');
          if (!done) {
            i = len;
            break;
          }
          const key = done.value as string;
          if (this.keys.has(key))
            throw new JsonStreamError(`Duplicate key "${key}" at offset ${done.at}`);
          this.keys.add(key);
          this.key = key;
          this.state = COLON;
          i = done.end;
          break;
        }
        case VALUE: {
          const c = s.charCodeAt(i);
          if (isSpace(c)) i++;
          else if (c === OPEN_BRACKET && this.lists.has(this.key)) {
            this.state = FIRST_ITEM;
            this.count = 0;
            this.indent = -1;
            this.wasted = 0;
            this.listLength = 0;
            i++;
          } else {
            this.state = MEMBER;
            i = this.begin(s, i);
          }
          break;
        }
      }
    }
  }
}
