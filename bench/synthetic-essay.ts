/**
 * A synthetic governance essay, for when the real report texts in
 * `../shared/real/texts` are not there: a title block, an introduction, 一、
 * headings, （一） sections whose paragraphs carry 一是/二是 leads, plain
 * paragraphs and a closing 总之 paragraph. Deterministic, so runs compare.
 */

export const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const VERBS = [
  '坚持',
  '推进',
  '完善',
  '健全',
  '深化',
  '加快',
  '强化',
  '提升',
  '统筹',
  '落实',
];
export const OBJECTS = [
  '基层治理体系',
  '现代化产业体系',
  '科技创新能力',
  '生态环境保护',
  '民生保障水平',
  '营商环境建设',
  '城乡融合发展',
  '安全生产责任',
  '公共服务供给',
  '干部队伍建设',
];
export const CLAUSES = [
  '着力解决群众急难愁盼问题',
  '推动各项政策措施落地见效',
  '不断增强人民群众获得感幸福感安全感',
  '持续优化资源配置和要素保障',
  '形成上下联动、协同推进的工作格局',
  '把制度优势更好转化为治理效能',
  '以钉钉子精神抓好各项任务落实',
  '坚决守住不发生系统性风险的底线',
];

/** Small deterministic PRNG (mulberry32): the same seed gives the same sequence on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic essay of at least `minChars` characters (lines separated by
 * blank lines, as in text extracted from a report).
 */
export function syntheticEssay(minChars: number, seed = 20260101): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const phrase = () => `${pick(VERBS)}${pick(OBJECTS)}`;
  const sentence = () => {
    const n = 1 + Math.floor(rand() * 3);
    const parts = [phrase()];
    for (let i = 0; i < n; i++) parts.push(pick(CLAUSES));
    return `${parts.join('，')}。`;
  };
  const body = (sentences: number) => Array.from({ length: sentences }, sentence).join('');

  const lines: string[] = [
    '关于推进基层治理现代化的若干思考',
    '——在全市基层治理工作会议上的讲话',
    '张  三',
    `同志们：${body(3)}`,
    body(4),
  ];
  let length = lines.reduce((n, l) => n + l.length, 0);
  const push = (line: string) => {
    lines.push(line);
    length += line.length + 2;
  };
  for (let part = 0; length < minChars; part++) {
    push(`${NUMERALS[part % 10]}、${phrase()}，${phrase()}`);
    push(body(2));
    for (let sec = 0; sec < 4 && length < minChars; sec++) {
      push(`（${NUMERALS[sec]}）${phrase()}。${body(3)}`);
      const points = 2 + Math.floor(rand() * 4);
      const inline = Array.from(
        { length: points },
        (_, k) => `${NUMERALS[k]}是${phrase()}。${body(1 + Math.floor(rand() * 2))}`,
      );
      push(`${phrase()}。${inline.join('')}`);
      for (let k = 0; k < 3; k++) push(`${NUMERALS[k]}要${phrase()}。${body(2)}`);
      push(body(5));
    }
  }
  push(`总之，${body(3)}`);
  return lines.join('\n\n');
}
