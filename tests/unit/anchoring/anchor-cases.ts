/**
 * Anchoring cases: a page as it was when the highlight was made, the page as
 * it is now, and where the highlight must land — or that it must become an
 * orphan. All text is invented for the test, in the style of parallel
 * governance prose (一是… 二是…), where look-alike sentences are the rule.
 */

/** The page when the highlight was made: paragraphs joined by '\n'. */
export const BASE = [
  '为深入贯彻落实党中央决策部署，全面推进各项工作高质量发展，现就有关事项通知如下。',
  '一是坚持党的全面领导，切实扛起管党治党政治责任，把党的领导贯穿工作全过程各方面。',
  '二是坚持党的全面领导，确保各项决策部署落到实处，推动形成上下贯通的工作格局。',
  '三是坚持以人民为中心，着力解决群众急难愁盼问题，不断增强人民群众获得感幸福感。',
  '四是坚持系统观念，统筹发展和安全，守住不发生系统性区域性风险的底线。',
  '各地区各部门要结合实际抓好贯彻落实，重要情况及时报告。',
];

const para = (i: number) => BASE[i]!;
const without = (...drop: number[]) => BASE.filter((_, i) => !drop.includes(i)).join('\n');
const replaced = (i: number, p: string) => BASE.map((q, j) => (j === i ? p : q)).join('\n');

/** Where a highlight lies: the `occurrence`-th (0-based) occurrence of `needle`. */
export interface Spot {
  needle: string;
  occurrence?: number;
}

export interface AnchorCase {
  name: string;
  /** The page when the highlight was made. */
  before: string;
  highlight: Spot;
  /** The page now. */
  after: string;
  /** Where it must land (and by which method), or 'orphan'. */
  expect: { method: 'position' | 'quote' | 'fuzzy'; at: Spot } | 'orphan';
  /** Leave out the outline-node selector (test the context check alone). */
  noOutline?: boolean;
}

const SAME = BASE.join('\n');
const INSERTED = replaced(
  0,
  '新华社北京电 近日，中共中央办公厅印发通知。' +
    para(0) +
    '通知要求，各级党组织要提高政治站位，切实增强责任感和紧迫感。',
);
/** Two points that begin alike and differ after the comma, equal in length. */
const TWINS = [
  '为深入贯彻落实党中央决策部署，现就有关事项通知如下。',
  '一是坚持党的全面领导，切实扛起管党治党政治责任。',
  '二是坚持党的全面领导，确保决策部署落到实处见效。',
  '三是坚持党的全面领导，推动形成上下贯通工作格局。',
  '各地区各部门要结合实际抓好贯彻落实。',
];
const DUP_SENTENCE = '要坚持稳中求进工作总基调';
const DUPS = [
  para(0),
  `一是${DUP_SENTENCE}，完整准确全面贯彻新发展理念，加快构建新发展格局。`,
  `二是推动高质量发展，${DUP_SENTENCE}，统筹好发展和安全两件大事。`,
  para(5),
];
const REPEATED_PARA = '必须坚持守正创新，以科学理论引领伟大实践，不断开辟新境界。';

