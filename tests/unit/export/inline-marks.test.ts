/**
 * markedLine: bold runs and highlight marks laid out as Markdown that parses
 * (checked against CommonMark's flanking rules by a small reader below), the
 * page's text kept and escaped.
 */
import { describe, expect, it } from 'vitest';
import { markedLine, type Run } from '../../../lib/export/inline-marks.ts';
import { rng } from '../backup/library-fixture.ts';

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
const isPunct = (c: string | undefined) => c !== undefined && PUNCT.test(c);
const isSpace = (c: string | undefined) => c === undefined || SPACE.test(c);

/** What a CommonMark reader (with Obsidian's `==`) makes of a line. */
interface Read {
  /** Problems: a delimiter that would not open or close, crossing or unclosed runs. */
  errors: string[];
  /** The text shown, delimiters removed and escapes undone. */
  text: string;
  /** Per character of `text`: inside `==…==`, inside `**…**`. */
  marked: boolean[];
  bold: boolean[];
}

/**
 * Reads `**` and `==` delimiter runs as CommonMark does (a run opens only
 * when left-flanking and closes only when right-flanking; Unicode
 * punctuation and symbols count as punctuation), requiring proper nesting.
 */
function read(line: string): Read {
  const r: Read = { errors: [], text: '', marked: [], bold: [] };
  const stack: string[] = [];
  const push = (ch: string) => {
    r.text += ch;
    r.marked.push(stack.includes('=='));
    r.bold.push(stack.includes('**'));
  };
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      push(line[i + 1]!);
      i += 2;
      continue;
    }
    if (c !== '*' && c !== '=') {
      push(c);
      i++;
      continue;
    }
    let j = i;
    while (line[j] === c) j++;
    const run = line.slice(i, j);
    if (run.length !== 2) r.errors.push(`run ${run} at ${i}`);
    const before = line[i - 1];
    const after = line[j];
    const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
    const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
    if (stack.includes(run)) {
      if (stack[stack.length - 1] !== run) r.errors.push(`${run} crosses at ${i}`);
      if (!right) r.errors.push(`${run} at ${i} cannot close`);
      stack.splice(stack.lastIndexOf(run), 1);
    } else {
      if (!left) r.errors.push(`${run} at ${i} cannot open`);
      stack.push(run);
    }
    i = j;
  }
  if (stack.length) r.errors.push(`unclosed ${stack.join(' ')}`);
  return r;
}

