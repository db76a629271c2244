/**
 * Small essays, one per structural device, with the outline expected of each.
 * Every text is invented for the test (no corpus text). An outline is written
 * as indented lines `L<level> <kind> <marker|-> <text>`, two spaces per depth,
 * so one string checks level, kind, marker, text and the tree shape.
 */

/** Prose paragraphs that carry no structure (not parallel to each other). */
export const PROSE = [
  '各级党组织要切实提高认识，把这项工作作为一项重要政治任务抓紧抓好，确保取得实实在在的成效，让群众真正感受到变化。',
  '实践证明，只有坚持以人民为中心的发展思想，才能凝聚起推动发展的强大合力，不断开创工作新局面。',
  '回顾过去一年，全市上下攻坚克难、砥砺前行，经济社会发展取得了来之不易的成绩，为今后工作打下了坚实基础。',
];
const [A, B, C] = PROSE;

export interface RecognizeCase {
  name: string;
  /** Plain text (paragraphs separated by blank lines) or an HTML page. */
  input: string;
  format: 'text' | 'html';
  outline: string[];
}

export const recognizeCases: RecognizeCase[] = [
  {
    name: '一是 leads under a title',
    format: 'text',
    input: `强化担当作为 推动工作落实\n\n${A}\n\n一是文稿起草出精品。坚持高标准严要求，反复打磨每一篇文稿。\n\n二是信息报送求时效。建立快速反应机制，确保重要信息及时报送。\n\n三是督查督办见实效。紧盯重点任务，跟踪问效，形成工作闭环。`,
    outline: [
      'L1 lead 一是 文稿起草出精品',
      'L1 lead 二是 信息报送求时效',
      'L1 lead 三是 督查督办见实效',
    ],
  },
  {
    name: 'standalone subheadings with 一是 leads under them; 一是 restarts',
    format: 'text',
    input: `${A}\n\n一、突出政治引领，筑牢思想根基\n\n一是加强理论学习。坚持第一议题制度，深入学习党的创新理论。\n\n二是强化教育培训。分层分类开展培训，提高干部能力素质。\n\n二、突出服务大局，推动高质量发展\n\n一是聚焦重点任务。围绕中心工作谋划推进各项任务。\n\n二是狠抓工作落实。建立台账，挂图作战，确保件件落地。`,
    outline: [
      'L1 heading 一 突出政治引领，筑牢思想根基',
      '  L2 lead 一是 加强理论学习',
      '  L2 lead 二是 强化教育培训',
      'L1 heading 二 突出服务大局，推动高质量发展',
      '  L2 lead 一是 聚焦重点任务',
      '  L2 lead 二是 狠抓工作落实',
    ],
  },
  {
    name: '（一）>1.>（1） nesting, numbering restarts under a new parent',
    format: 'text',
    input: `${A}\n\n（一）完善工作机制\n\n1.健全议事规则。明确议事范围和程序，提高决策科学化水平。\n\n（1）规范会前准备。提前收集议题，充分酝酿沟通。\n\n（2）严格会议程序。按照规定程序讨论决定事项。\n\n2.强化监督检查。定期开展专项检查，及时发现和纠正问题。\n\n（二）加强队伍建设\n\n1.抓好选拔任用。坚持好干部标准，选优配强班子。\n\n2.加强日常管理。严格落实请示报告制度。`,
    outline: [
      'L1 heading （一） 完善工作机制',
      '  L2 lead 1 健全议事规则',
      '    L3 lead （1） 规范会前准备',
      '    L3 lead （2） 严格会议程序',
      '  L2 lead 2 强化监督检查',
      'L1 heading （二） 加强队伍建设',
      '  L2 lead 1 抓好选拔任用',
      '  L2 lead 2 加强日常管理',
    ],
  },
  {
    name: 'bold lead sentences (<p><strong>)',
    format: 'html',
    input: `<html><body><article><h1>坚持系统观念 推进基层治理现代化</h1><p>${A}</p><p><strong>深刻认识基层治理的重要意义。</strong>基层是国家治理的基石，基层治理水平直接关系群众切身利益。</p><p><strong>准确把握基层治理的基本要求。</strong>要坚持党建引领，整合各方资源，形成治理合力。</p><p><strong>扎实推进基层治理各项任务。</strong>要聚焦群众急难愁盼问题，持续用力，久久为功。</p></article></body></html>`,
    outline: [
      'L1 lead - 深刻认识基层治理的重要意义',
      'L1 lead - 准确把握基层治理的基本要求',
      'L1 lead - 扎实推进基层治理各项任务',
    ],
  },
  {
    name: 'WeChat-like sections with font-weight:bold spans',
    format: 'html',
    input: `<html><body><div id="js_content"><section><span style="font-weight:bold">“严”字当头。</span><span>坚持从严从实要求，把纪律规矩挺在前面，以严的基调推动各项工作落实。</span></section><section><span style="font-weight:bold">“实”字为本。</span><span>坚持求真务实，力戒形式主义官僚主义，以实的作风赢得群众信任和支持。</span></section><section><span style="font-weight:bold">“新”字突破。</span><span>坚持改革创新，敢于打破常规，以新的举措破解发展中遇到的难题和挑战。</span></section></div></body></html>`,
    outline: ['L1 lead - “严”字当头', 'L1 lead - “实”字为本', 'L1 lead - “新”字突破'],
  },
  {
    name: 'parallel openings (排比)',
    format: 'text',
    input: `${A}\n\n大力弘扬讲政治的风气，引导党员干部始终同党中央保持高度一致，不断提高政治判断力。\n\n大力倡导讲奉献的意识，鼓励广大干部立足岗位、埋头苦干，在平凡岗位上创造业绩。\n\n大力营造讲合作的氛围，推动各部门加强协作配合，形成上下联动、齐抓共管的格局。`,
    outline: [
      'L1 lead - 大力弘扬讲政治的风气，引导党员干部始终同党中央保持高度一致，不断提高政治判断力',
      'L1 lead - 大力倡导讲奉献的意识，鼓励广大干部立足岗位、埋头苦干，在平凡岗位上创造业绩',
      'L1 lead - 大力营造讲合作的氛围，推动各部门加强协作配合，形成上下联动、齐抓共管的格局',
    ],
  },
  {
    name: 'inline series inside a paragraph (一要…；二要…；三要…)',
    format: 'text',
    input: `${A}\n\n抓落实是干事创业的关键。一要强化服务意识抓落实，主动对接群众需求；二要强化担当意识抓落实，敢于啃硬骨头；三要强化创新意识抓落实，不断探索新办法。`,
    outline: [
      'L1 inline 一要 强化服务意识抓落实，主动对接群众需求',
      'L1 inline 二要 强化担当意识抓落实，敢于啃硬骨头',
      'L1 inline 三要 强化创新意识抓落实，不断探索新办法',
    ],
  },
  {
    name: 'inline points nest under the lead that opens their paragraph',
    format: 'text',
    input: `${A}\n\n一、坚持抓落实。${B}一要强化服务意识，主动对接群众需求；二要强化担当意识，敢于啃硬骨头。\n\n二、坚持抓创新。${C}`,
    outline: [
      'L1 lead 一 坚持抓落实',
      '  L2 inline 一要 强化服务意识，主动对接群众需求',
      '  L2 inline 二要 强化担当意识，敢于啃硬骨头',
      'L1 lead 二 坚持抓创新',
    ],
  },
  {
    name: '一方面/另一方面',
    format: 'text',
    input: `${A}\n\n推进改革必须统筹兼顾。一方面，要加大力度破除体制机制障碍，释放发展活力；另一方面，要守住安全底线，防范化解各类风险。`,
    outline: [
      'L1 inline 一方面 要加大力度破除体制机制障碍，释放发展活力',
      'L1 inline 另一方面 要守住安全底线，防范化解各类风险',
    ],
  },
  {
    name: 'set-off sub-leads inside a point',
    format: 'text',
    input: `${A}\n\n一是转型发展“走在前、开新局”。解放思想。坚持破除思维定式，以思想大解放推动大发展。明确路径。制定转型方案，找准主攻方向。突出重点。聚焦重点产业，集中力量攻坚。\n\n二是改革创新“勇争先、见实效”。${B}`,
    outline: [
      'L1 lead 一是 转型发展“走在前、开新局”',
      '  L2 inline - 解放思想',
      '  L2 inline - 明确路径',
      '  L2 inline - 突出重点',
      'L1 lead 二是 改革创新“勇争先、见实效”',
    ],
  },
  {
    name: '；-separated 要 clauses opening the paragraph (no lead-in)',
    format: 'text',
    input: `${A}\n\n要敢想，勇于提出新思路新目标；要敢闯，大胆探索没有先例的改革；要敢干，以实干实绩检验工作成效。`,
    outline: [
      'L1 inline - 要敢想，勇于提出新思路新目标',
      'L1 inline - 要敢闯，大胆探索没有先例的改革',
      'L1 inline - 要敢干，以实干实绩检验工作成效',
    ],
  },
  {
    name: '；-separated 要 clauses after a longer lead-in clause',
    format: 'text',
    input: `${A}\n\n做好今年工作，要敢想，勇于提出新思路新目标；要敢闯，大胆探索没有先例的改革；要敢干，以实干实绩检验工作成效。`,
    outline: [
      'L1 inline - 要敢想，勇于提出新思路新目标',
      'L1 inline - 要敢闯，大胆探索没有先例的改革',
      'L1 inline - 要敢干，以实干实绩检验工作成效',
    ],
  },
  {
    name: 'a ；-series announced by a colon, clauses sharing 从…向… (主要 is no modal 要)',
    format: 'text',
    input: `${A}\n\n会议提出，要实现“三个转变”，具体来说就是：从主要依靠要素投入，向主要依靠创新驱动转变；从主要集中在传统产业，向全面进入新兴产业转变；从比较粗放的管理方式，向精细化管理转变。`,
    outline: [
      'L1 inline - 从主要依靠要素投入，向主要依靠创新驱动转变',
      'L1 inline - 从主要集中在传统产业，向全面进入新兴产业转变',
      'L1 inline - 从比较粗放的管理方式，向精细化管理转变',
    ],
  },
  {
    name: 'a preview list that only repeats the headings gives no nodes',
    format: 'text',
    input: `${A}\n\n下面，我讲三个方面，一是工作回顾；二是形势分析；三是重点任务。\n\n一、工作回顾\n\n${B}\n\n二、形势分析\n\n${C}\n\n三、重点任务\n\n${A}`,
    outline: ['L1 heading 一 工作回顾', 'L1 heading 二 形势分析', 'L1 heading 三 重点任务'],
  },
  {
    name: '一方面…另一方面 after a connective (所以一方面…)',
    format: 'text',
    input: `${A}\n\n家校合力非常重要，所以一方面希望家长多提意见建议，另一方面也希望家长多给老师鼓励。`,
    outline: ['L1 inline 一方面 希望家长多提意见建议', 'L1 inline 另一方面 也希望家长多给老师鼓励'],
  },
  {
    name: 'long narrative paragraphs sharing only their subject are not parallel points',
    format: 'text',
    input: `${A}\n\n河南深入推进黄河流域生态保护和高质量发展，统筹推进山水林田湖草沙一体化保护和系统治理，生态环境持续改善。\n\n河南大力推进黄河干支流水环境保护治理，深化入河排污口溯源整治，国考断面水质稳定达标，出境水质保持良好。\n\n河南还完成了流域内重点行业企业超低排放改造，创建了一批绿色工厂和绿色工业园区，能耗水平持续下降。`,
    outline: [],
  },
  {
    name: '要 sentences: a subject before 要 counts, an elaborating 尤其是要 sentence does not',
    format: 'text',
    input: `${A}\n\n要乐于吃苦，主动到困难最多的地方去。尤其是要坚定必胜的信心，尽锐出战。广大党员干部要守住清苦，在平凡的岗位上坚守责任。要勤奋刻苦，始终保持勤学乐学的状态。`,
    outline: [
      'L1 inline - 要乐于吃苦，主动到困难最多的地方去',
      'L1 inline - 广大党员干部要守住清苦，在平凡的岗位上坚守责任',
      'L1 inline - 要勤奋刻苦，始终保持勤学乐学的状态',
    ],
  },
  {
    name: '要 sentences sharing their verb count even with prose between them',
    format: 'text',
    input: `${A}\n\n要善谋，懂得统筹全局。特别是在关键时期，面对复杂形势，更需要保持定力。这就要求我们着眼更高起点。要善于在科学的基础上创新，选择合适的方法路径。要善成，说了算定了干。`,
    outline: [
      'L1 inline - 要善谋，懂得统筹全局',
      'L1 inline - 要善于在科学的基础上创新，选择合适的方法路径',
      'L1 inline - 要善成，说了算定了干',
    ],
  },
  {
    name: 'speech prose whose sentences share nothing but 要 gives no nodes',
    format: 'text',
    input: `${A}\n\n要进一步统一思想认识，把思想和行动统一到中央的决策部署上来。要切实加强组织领导，明确责任分工，确保各项任务落到实处。要大力营造良好氛围，充分调动各方面积极性。`,
    outline: [],
  },
  {
    name: 'section numbers printed alone as bold lines are no headings',
    format: 'html',
    input: `<html><body><article><p>${A}</p><p><strong>1</strong></p><p>${B}</p><p><strong>2</strong></p><p>${C}</p></article></body></html>`,
    outline: [],
  },
  {
    name: '1. 2. 3. inside a paragraph are inline points; decimals are not',
    format: 'text',
    input: `${A}\n\n回顾一年来的工作，还存在不少问题：1.要进一步提升政策解读能力，增长率仅1.5个百分点；2.要广泛联系群众，加强与师生沟通；3.要加强调查研究，使工作更科学。`,
    outline: [
      'L1 inline 1 要进一步提升政策解读能力，增长率仅1.5个百分点',
      'L1 inline 2 要广泛联系群众，加强与师生沟通',
      'L1 inline 3 要加强调查研究，使工作更科学',
    ],
  },
  {
    name: 'labelled series: each label holds its own 一是…二是… (no nesting in a sibling)',
    format: 'text',
    input: `${A}\n\n下一步，高三重点：一是要平衡好各科关系；二是要找准新的增长点。高二重点：一是尝试调整选课；二是加强学法指导。高一重点：一是保护学习积极性；二是推进校本作业。`,
    outline: [
      'L1 inline - 高三重点',
      '  L2 inline 一是 要平衡好各科关系',
      '  L2 inline 二是 要找准新的增长点',
      'L1 inline - 高二重点',
      '  L2 inline 一是 尝试调整选课',
      '  L2 inline 二是 加强学法指导',
      'L1 inline - 高一重点',
      '  L2 inline 一是 保护学习积极性',
      '  L2 inline 二是 推进校本作业',
    ],
  },
  {
    name: 'a long bold sentence opening a paragraph is emphasis, not a lead',
    format: 'html',
    input: `<html><body><article><p>${A}</p><p><strong>总体上，在去年有效措施的基础上，进一步抓狠抓巧，做好尖子生和临界生的针对性辅导工作，确保成绩稳步提升。</strong>${B}</p><p><strong>感谢大家，感谢各位家长对我们工作的理解和支持，不当之处请大家批评指正，我们一定认真改进。</strong>${C}</p></article></body></html>`,
    outline: [],
  },
  {
    name: '；-separated 要 clauses after a short lead-in',
    format: 'text',
    input: `${A}\n\n今后，要敢想，勇于提出新思路新目标；要敢闯，大胆探索没有先例的改革；要敢干，以实干实绩检验工作成效。`,
    outline: [
      'L1 inline - 要敢想，勇于提出新思路新目标',
      'L1 inline - 要敢闯，大胆探索没有先例的改革',
      'L1 inline - 要敢干，以实干实绩检验工作成效',
    ],
  },
  {
    name: 'meeting report formulas are level-1 leads; the dateline and chairing are not',
    format: 'text',
    input: `本报讯 3月5日，市委常委会召开会议，传达学习有关会议精神，研究部署近期工作。市委书记主持会议。\n\n会议指出，今年以来全市经济运行稳中有进，各项工作取得积极成效。要保持定力，巩固向好态势。\n\n会议强调，要坚持稳中求进工作总基调，扎实推动高质量发展。各级各部门要主动作为。\n\n会议要求，要压实工作责任，确保各项决策部署落地见效。要加强督促检查。`,
    outline: [
      'L1 lead 会议指出 今年以来全市经济运行稳中有进，各项工作取得积极成效',
      'L1 lead 会议强调 要坚持稳中求进工作总基调，扎实推动高质量发展',
      'L1 lead 会议要求 要压实工作责任，确保各项决策部署落地见效',
    ],
  },
  {
    name: 'interview: the interviewer’s turns are leads, the answer’s points nest under them',
    format: 'text',
    input: `${A}\n\n记者：近年来，当地在基层治理方面做了哪些探索？\n\n李明：我们主要抓了三件事。一是建强组织体系。二是完善服务网络。三是创新治理方式。\n\n记者：下一步还有什么打算？\n\n李明：我们将继续深化改革，推动基层治理提质增效。`,
    outline: [
      'L1 lead 记者 近年来，当地在基层治理方面做了哪些探索',
      '  L2 inline 一是 建强组织体系',
      '  L2 inline 二是 完善服务网络',
      '  L2 inline 三是 创新治理方式',
      'L1 lead 记者 下一步还有什么打算',
    ],
  },
  {
    name: 'a lone 首先, a lone 二是 and enumerations inside a sentence give no nodes',
    format: 'text',
    input: `${A}\n\n首先，我们要提高认识，深刻理解这项工作的重要意义。这是做好工作的前提。\n\n${B}\n\n二是加强领导，确保工作落实到位。各级要加强统筹协调。\n\n会上，与会人员就一港双城三带四区建设展开讨论，提出要做到“严”“细”“深”“实”。\n\n${C}`,
    outline: [],
  },
  {
    name: 'legal 第X条 articles are not parallel points',
    format: 'text',
    input: `${A}\n\n第一条 为了规范管理工作，根据有关法律法规，制定本办法。\n\n第二条 本办法适用于本市行政区域内的管理活动。\n\n第三条 管理工作坚持依法依规、公开透明的原则。`,
    outline: [],
  },
];