export const anchorCases: AnchorCase[] = [
  {
    name: 'unchanged page: the saved position holds',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: SAME,
    expect: { method: 'position', at: { needle: '确保各项决策部署落到实处' } },
  },
  {
    name: 'text inserted before: the position shifts, the quote is found exactly',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: INSERTED,
    expect: { method: 'quote', at: { needle: '确保各项决策部署落到实处' } },
  },
  {
    name: 'one character changed inside the quote: fuzzy match',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: replaced(2, para(2).replace('决策部署', '决定部署')),
    expect: { method: 'fuzzy', at: { needle: '确保各项决定部署落到实处' } },
  },
  {
    name: 'one character changed and text inserted before: fuzzy match at the new place',
    before: SAME,
    highlight: { needle: '着力解决群众急难愁盼问题' },
    after: INSERTED.replace('急难愁盼', '急难愁困'),
    expect: { method: 'fuzzy', at: { needle: '着力解决群众急难愁困问题' } },
  },
  {
    name: 'a word just before the quote edited: still placed exactly',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: INSERTED.replace('二是坚持党的全面领导', '二是始终坚持党的全面领导'),
    expect: { method: 'quote', at: { needle: '确保各项决策部署落到实处' } },
  },
  {
    name: 'the paragraph above deleted: found in its own (renumbered) node',
    before: SAME,
    highlight: { needle: '着力解决群众急难愁盼问题' },
    after: without(1),
    expect: { method: 'quote', at: { needle: '着力解决群众急难愁盼问题' } },
  },
  {
    name: 'whole paragraph deleted: orphan',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: without(2),
    expect: 'orphan',
  },
  {
    name: 'look-alike: the shared opening of a deleted point does not jump to its sibling',
    before: SAME,
    highlight: { needle: '坚持党的全面领导', occurrence: 1 },
    after: without(2),
    expect: 'orphan',
  },
  {
    name: 'look-alike without an outline selector: context alone refuses the sibling',
    before: SAME,
    highlight: { needle: '坚持党的全面领导', occurrence: 1 },
    after: without(2),
    expect: 'orphan',
    noOutline: true,
  },
  {
    name: 'look-alike: the whole deleted point is not fuzzily matched to its sibling',
    before: SAME,
    highlight: { needle: '坚持党的全面领导，确保各项决策部署落到实处' },
    after: without(2),
    expect: 'orphan',
  },
  {
    name: 'look-alike sibling differing by two characters: orphan, not misplaced',
    before: replaced(
      1,
      '一是坚持党的全面领导，确保各项工作部署落到实处，把党的领导贯穿工作全过程各方面。',
    ),
    highlight: { needle: '坚持党的全面领导，确保各项决策部署落到实处' },
    after: without(2).replace(
      para(1),
      '一是坚持党的全面领导，确保各项工作部署落到实处，把党的领导贯穿工作全过程各方面。',
    ),
    expect: 'orphan',
  },
  {
    name: 'look-alike with equal-length points: the old position now holds the next twin, which is refused',
    before: TWINS.join('\n'),
    highlight: { needle: '坚持党的全面领导', occurrence: 1 },
    after: TWINS.filter((_, i) => i !== 1).join('\n'),
    expect: { method: 'quote', at: { needle: '坚持党的全面领导', occurrence: 0 } },
  },
  {
    name: 'look-alike with equal-length points, the highlighted point deleted: orphan',
    before: TWINS.join('\n'),
    highlight: { needle: '坚持党的全面领导', occurrence: 1 },
    after: TWINS.filter((_, i) => i !== 2).join('\n'),
    expect: 'orphan',
  },
  {
    name: 'duplicated identical phrase: placed by its context (second occurrence)',
    before: DUPS.join('\n'),
    highlight: { needle: DUP_SENTENCE, occurrence: 1 },
    after: ['前言部分新增一段说明文字。', ...DUPS].join('\n'),
    expect: { method: 'quote', at: { needle: DUP_SENTENCE, occurrence: 1 } },
  },
  {
    name: 'duplicated identical phrase: placed by its context (first occurrence)',
    before: DUPS.join('\n'),
    highlight: { needle: DUP_SENTENCE, occurrence: 0 },
    after: ['前言部分新增一段说明文字。', ...DUPS].join('\n'),
    expect: { method: 'quote', at: { needle: DUP_SENTENCE, occurrence: 0 } },
  },
  {
    name: 'a whole paragraph repeated with the same context: closeness to the old position decides',
    before: [para(0), REPEATED_PARA, REPEATED_PARA, REPEATED_PARA, para(5)].join('\n'),
    highlight: { needle: '以科学理论引领伟大实践', occurrence: 1 },
    after: ['导语：', para(0), REPEATED_PARA, REPEATED_PARA, REPEATED_PARA, para(5)].join('\n'),
    expect: { method: 'quote', at: { needle: '以科学理论引领伟大实践', occurrence: 1 } },
    noOutline: true,
  },
  {
    name: 'page emptied: orphan',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: '',
    expect: 'orphan',
  },
  {
    name: 'page of whitespace only: orphan',
    before: SAME,
    highlight: { needle: '确保各项决策部署落到实处' },
    after: ' \n\t \n ',
    expect: 'orphan',
  },
];

/** A long quote: several paragraphs, about 3,000 characters. */
export function longEssay(): { before: string; quote: string } {
  const body: string[] = [];
  for (let i = 0; i < 40; i++)
    body.push(
      `第${i + 1}条 坚持把第${i + 1}项任务落到实处，健全工作机制，压实各方责任，确保各项目标如期完成，以实际成效取信于民。`,
    );
  const quote = body.slice(5, 35).join('\n');
  return { before: [para(0), ...body, para(5)].join('\n'), quote };
}
