import { describe, expect, it } from 'vitest';
import { enforceOutline, MAX_DEPTH, outlineProblems } from '../../../lib/outline/validate.ts';
import type { OutlineNode } from '../../../lib/types.ts';

/** A node at `block`:`start`, key = text unless given. */
function n(
  level: number,
  block: number,
  start: number,
  text: string,
  children: OutlineNode[] = [],
  key = text,
): OutlineNode {
  return {
    level,
    kind: level === 1 ? 'heading' : 'lead',
    marker: null,
    text,
    key,
    children,
    source: { block, start, end: start + text.length },
  };
}

/** The tree as indented lines `L<level> <block>:<start> <text>/<key>`. */
function render(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const x of nodes) {
    out.push(
      `${'  '.repeat(depth)}L${x.level} ${x.source.block}:${x.source.start} ${x.text}/${x.key}`,
    );
    render(x.children, depth + 1, out);
  }
  return out;
}

const problems = (nodes: OutlineNode[]) => outlineProblems({ nodes });

/** A chain of `depth` nodes, each the only child of the one before. */
function chain(depth: number): OutlineNode[] {
  let nodes: OutlineNode[] = [];
  for (let d = depth; d >= 1; d--) nodes = [n(d, d, 0, `第${d}层`, nodes)];
  return nodes;
}

const valid: Array<[string, () => OutlineNode[]]> = [
  ['empty', () => []],
  ['flat', () => [n(1, 0, 0, '一'), n(1, 1, 0, '二'), n(1, 2, 0, '三')]],
  [
    'nested, with inline points of one block',
    () => [
      n(1, 0, 2, '加强学习', [
        n(2, 0, 10, '学理论', [n(3, 0, 14, '读原著'), n(3, 0, 20, '悟原理')]),
        n(2, 0, 30, '学业务'),
        n(2, 3, 0, '改作风'),
      ]),
      n(1, 5, 0, '抓落实', [n(2, 6, 1, '定责任')]),
    ],
  ],
  ['two nodes at the same place', () => [n(1, 2, 4, '甲'), n(1, 2, 4, '乙')]],
  ['as deep as allowed', () => chain(MAX_DEPTH)],
];

describe('valid trees', () => {
  it.each(valid)('%s: no problems, and enforce gives an equal tree', (_, make) => {
    const nodes = make();
    expect(problems(nodes)).toEqual([]);
    expect(enforceOutline(nodes)).toEqual(make());
  });
});

interface Broken {
  name: string;
  tree: () => OutlineNode[];
  /** A fragment of the problem reported. */
  problem: string;
  /** The repaired tree, rendered. */
  repaired: string[];
}