describe('markedLine', () => {
  const cases: Array<{
    name: string;
    text: string;
    bold: Run[];
    marks: Run[];
    obsidian: string;
    plain: string;
  }> = [
    { name: 'no runs', text: '甲乙丙', bold: [], marks: [], obsidian: '甲乙丙', plain: '甲乙丙' },
    {
      name: 'a mark',
      text: '甲乙丙',
      bold: [],
      marks: [[1, 2]],
      obsidian: '甲==乙==丙',
      plain: '甲**乙**丙',
    },
    {
      name: 'mark inside bold',
      text: '甲乙丙丁戊',
      bold: [[0, 5]],
      marks: [[1, 4]],
      obsidian: '**甲==乙丙丁==戊**',
      plain: '**甲乙丙丁戊**',
    },
    {
      name: 'bold inside mark',
      text: '甲乙丙丁戊',
      bold: [[1, 4]],
      marks: [[0, 5]],
      obsidian: '==甲**乙丙丁**戊==',
      plain: '**甲乙丙丁戊**',
    },
    {
      name: 'crossing, bold first',
      text: '甲乙丙丁戊',
      bold: [[0, 3]],
      marks: [[1, 4]],
      obsidian: '**甲**==乙丙丁==戊',
      plain: '**甲乙丙丁**戊',
    },
    {
      name: 'crossing, mark first',
      text: '甲乙丙丁戊',
      bold: [[2, 5]],
      marks: [[0, 3]],
      obsidian: '==甲乙丙==**丁戊**',
      plain: '**甲乙丙丁戊**',
    },
    {
      name: 'same stretch: the mark shows it',
      text: '甲乙丙',
      bold: [[0, 3]],
      marks: [[0, 3]],
      obsidian: '==甲乙丙==',
      plain: '**甲乙丙**',
    },
    {
      name: 'sharing a start',
      text: '甲乙丙丁',
      bold: [[0, 4]],
      marks: [[0, 2]],
      obsidian: '==甲乙==**丙丁**',
      plain: '**甲乙丙丁**',
    },
    {
      name: 'overlapping marks merge',
      text: '甲乙丙丁',
      bold: [],
      marks: [
        [0, 2],
        [1, 3],
      ],
      obsidian: '==甲乙丙==丁',
      plain: '**甲乙丙**丁',
    },
    {
      name: 'Chinese quotes and full stops stay outside the delimiters',
      text: '他说“两个确立”的意义。',
      bold: [[2, 8]],
      marks: [[8, 11]],
      obsidian: '他说“**两个确立**”==的意义==。',
      plain: '他说“**两个确立”的意义**。',
    },
    {
      name: 'only punctuation marked: nothing to mark',
      text: '甲，乙',
      bold: [],
      marks: [[1, 2]],
      obsidian: '甲，乙',
      plain: '甲，乙',
    },
    {
      name: 'page markup escaped around the marks',
      text: '*强调* ==标== `code`',
      bold: [],
      marks: [[1, 3]],
      obsidian: '\\*==强调==\\* \\=\\=标\\=\\= \\`code\\`',
      plain: '\\***强调**\\* \\=\\=标\\=\\= \\`code\\`',
    },
    {
      name: 'a list marker at the start',
      text: '- 不是列表',
      bold: [],
      marks: [[2, 4]],
      obsidian: '\\- ==不是==列表',
      plain: '\\- **不是**列表',
    },
    {
      name: 'a number at the start',
      text: '1. 不是编号',
      bold: [[3, 5]],
      marks: [],
      obsidian: '1\\. **不是**编号',
      plain: '1\\. **不是**编号',
    },
    {
      name: 'line breaks become spaces',
      text: '甲\n乙\u2028丙',
      bold: [],
      marks: [],
      obsidian: '甲 乙 丙',
      plain: '甲 乙 丙',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const obsidian = markedLine(c.text, c.bold, c.marks, true);
      const plain = markedLine(c.text, c.bold, c.marks, false);
      expect(obsidian).toBe(c.obsidian);
      expect(plain).toBe(c.plain);
      expect(read(obsidian).errors).toEqual([]);
      expect(read(plain).errors).toEqual([]);
    });
  }

  it('hostile text never becomes markup, HTML or a link', () => {
    const text =
      '<script>alert(1)</script> [x](javascript:alert(1)) ![i](y) <b>粗</b> &amp; $x$ %%c%% ^id';
    const line = markedLine(text, [[0, 8]], [[27, 28]], true);
    expect(line).not.toMatch(/(?<!\\)[<[&$^]/);
    expect(line).not.toMatch(/(?<!\\)%%/);
    expect(read(line).text).toBe(text);
  });

  it('random runs on random text: always parses, keeps the text, marks what is marked', () => {
    const alphabet = [
      '甲',
      '乙',
      '丙',
      '，',
      '。',
      '“',
      '”',
      'a',
      'b',
      ' ',
      '*',
      '=',
      '#',
      '1',
      '.',
      '(',
      '_',
      '\\',
    ];
    const r = rng(17);
    const runs = (length: number, n: number): Run[] =>
      Array.from({ length: n }, () => {
        const s = Math.floor(r() * length);
        return [s, s + 1 + Math.floor(r() * (length - s))] as Run;
      });
    const edge = /[\p{P}\p{S}\p{Z}\s]/u;
    for (let k = 0; k < 1000; k++) {
      const length = 1 + Math.floor(r() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(r() * alphabet.length)]).join(
        '',
      );
      const bold = runs(length, Math.floor(r() * 3));
      const marks = runs(length, Math.floor(r() * 3));
      const inAny = (rs: Run[], i: number) => rs.some(([s, e]) => s <= i && i < e);
      for (const obsidian of [true, false]) {
        const line = markedLine(text, bold, marks, obsidian);
        const got = read(line);
        const where = `${JSON.stringify({ text, bold, marks, obsidian })} → ${line}`;
        expect(got.errors, where).toEqual([]);
        expect(got.text, where).toBe(text.trim());
        const lead = text.length - text.trimStart().length;
        for (let i = 0; i < got.text.length; i++) {
          const at = i + lead;
          const ch = text[at]!;
          const shownStrong = obsidian ? got.marked[i] : got.bold[i];
          // Never marked where no highlight is; always where one is (edge characters aside).
          if (!inAny(marks, at) && !(obsidian ? false : inAny(bold, at)))
            expect(shownStrong, `${where} at ${at}`).toBe(false);
          if (inAny(marks, at) && !edge.test(ch))
            expect(shownStrong, `${where} at ${at}`).toBe(true);
          if (obsidian) {
            if (!inAny(bold, at)) expect(got.bold[i], `${where} at ${at}`).toBe(false);
            if (inAny(bold, at) && !inAny(marks, at) && !edge.test(ch))
              expect(got.bold[i], `${where} at ${at}`).toBe(true);
          }
        }
      }
    }
  });
});
