/**
 * Table-driven cases of the library search: a query, a document, and whether
 * the index (query terms ⊆ index terms) finds it.
 */
export interface FindCase {
  name: string;
  query: string;
  doc: string;
  found: boolean;
}

export const findCases: FindCase[] = [
  {
    name: '默想 does not find a text with only 默认',
    query: '默想',
    doc: '系统默认设置不可更改。',
    found: false,
  },
  {
    name: '时间序列 finds a title containing it',
    query: '时间序列',
    doc: '基于时间序列的财政收入预测方法',
    found: true,
  },
  {
    name: 'a two-character query finds its word',
    query: '序列',
    doc: '基于时间序列的财政收入预测方法',
    found: true,
  },
  {
    name: 'a two-character query finds a word the segmenter keeps whole',
    query: '治理',
    doc: '推进国家治理体系和治理能力现代化',
    found: true,
  },
  {
    name: 'a query word across a segmenter boundary',
    query: '理体',
    doc: '推进国家治理体系和治理能力现代化',
    found: true,
  },
  { name: 'mixed Latin and CJK', query: '5G基站', doc: '今年新建5G基站超过十万个', found: true },
  {
    name: 'mixed query, full-width digits in the document',
    query: '5G基站',
    doc: '今年新建５Ｇ基站超过十万个',
    found: true,
  },
  {
    name: 'mixed query, Latin part missing',
    query: '4G基站',
    doc: '今年新建5G基站超过十万个',
    found: false,
  },
  { name: 'a number is a whole token', query: '5', doc: '今年新建25个基站', found: false },
  { name: 'Latin case ignored', query: 'gdp', doc: '全年GDP增长5.2%', found: true },
  { name: 'full-width Latin folded', query: 'GDP', doc: '全年ＧＤＰ增长', found: true },
  {
    name: 'punctuation in the query ignored',
    query: '“两个确立”',
    doc: '深刻领悟两个确立的决定性意义',
    found: true,
  },
  {
    name: 'punctuation in the document ignored between words',
    query: '新质生产力',
    doc: '发展“新质生产力”，',
    found: true,
  },
  { name: 'spaces in the query are AND', query: '乡村 振兴', doc: '全面推进乡村振兴', found: true },
  { name: 'AND: one word missing', query: '乡村 治理', doc: '全面推进乡村振兴', found: false },
  { name: 'a reversed bigram is no match', query: '兴振', doc: '全面推进乡村振兴', found: false },
];