const broken: Broken[] = [
  {
    name: 'a root not at level 1',
    tree: () => [n(2, 0, 0, '一')],
    problem: 'level 2 at depth 1',
    repaired: ['L1 0:0 一/一'],
  },
  {
    name: 'a child two levels below its parent',
    tree: () => [n(1, 0, 0, '一', [n(3, 1, 0, '甲')])],
    problem: 'level 3 at depth 2',
    repaired: ['L1 0:0 一/一', '  L2 1:0 甲/甲'],
  },
  {
    name: 'siblings out of reading order',
    tree: () => [n(1, 4, 0, '二'), n(1, 1, 0, '一'), n(1, 4, 0, '三')],
    problem: 'at 1:0, before 4:0',
    repaired: ['L1 1:0 一/一', 'L1 4:0 二/二', 'L1 4:0 三/三'],
  },
  {
    name: 'inline points of one block out of order',
    tree: () => [n(1, 2, 30, '乙'), n(1, 2, 5, '甲')],
    problem: 'at 2:5, before 2:30',
    repaired: ['L1 2:5 甲/甲', 'L1 2:30 乙/乙'],
  },
  {
    name: 'a child before its parent',
    tree: () => [n(1, 0, 0, '一'), n(1, 5, 0, '二', [n(2, 3, 0, '甲')])],
    problem: 'at 3:0, before 5:0',
    repaired: ['L1 0:0 一/一', '  L2 3:0 甲/甲', 'L1 5:0 二/二'],
  },
  {
    name: 'an empty text',
    tree: () => [n(1, 0, 0, '一', [n(2, 1, 0, '', [n(3, 2, 0, '甲')])])],
    problem: 'empty text',
    repaired: ['L1 0:0 一/一', '  L2 2:0 甲/甲'],
  },
  {
    name: 'a whitespace-only text',
    tree: () => [n(1, 0, 0, ' \u3000\n'), n(1, 1, 0, '二')],
    problem: 'empty text',
    repaired: ['L1 1:0 二/二'],
  },
  {
    name: 'a text of zero-width, RTL and control characters',
    tree: () => [n(1, 0, 0, '\u200b\u202e\u0000\ufeff'), n(1, 1, 0, '二')],
    problem: 'empty text',
    repaired: ['L1 1:0 二/二'],
  },
  {
    name: 'an empty key',
    tree: () => [n(1, 0, 0, '加强学习', [], '')],
    problem: 'empty key',
    repaired: ['L1 0:0 加强学习/加强学习'],
  },
  {
    name: 'a text that is no string',
    tree: () => [{ ...n(1, 0, 0, '一'), text: null as never }, n(1, 1, 0, '二')],
    problem: 'empty text',
    repaired: ['L1 1:0 二/二'],
  },
  {
    name: 'no source',
    tree: () => [{ ...n(1, 0, 0, '一'), source: undefined as never }, n(1, 1, 0, '二')],
    problem: 'no block and start',
    repaired: ['L1 1:0 二/二'],
  },
  {
    name: 'a node shared by two parents',
    tree: () => {
      const shared = n(2, 1, 0, '甲');
      return [n(1, 0, 0, '一', [shared]), n(1, 2, 0, '二', [shared])];
    },
    problem: 'met twice',
    repaired: ['L1 0:0 一/一', '  L2 1:0 甲/甲', 'L1 2:0 二/二'],
  },
  {
    name: 'a cycle',
    tree: () => {
      const a = n(1, 0, 0, '一');
      a.children.push(n(2, 1, 0, '甲', [a]));
      return [a];
    },
    problem: 'met twice',
    repaired: ['L1 0:0 一/一', '  L2 1:0 甲/甲'],
  },
  {
    name: 'children that are no array',
    tree: () => [{ ...n(1, 0, 0, '一'), children: null as never }],
    problem: 'children is not an array',
    repaired: ['L1 0:0 一/一'],
  },
  {
    name: 'too deep',
    tree: () => chain(MAX_DEPTH + 2),
    problem: `deeper than ${MAX_DEPTH}`,
    repaired: [
      ...render(chain(MAX_DEPTH)),
      `${'  '.repeat(MAX_DEPTH - 1)}L${MAX_DEPTH} ${MAX_DEPTH + 1}:0 第${MAX_DEPTH + 1}层/第${MAX_DEPTH + 1}层`,
      `${'  '.repeat(MAX_DEPTH - 1)}L${MAX_DEPTH} ${MAX_DEPTH + 2}:0 第${MAX_DEPTH + 2}层/第${MAX_DEPTH + 2}层`,
    ],
  },
];

describe('each invariant broken once', () => {
  it.each(broken)('$name: reported and repaired', ({ tree, problem, repaired }) => {
    const nodes = tree();
    const found = problems(nodes);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(problem);
    const fixed = enforceOutline(nodes);
    expect(problems(fixed)).toEqual([]);
    expect(render(fixed)).toEqual(repaired);
  });

  it('enforce leaves its input as it was', () => {
    const nodes = [n(2, 4, 0, '二'), n(1, 1, 0, '', [n(1, 2, 0, '甲')])];
    const before = structuredClone(nodes);
    enforceOutline(nodes);
    expect(nodes).toEqual(before);
  });
});

describe('100,000 nodes', () => {
  /** Wide: roots of 99 children each. */
  const wide = (count: number) =>
    Array.from({ length: count / 100 }, (_, b) =>
      n(
        1,
        b,
        0,
        '要点',
        Array.from({ length: 99 }, (_, k) => n(2, b, k + 1, '分点')),
      ),
    );
  /** Shuffled, mislevelled, some empty: the slow path (sort and rebuild). */
  const scrambled = (count: number) => {
    let x = 7;
    return Array.from({ length: count }, (_, i) => {
      x = (x * 1103515245 + 12345) >>> 0;
      return n(1 + (x % 4), x % 5000, i, i % 97 ? '点' : '');
    });
  };
  const cpuMs = (f: () => void) => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };

  it.each([
    ['wide and valid', wide],
    ['a chain', chain],
    ['scrambled', scrambled],
  ])(
    '%s: checked and enforced in linear time',
    (_, make) => {
      const small = make(10_000);
      const big = make(100_000);
      enforceOutline(small); // warm-up
      const tSmall = cpuMs(() => {
        outlineProblems({ nodes: small });
        enforceOutline(small);
      });
      let fixed: OutlineNode[] = [];
      const tBig = cpuMs(() => {
        outlineProblems({ nodes: big });
        fixed = enforceOutline(big);
      });
      expect(problems(fixed)).toEqual([]);
      // Ten times the nodes: linear is ~10x the time (n log n for the sort), quadratic 100x.
      expect(tBig).toBeLessThan(Math.max(40 * tSmall, 1_500));
    },
    30_000,
  );
});
