/**
 * Invented sibling lists and the keys they must get (issue 16, item 5:
 * "labels a reader can read"). Each case is one list of siblings.
 */
export interface KeyCase {
  name: string;
  texts: string[];
  keys: string[];
}

export const keyCases: KeyCase[] = [
  // Whole texts within the budget are their own keys.
  { name: 'a short text is its own key', texts: ['完善工作机制'], keys: ['完善工作机制'] },
  { name: 'a one-character text', texts: ['严'], keys: ['严'] },
  {
    name: 'distinct parallel points keep their whole texts',
    texts: ['文稿起草出精品', '信息报送求时效'],
    keys: ['文稿起草出精品', '信息报送求时效'],
  },

  // Numbers and ordinals are never cut.
  { name: 'a year stays whole', texts: ['2009年财政收入'], keys: ['2009年财政收入'] },
  {
    name: 'a decimal amount with its magnitude and unit stays whole',
    texts: ['全年财政收入达到13.81万亿元，同比增长百分之五'],
    keys: ['全年财政收入达到13.81万亿元…'],
  },
  {
    name: 'an amount that does not fit is left out, not cut',
    texts: ['各地区各部门认真贯彻落实了13.81万亿元的资金'],
    keys: ['各地区各部门认真贯彻落实了…'],
  },
  {
    name: '第一章 stays whole',
    texts: ['第一章 总则', '第二章 附则'],
    keys: ['第一章 总则', '第二章 附则'],
  },
  {
    name: 'an ordinal in a long text stays whole',
    texts: ['第十二届全国人民代表大会第一次会议精神传达学习'],
    keys: ['第十二届全国人民代表大会第一次…'],
  },
  {
    name: 'a year written in Chinese numerals stays whole',
    texts: ['截至二〇二六年五月全国已有三十一个省份完成改革任务'],
    keys: ['截至二〇二六年五月全国已有…'],
  },
  {
    name: 'a percentage in words stays whole',
    texts: ['百分之三十五的干部参加了培训并取得了良好的学习效果'],
    keys: ['百分之三十五的干部参加了培训…'],
  },
  {
    name: 'a percentage in digits stays whole',
    texts: ['GDP增长5.2%，达到126万亿元，经济运行总体平稳向好'],
    keys: ['GDP增长5.2%，达到126万亿元…'],
  },

  // Long texts are cut at a word boundary, and say so.
  {
    name: 'a long text is cut at the last word boundary within the budget',
    texts: ['推进国家治理体系和治理能力现代化的重大任务'],
    keys: ['推进国家治理体系和治理能力现代化…'],
  },
  {
    name: 'a cut prefers the clause comma in the second half',
    texts: ['坚持以人民为中心的发展思想，不断增进民生福祉'],
    keys: ['坚持以人民为中心的发展思想…'],
  },
  {
    name: 'a cut does not end on a dangling 的',
    texts: ['把学习成果转化为推动高质量发展的强大动力和实际成效'],
    keys: ['把学习成果转化为推动高质量发展…'],
  },
  {
    name: 'a cut does not end inside a quotation',
    texts: ['全体党员干部要深刻领会“两个确立”的决定性意义'],
    keys: ['全体党员干部要深刻领会…'],
  },

  // Latin text: words count half, cuts fall between words.
  { name: 'a short Latin phrase is its own key', texts: ['Open data'], keys: ['Open data'] },
  {
    name: 'a long Latin phrase is cut between words, not after "for"',
    texts: ['Open source software matters for public administration everywhere'],
    keys: ['Open source software matters…'],
  },
  {
    name: 'a straight-quoted Latin phrase is kept with its quotes',
    texts: ['We discuss the "public value" of open government data'],
    keys: ['We discuss the "public value"…'],
  },

  // Punctuation at the edges.
  { name: 'a leading colon is dropped', texts: ['：完善工作机制'], keys: ['完善工作机制'] },
  { name: 'a trailing dash is dropped', texts: ['完善工作机制——'], keys: ['完善工作机制'] },
  { name: 'balanced quotes are kept', texts: ['“严”字当头'], keys: ['“严”字当头'] },
  {
    name: 'balanced book-title marks are kept',
    texts: ['《决定》的精神'],
    keys: ['《决定》的精神'],
  },
  {
    name: 'an opening quote whose closer is cut away is dropped',
    texts: ['“严”字当头，从严管理干部队伍始终不放松不懈怠'],
    keys: ['“严”字当头，从严管理干部队伍…'],
  },
  { name: 'a text of punctuation only keeps it', texts: ['……'], keys: ['……'] },

  // Shared openings of siblings.
  {
    name: 'a shared frame is kept: 向…要产量 (never 田要产量)',
    texts: ['向良田要产量', '向良种要产量', '向良机要产量'],
    keys: ['向良田要产量', '向良种要产量', '向良机要产量'],
  },
  {
    name: 'a shared verb is kept',
    texts: ['坚持党的全面领导', '坚持人民至上'],
    keys: ['坚持党的全面领导', '坚持人民至上'],
  },
  {
    name: 'a shared empty intensifier is dropped to make room in long texts',
    texts: [
      '大力弘扬劳动精神和工匠精神，营造劳动光荣的社会风尚',
      '大力倡导勤俭节约的生活方式，坚决制止餐饮浪费行为',
    ],
    keys: ['弘扬劳动精神和工匠精神…', '倡导勤俭节约的生活方式…'],
  },
  {
    name: 'a shared 进一步 is dropped to make room, the verb after it kept',
    texts: ['进一步加强理论武装，推动党的创新理论入脑入心', '进一步加强作风建设，驰而不息纠治四风'],
    keys: ['加强理论武装，推动党的创新理论…', '加强作风建设，驰而不息纠治四风'],
  },
  {
    name: 'a short text keeps its intensifier: it fits',
    texts: ['大力弘扬劳动精神', '大力倡导节约风尚'],
    keys: ['大力弘扬劳动精神', '大力倡导节约风尚'],
  },
  {
    name: 'only the long sibling drops the shared intensifier',
    texts: ['大力弘扬劳动精神', '大力倡导勤俭节约的生活方式，坚决制止餐饮浪费行为'],
    keys: ['大力弘扬劳动精神', '倡导勤俭节约的生活方式…'],
  },
  {
    name: 'an intensifier is kept when not every sibling has it',
    texts: ['大力倡导勤俭节约的生活方式，坚决制止餐饮浪费行为', '倡导节约风尚'],
    keys: ['大力倡导勤俭节约的生活方式…', '倡导节约风尚'],
  },
  {
    name: 'a shared frame is kept in long texts too',
    texts: [
      '向良田要产量，推进高标准农田建设和耕地质量提升',
      '向良种要产量，加快种业振兴行动和品种培优工作',
    ],
    keys: ['向良田要产量，推进高标准农田建设…', '向良种要产量，加快种业振兴行动…'],
  },

  // Siblings stay apart.
  {
    name: 'siblings whose cuts would collide are cut later, not inside 纵深 or after 向',
    texts: [
      '加强基层党组织建设推动全面从严治党向纵深发展',
      '加强基层党组织建设推动全面从严治党向基层延伸',
    ],
    keys: [
      '加强基层党组织建设推动全面从严治党向纵深…',
      '加强基层党组织建设推动全面从严治党向基层…',
    ],
  },
  {
    name: 'a sibling that is a prefix of another',
    texts: ['完善干部考核评价机制', '完善干部考核评价机制并加强结果运用和监督管理'],
    keys: ['完善干部考核评价机制', '完善干部考核评价机制并加强结果…'],
  },
  {
    name: 'identical texts get identical keys',
    texts: ['做好新时代党的建设工作', '做好新时代党的建设工作'],
    keys: ['做好新时代党的建设工作', '做好新时代党的建设工作'],
  },
];
