/**
 * Marker cases for matchMarkerAt and findMarkers. Every string is invented for
 * the test; none is taken from the corpus.
 */
import type { MarkerFamily } from '../../../lib/outline/markers.ts';

/** A paragraph opening that must be read as a marker. */
export interface MarkerCase {
  input: string;
  family: MarkerFamily;
  ordinal: number | 'last';
  marker: string;
  /** Where the point's words begin. */
  end: number;
}

export const markerCases: MarkerCase[] = [
  { input: '一是加强理论学习', family: 'shi', ordinal: 1, marker: '一是', end: 2 },
  { input: '三是，强化督查问效', family: 'shi', ordinal: 3, marker: '三是', end: 3 },
  { input: '一要提高政治站位', family: 'yao', ordinal: 1, marker: '一要', end: 2 },
  { input: '二要压实工作责任', family: 'yao', ordinal: 2, marker: '二要', end: 2 },
  { input: '其一，坚持问题导向', family: 'qi', ordinal: 1, marker: '其一', end: 3 },
  { input: '其三是注重实效', family: 'qi', ordinal: 3, marker: '其三', end: 2 },
  { input: '第一，坚持党的领导', family: 'di', ordinal: 1, marker: '第一', end: 3 },
  { input: '第十，加强宣传引导', family: 'di', ordinal: 10, marker: '第十', end: 3 },
  { input: '首先，要提高认识', family: 'seq', ordinal: 1, marker: '首先', end: 3 },
  { input: '首先是统一思想', family: 'seq', ordinal: 1, marker: '首先是', end: 3 },
  { input: '其次，要完善机制', family: 'seq', ordinal: 2, marker: '其次', end: 3 },
  { input: '再次，要强化保障', family: 'seq', ordinal: 3, marker: '再次', end: 3 },
  { input: '最后，要严格考核', family: 'seq', ordinal: 'last', marker: '最后', end: 3 },
  { input: '最后是狠抓落实', family: 'seq', ordinal: 'last', marker: '最后是', end: 3 },
  { input: '一方面，加大投入力度', family: 'fangmian', ordinal: 1, marker: '一方面', end: 4 },
  {
    input: '另一方面，守住安全底线',
    family: 'fangmian',
    ordinal: 'last',
    marker: '另一方面',
    end: 5,
  },
  { input: '一、突出政治引领', family: 'cn-dun', ordinal: 1, marker: '一', end: 2 },
  { input: '十二、加强作风建设', family: 'cn-dun', ordinal: 12, marker: '十二', end: 3 },
  { input: '二.完善制度体系', family: 'cn-dun', ordinal: 2, marker: '二', end: 2 },
  { input: '三．健全工作机制', family: 'cn-dun', ordinal: 3, marker: '三', end: 2 },
  { input: '（一）完善工作机制', family: 'cn-paren', ordinal: 1, marker: '（一）', end: 3 },
  { input: '(二)加强队伍建设', family: 'cn-paren', ordinal: 2, marker: '（二）', end: 3 },
  { input: '1、大力弘扬优良作风', family: 'ar-dun', ordinal: 1, marker: '1', end: 2 },
  { input: '12、强化示范引领', family: 'ar-dun', ordinal: 12, marker: '12', end: 3 },
  { input: '1.健全议事规则', family: 'ar-dot', ordinal: 1, marker: '1', end: 2 },
  { input: '2．强化监督检查', family: 'ar-dot', ordinal: 2, marker: '2', end: 2 },
  { input: '（1）规范会前准备', family: 'ar-paren', ordinal: 1, marker: '（1）', end: 3 },
  { input: '(3)严格会议程序', family: 'ar-paren', ordinal: 3, marker: '（3）', end: 3 },
  { input: '1）明确责任分工', family: 'ar-rparen', ordinal: 1, marker: '1', end: 2 },
  { input: '2)细化工作举措', family: 'ar-rparen', ordinal: 2, marker: '2', end: 2 },
  { input: '①深化思想认识', family: 'circled', ordinal: 1, marker: '①', end: 1 },
  { input: '③完善考评体系', family: 'circled', ordinal: 3, marker: '③', end: 1 },
];

/** Openings that look numeric or ordinal but mark no point. */
export const markerNegatives: string[] = [
  '第一次全体会议召开',
  '第一书记驻村帮扶',
  '全球第一',
  '2024年全市经济稳中有进',
  '1.5倍于去年同期',
  '是否落实到位',
  '一是否定了旧的做法',
  '一要求各地从严把关',
  '一、',
  '统一思想',
  '',
];

/** Running paragraphs and the inline markers expected in them (marker, start). */
export const findCases: Array<{ name: string; text: string; want: Array<[string, number]> }> = [
  {
    name: '一是/二是 after commas',
    text: '抓落实，一是强化责任；二是完善机制；三是严格考核。',
    want: [
      ['一是', 4],
      ['二是', 11],
      ['三是', 18],
    ],
  },
  {
    name: '一要/二要 at the start and after ；',
    text: '一要强化服务意识；二要强化担当意识。',
    want: [
      ['一要', 0],
      ['二要', 9],
    ],
  },
  {
    name: '其一/其二',
    text: '原因有二：其一，认识不到位；其二，措施不得力。',
    want: [
      ['其一', 5],
      ['其二', 14],
    ],
  },
  {
    name: '一方面/另一方面',
    text: '推进改革，一方面要破除障碍，另一方面要防范风险。',
    want: [
      ['一方面', 5],
      ['另一方面', 14],
    ],
  },
  {
    name: 'a marker glued to the previous word is no marker',
    text: '我们一是加强学习；二是改进作风。',
    want: [['二是', 9]],
  },
  {
    name: '统一 and 唯一 are no markers',
    text: '统一要求，唯一是看实效。',
    want: [],
  },
  {
    name: 'ordinals inside words (第一次, 全球第一) are no markers',
    text: '这是第一次召开此类会议，产量全球第一。',
    want: [],
  },
  {
    name: 'years and decimals are no markers',
    text: '2024年增长1.5倍，较上年提高2.3个百分点。',
    want: [],
  },
];
