/**
 * Classes of real essays the outliner once missed, one invented example (or
 * counter-example) each. The texts are written for the test; the classes are
 * those of ../shared/cases (seen across several source families). Outlines are
 * written as in recognize-cases.ts: `L<level> <kind> <marker|-> <text>`.
 */
import { PROSE } from './recognize-cases.ts';

const [A, B, C] = PROSE;

export interface ClassCase {
  name: string;
  format: 'text' | 'markdown' | 'html';
  input: string;
  outline: string[];
  title?: string | null;
}

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试页</title></head><body><div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div><article>${body}</article><div class="foot">关于我们 | 联系我们</div></body></html>`;
const p = (t: string) => `<p>${t}</p>`;

export const classCases: ClassCase[] = [
  {
    name: 'web page: plain <p> subheadings standing between body paragraphs',
    format: 'html',
    input: page(
      [
        '<h1>把基层治理做细做实</h1>',
        p(A!),
        p('网格服务更精准'),
        p(
          '社区把辖区划成若干网格，每个网格配备专职网格员，居民的大事小情都能第一时间得到回应和处理。',
        ),
        p('议事协商更充分'),
        p(
          '各小区普遍建立居民议事会，涉及群众切身利益的事项都拿到会上讨论，做到大家的事大家商量着办。',
        ),
        p('矛盾调处更及时'),
        p(
          '街道整合司法所、派出所和律师资源，设立联合调解室，让矛盾纠纷化解在萌芽状态、解决在基层一线。',
        ),
      ].join(''),
    ),
    outline: [
      'L1 heading - 网格服务更精准',
      'L1 heading - 议事协商更充分',
      'L1 heading - 矛盾调处更及时',
    ],
  },
  {
    name: 'web page: short lines without body paragraphs around them are no subheadings',
    format: 'html',
    input: page(
      [
        '<h1>社区活动剪影</h1>',
        p(A!),
        p('图为社区志愿者在活动现场'),
        p('本报记者 摄'),
        p(B!),
        p('责任编辑：王小明'),
        p('相关阅读推荐'),
      ].join(''),
    ),
    outline: [],
  },
  {
    name: 'set-off claim leads whose comma segments differ in length',
    format: 'text',
    input: [
      '夯实发展基础',
      A,
      '抓牢项目建设，让重大工程成为稳增长的压舱石。全市实行重点项目领导包联制度，每月调度一次进度，协调解决用地、资金等难题。',
      '优化营商环境，把企业的难处当作自己的事来办。推行涉企事项一网通办，审批时限压缩一半以上，企业满意度稳步提升。',
      '培育新兴产业，为长远发展积蓄后劲。围绕新材料和智能制造布局产业链，引进一批带动力强的龙头企业。',
      C,
    ].join('\n\n'),
    outline: [
      'L1 lead - 抓牢项目建设，让重大工程成为稳增长的压舱石',
      'L1 lead - 优化营商环境，把企业的难处当作自己的事来办',
      'L1 lead - 培育新兴产业，为长远发展积蓄后劲',
    ],
  },
  {
    name: 'rhetorical openings whose first segments differ are prose, not leads',
    format: 'text',
    input: [
      '互联网的飞速发展，可谓日新月异。短短几年间，移动支付、网上购物已经走进千家万户，深刻改变了人们的生活方式。',
      '网络世界，互联万物。无论身在何处，人们都可以通过一块屏幕获取信息、表达观点，交流变得前所未有地便捷。',
      '数字经济蓬勃兴起的今天，变化无处不在。新业态新模式不断涌现，为经济发展注入了新的动力和活力。',
    ].join('\n\n'),
    outline: [],
  },
  {
    name: 'an introduction of another form neither joins a lead family nor vetoes it; one sibling may be much longer',
    format: 'text',
    input: [
      '筑牢防线',
      A,
      '防汛工作，重在未雨绸缪。越是风险隐患多，越要把功夫下在平时，把措施落到细处。',
      '织牢监测网。全市新增一批雨量站和积水监测点，重点路段实现实时监测和自动报警。',
      '建强抢险队。各区组建专业抢险队伍和社区应急分队，汛期实行全天候值班备勤。',
      '把预警信息第一时间送到每一位群众的手机上。短信、广播和楼宇电视同步推送，做到预警到户、提醒到人。',
    ].join('\n\n'),
    outline: [
      'L1 lead - 织牢监测网',
      'L1 lead - 建强抢险队',
      'L1 lead - 把预警信息第一时间送到每一位群众的手机上',
    ],
  },
  {
    name: 'set-off leads built on a quoted character',
    format: 'text',
    input: [
      A,
      '“勤”字当先，把功夫下在平时。干部每周走访结对户，掌握群众所思所盼，做到情况清、底数明。',
      '“实”字托底，让每件事都落地见效。对群众反映的问题建立台账，办结一件销号一件，定期回访满意度。',
      '“廉”字守身，清清白白干事创业。严格执行廉洁纪律，主动接受群众监督，树立干部良好形象。',
    ].join('\n\n'),
    outline: [
      'L1 lead - “勤”字当先，把功夫下在平时',
      'L1 lead - “实”字托底，让每件事都落地见效',
      'L1 lead - “廉”字守身，清清白白干事创业',
    ],
  },
  {
    name: 'Markdown: the # headline is never a node, whatever its long column label',
    format: 'markdown',
    input: [
      '# 让文化惠民走深走实（学习贯彻全会精神·文化强省建设一线观察系列报道）',
      '> 林思远',
      A,
      '## 补齐设施短板',
      B,
      '## 提升服务效能',
      C,
    ].join('\n\n'),
    title: '让文化惠民走深走实',
    outline: ['L1 heading - 补齐设施短板', 'L1 heading - 提升服务效能'],
  },
  {
    name: 'Markdown: a kicker ending on a dash above the headline is not the title',
    format: 'markdown',
    input: ['### 青石镇推行积分管理——', '# 一张积分卡激活乡村治理', '> 本报记者 林思远', A, B].join(
      '\n\n',
    ),
    title: '一张积分卡激活乡村治理',
    outline: [],
  },
  {
    name: 'a bracket that is part of the title’s name stays in it',
    format: 'markdown',
    input: ['# 社区议事协商工作规程（试行）', A, B].join('\n\n'),
    title: '社区议事协商工作规程（试行）',
    outline: [],
  },
  {
    name: 'paired openers: 一类是/另一类是 paragraphs, 一方面…一方面 without 另 inside one',
    format: 'text',
    input: [
      A,
      '一类是，驿站由街道出资建设，场地和水电全部免费，服务对象以快递小哥为主，运行稳定但功能比较单一。',
      '另一类是，驿站由企业捐建运营，除了歇脚饮水还提供充电和理发服务，只是维持费用较高，持续性不够。',
      '怎样让驿站长久办下去？区总工会一方面统筹各方资金给予运营补助，一方面引导周边商户结对认领，形成共建共享的格局。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 lead 一类是 驿站由街道出资建设，场地和水电全部免费，服务对象以快递小哥为主，运行稳定但功能比较单一',
      'L1 lead 另一类是 驿站由企业捐建运营，除了歇脚饮水还提供充电和理发服务，只是维持费用较高，持续性不够',
      'L1 inline 一方面 统筹各方资金给予运营补助',
      'L1 inline 一方面 引导周边商户结对认领，形成共建共享的格局',
    ],
  },
  {
    name: 'topic frames opening sentences inside one paragraph (X方面，)',
    format: 'text',
    input: [
      A,
      '建强服务阵地。要把党群服务中心办成群众愿意来的地方。场地布局方面，要压缩办公用房，腾出空间用于议事和活动。服务内容方面，要开设托育、助餐和法律咨询等项目。运行管理方面，要实行错时延时服务，方便上班族办事。',
      '提升服务能力。组织社区工作者轮流到先进地区跟班学习，每年开展一次全员业务轮训和技能比武。',
    ].join('\n\n'),
    outline: [
      'L1 lead - 建强服务阵地',
      '  L2 inline - 场地布局方面，要压缩办公用房，腾出空间用于议事和活动',
      '  L2 inline - 服务内容方面，要开设托育、助餐和法律咨询等项目',
      '  L2 inline - 运行管理方面，要实行错时延时服务，方便上班族办事',
      'L1 lead - 提升服务能力',
    ],
  },
  {
    name: 'topic frames opening paragraphs (从X上看，), a pronoun frame (在这方面) is prose',
    format: 'text',
    input: [
      A,
      '从发展阶段上看，县域经济正处在由量的扩张转向质的提升的关键时期，传统增长方式难以为继。',
      '从要素条件上看，土地、资金和人才等要素约束日益趋紧，必须向改革创新要动力。',
      '在这方面，一些地方已经作出了有益探索，积累了不少可复制可推广的经验。',
    ].join('\n\n'),
    outline: [
      'L1 lead - 从发展阶段上看，县域经济正处在由量的扩张转向质的提升的关键时期，传统增长方式难以为继',
      'L1 lead - 从要素条件上看，土地、资金和人才等要素约束日益趋紧，必须向改革创新要动力',
    ],
  },
  {
    name: 'a ；-series closed by ；等等 clause',
    format: 'text',
    input: [
      '数字技术改变了出游方式。在古镇，游客扫码就能听到沿街老宅的故事讲解；在美术馆，线上展厅让馆藏名作随时可看；在剧场，沉浸式演出让观众走进剧情；等等。这些新场景带动了关联消费。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 inline - 在古镇，游客扫码就能听到沿街老宅的故事讲解',
      'L1 inline - 在美术馆，线上展厅让馆藏名作随时可看',
      'L1 inline - 在剧场，沉浸式演出让观众走进剧情',
    ],
  },
  {
    name: 'lead openings that look like connectives (因地制宜, 就地, 如期)',
    format: 'text',
    input: [
      A,
      '因地制宜选模式。平原村庄推行集中处理，山区村庄采用分散式设施，既管用又省钱。',
      '就近就便建网点。每个行政村设置回收点，群众出门几百米就能投放可回收物。',
      '如期完工见成效。县里实行挂图作战、每周通报，确保当年开工的项目当年投用。',
      C,
    ].join('\n\n'),
    outline: ['L1 lead - 因地制宜选模式', 'L1 lead - 就近就便建网点', 'L1 lead - 如期完工见成效'],
  },
  {
    name: 'a standalone line of quoted speech is narrative, not a heading',
    format: 'markdown',
    input: [
      '# 楼道里的调解员',
      A,
      '“这事总得有个说法吧？”',
      '调解员先请两人坐下，又约上物业人员一起上楼查看，漏水点很快就找到了。',
      '“邻里之间，有事好商量。”',
      B,
    ].join('\n\n'),
    outline: [],
  },
  {
    name: 'a family of unnumbered leads after 一是/二是 leads is their sibling; 第一 … 第二 around a report keeps it as a child',
    format: 'text',
    input: [
      A,
      '一是，全市新增城市绿道一百多公里，市民出门见绿、推窗见景。',
      B,
      '二是，全市空气优良天数比例连续三年保持在九成以上。',
      C,
      '看生态，城市的山水底色越来越亮，候鸟栖息地面积持续扩大。',
      '看民生，公园绿地服务半径覆盖率稳步提高，群众获得感明显增强。',
      '看发展，绿色产业规模逐年壮大，成为拉动经济增长的新引擎。',
    ].join('\n\n'),
    outline: [
      'L1 lead 一是 全市新增城市绿道一百多公里，市民出门见绿、推窗见景',
      'L1 lead 二是 全市空气优良天数比例连续三年保持在九成以上',
      'L1 lead - 看生态，城市的山水底色越来越亮，候鸟栖息地面积持续扩大',
      'L1 lead - 看民生，公园绿地服务半径覆盖率稳步提高，群众获得感明显增强',
      'L1 lead - 看发展，绿色产业规模逐年壮大，成为拉动经济增长的新引擎',
    ],
  },
  {
    name: 'a short marked line closed by a full stop is a heading over its paragraphs',
    format: 'text',
    input: [
      A,
      '（一）总体要求。',
      '坚持统筹推进。把各项任务放到全局中谋划，做到有机衔接、协同发力、整体推进。',
      '坚持分类施策。根据不同地区的基础条件，明确差异化的目标要求和推进路径。',
      '（二）主要目标。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 heading （一） 总体要求',
      '  L2 lead - 坚持统筹推进',
      '  L2 lead - 坚持分类施策',
      'L1 heading （二） 主要目标',
    ],
  },
  {
    name: 'inline points whose opening words are bold are those words',
    format: 'html',
    input: page(
      [
        '<h1>抓好全年工作</h1>',
        p(A!),
        p(
          '会议要求，全体干部职工要围绕年度目标，<b>把稳方向盘理清思路</b>，分清轻重缓急，确保重点工作抓出成效；<b>盯紧任务表抓好落实</b>，树牢问题导向和目标导向，一项一项推进；<b>拧紧安全阀守住底线</b>，从实从细抓好安全生产工作。',
        ),
        p(B!),
      ].join(''),
    ),
    outline: [
      'L1 inline - 把稳方向盘理清思路',
      'L1 inline - 盯紧任务表抓好落实',
      'L1 inline - 拧紧安全阀守住底线',
    ],
  },
  {
    name: 'a report: statements with a phrase between speaker and verb (某某在讲话中指出) are its points',
    format: 'text',
    input: [
      '推进会在江岸县召开',
      '6月10日，全市基层治理现场推进会在江岸县召开。市委副书记周文澜出席会议并讲话。',
      '周文澜在讲话中指出，基层是社会治理的基础和重心，必须把更多资源下沉到基层，更好提供精准化服务。',
      '周文澜强调，要健全网格化管理体系，做到小事不出网格、大事不出社区。',
      '周文澜要求，要加强社区工作者队伍建设，切实为基层减负赋能。',
    ].join('\n\n'),
    outline: [
      'L1 lead 周文澜在讲话中指出 基层是社会治理的基础和重心，必须把更多资源下沉到基层，更好提供精准化服务',
      'L1 lead 周文澜强调 要健全网格化管理体系，做到小事不出网格、大事不出社区',
      'L1 lead 周文澜要求 要加强社区工作者队伍建设，切实为基层减负赋能',
    ],
  },
  {
    name: 'PDF text: a doubled bold headline block (kicker, title, deck) printed after the body',
    format: 'text',
    input: [
      '本报讯 6月10日，市长周文澜主持召开全市防汛工作会议，部署当前防汛重点工作。',
      '周文澜指出，当前已进入主汛期，各级各部门要时刻绷紧防汛这根弦，坚决克服麻痹思想。',
      '周文澜强调，要加强雨情水情监测预警，做到预警到户、提醒到人，确保群众安全。',
      '周文澜在全市防汛周文澜在全市防汛工作会议上强调工作会议上强调',
      '绷紧防汛这根弦绷紧防汛这根弦\n守牢安全度汛底线守牢安全度汛底线',
      '副市长林海出席副市长林海出席',
    ].join('\n\n'),
    title: '绷紧防汛这根弦守牢安全度汛底线',
    outline: [
      'L1 lead 周文澜指出 当前已进入主汛期，各级各部门要时刻绷紧防汛这根弦，坚决克服麻痹思想',
      'L1 lead 周文澜强调 要加强雨情水情监测预警，做到预警到户、提醒到人，确保群众安全',
    ],
  },
  {
    name: 'a subheading printed on two standalone lines is one heading; a source credit is furniture',
    format: 'markdown',
    input: [
      '# 让办事更省心',
      A,
      '流程再造',
      '让企业开办更便捷',
      B,
      '数据共享',
      '让证明材料少提交',
      C,
      '（数据来源：市政务服务管理局）',
    ].join('\n\n'),
    outline: ['L1 heading - 流程再造让企业开办更便捷', 'L1 heading - 数据共享让证明材料少提交'],
  },
  {
    name: 'an unnumbered 引言/结语 among 一、二、 headings belongs to their layer',
    format: 'markdown',
    input: [
      '# 产业园建设的实践与启示',
      '**引  言**',
      A,
      '**一、基本情况**',
      B,
      '**二、主要做法**',
      C,
      '**结  语**',
      A,
    ].join('\n\n'),
    outline: [
      'L1 heading - 引言',
      'L1 heading 一 基本情况',
      'L1 heading 二 主要做法',
      'L1 heading - 结语',
    ],
  },
  {
    name: 'a lone subheading of two parallel phrases in a slice; a repeated citation formula is quotation',
    format: 'text',
    input: [
      A,
      '建好实训基地，让技能人才成长有舞台',
      '市里印发的《技能人才培养行动方案》提出：“到2027年，每个县都要建成一所高水平实训基地。”各地利用闲置校舍改建实训场地。',
      '基地建成后，还要解决师资不足的问题，一些县的实训课程开不齐。',
      '市里印发的《技能人才培养行动方案》要求：“实训基地要做到有师资、有设备、有订单。”为此，各县与企业共建共管实训基地。',
    ].join('\n\n'),
    outline: ['L1 heading - 建好实训基地，让技能人才成长有舞台'],
  },
  {
    name: 'a plain subheading of 33–45 characters; a deck of two sentences or one ending on a dash is none',
    format: 'markdown',
    input: [
      '# 推进县域医共体建设',
      '创新，鼓励“一花独放”，更喜“满园春色”。推进医改，尤其离不开系统思维',
      '一段时间以来，有关医共体建设的好消息接踵而至——',
      A,
      '坚持系统谋划、统筹推进，把县域医共体建设作为深化医改的重要抓手来推进',
      B,
      '坚持资源下沉、能力提升，让群众在家门口就能看得上病看得好病看得起病',
      C,
    ].join('\n\n'),
    outline: [
      'L1 heading - 坚持系统谋划、统筹推进，把县域医共体建设作为深化医改的重要抓手来推进',
      'L1 heading - 坚持资源下沉、能力提升，让群众在家门口就能看得上病看得好病看得起病',
    ],
  },
  {
    name: 'not an essay: a regulation’s articles (第一条…) give only its chapters',
    format: 'text',
    input: [
      '社区议事协商规则',
      '第一章　总则',
      '第一条　为规范社区议事协商活动，保障居民依法参与社区事务，制定本规则。',
      '第二条　本规则适用于本市城市社区的议事协商活动。',
      '第二章　议事程序',
      '第三条　议事事项由居民委员会征集，经初步审查后提交议事会讨论。',
      '第四条　议事会讨论议事事项时，应当听取居民代表的意见：（一）涉及居民切身利益的；（二）需要居民分担费用的；（三）其他重大事项。',
    ].join('\n\n'),
    outline: ['L1 heading - 第一章总则', 'L1 heading - 第二章议事程序'],
  },
  {
    name: 'not an essay: a table of contents at the top gives no nodes, the chapters below do',
    format: 'text',
    input: [
      '县域发展研究报告',
      '目录：',
      '导言',
      '第一章　发展历程',
      '第二章　实践路径',
      '结语',
      '导言',
      A,
      '第一章　发展历程',
      B,
      '第二章　实践路径',
      C,
      '结语',
      A,
    ].join('\n\n'),
    outline: [
      'L1 heading - 导言',
      'L1 heading - 第一章发展历程',
      'L1 heading - 第二章实践路径',
      'L1 heading - 结语',
    ],
  },
  {
    name: 'a work report: page controls, title, dateline and speaker give no nodes; a glossary after it none',
    format: 'text',
    input: [
      '下载',
      '打印',
      '【字号：',
      '加大',
      '还原',
      '减小',
      '】',
      '2026年江岸市政府工作报告',
      '——2026年1月20日在江岸市第十届人民代表大会第五次会议上',
      '来源：江岸日报',
      '江岸市市长周文澜',
      '各位代表：',
      '一、2025年工作回顾',
      A,
      '二、2026年重点工作',
      B,
      '名词解释',
      '1.“四上”企业：',
      '指达到一定规模、资质或限额的法人单位。',
      '2.“双一流”：',
      '指世界一流大学和一流学科。',
    ].join('\n\n'),
    title: '2026年江岸市政府工作报告',
    outline: ['L1 heading 一 2025年工作回顾', 'L1 heading 二 2026年重点工作'],
  },
  {
    name: '申论: the prompt (material, task, 要求 and its numbered lines) and the commentary after the essay give no nodes',
    format: 'text',
    input: [
      '某市近年来大力推进社区治理创新，涌现出一批好做法。',
      '请结合给定资料，以“社区治理”为主题，自拟题目，写一篇议论文。',
      '要求：',
      '1.观点明确，联系实际；',
      '2.结构完整，语言流畅；',
      '3.字数1000字左右。',
      '让社区治理更有温度',
      A,
      '社区治理要聚焦群众需求。把居民最关心的事情摆在首位，一件一件办好，让群众看到实实在在的变化。',
      '社区治理要激发居民参与。搭建议事平台，引导居民有序参与公共事务，形成共建共治共享的格局。',
      '【名师点评】本文结构清晰，论点鲜明，论证充分。',
    ].join('\n\n'),
    title: '让社区治理更有温度',
    outline: ['L1 lead - 社区治理要聚焦群众需求', 'L1 lead - 社区治理要激发居民参与'],
  },
  {
    name: 'role sentences inside a paragraph (X是前提。Y是保障，…；) are points',
    format: 'text',
    input: [
      A,
      '破解停车难题，需要多方合力。完善停车设施是前提。只有合理规划停车位，才能从根本上缓解供需矛盾。加强执法管理是保障，对乱停乱放行为依法处罚；对文明停车的车主给予表扬。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 inline - 完善停车设施是前提',
      'L1 inline - 加强执法管理是保障，对乱停乱放行为依法处罚',
    ],
  },
  {
    name: 'sentences opening alike inside one paragraph, each followed by its elaboration',
    format: 'text',
    input: [
      A,
      '推进社区书房建设意义重大。这是满足群众精神文化需求的重要举措。城市居民对阅读空间的需求日益增长。这是提升城市文明程度的有效途径。书香浸润能够涵养市民的文明素养。这是繁荣社区文化生活的现实需要。社区书房把居民从屏幕前吸引到书架旁。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 inline - 这是满足群众精神文化需求的重要举措',
      'L1 inline - 这是提升城市文明程度的有效途径',
      'L1 inline - 这是繁荣社区文化生活的现实需要',
    ],
  },
  {
    name: 'a preposition’s clauses or an address repeated inside a paragraph are prose',
    format: 'text',
    input: [
      A,
      '学校今年办了不少实事。为改善教师办公条件，办公室全部更换了桌椅。为改善学生住宿条件，宿舍安装了纱窗。为改善校园通行条件，把部分绿地改成了石板路。',
      '孩子们，这个世界需要你们自己去闯。孩子们太辛苦了！孩子们，成长的路要一步一步走。',
      B,
    ].join('\n\n'),
    outline: [],
  },
  {
    name: 'two-phrase sub-leads inside one paragraph (加强系统谋划，凝聚工作合力。)',
    format: 'text',
    input: [
      A,
      '推进这项工作，要在机制上下功夫。加强系统谋划，凝聚工作合力。各部门要明确分工、压实责任。完善评价机制，确保典型立得住。评选标准要公开透明。创新传播方式，提升感染力。要善用新媒体讲好身边故事。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 inline - 加强系统谋划，凝聚工作合力',
      'L1 inline - 完善评价机制，确保典型立得住',
      'L1 inline - 创新传播方式，提升感染力',
    ],
  },
  {
    name: 'standalone one-sentence blocks closed by 。 heading the paragraphs after them, siblings of one form',
    format: 'markdown',
    input: [
      '# 以创新突破带动发展突围',
      A,
      '锚定自主创新，既打攻坚战，也打持久战，一张蓝图绘到底。',
      B,
      '坚持因地制宜，既锻长板，也补短板，解决“卡脖子”难题。',
      C,
      '激发协同效应，既独立作战，也系统集成，集中力量办大事。',
      A,
      '这是一个转折。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 heading - 锚定自主创新，既打攻坚战，也打持久战，一张蓝图绘到底',
      'L1 heading - 坚持因地制宜，既锻长板，也补短板，解决“卡脖子”难题',
      'L1 heading - 激发协同效应，既独立作战，也系统集成，集中力量办大事',
    ],
  },
  {
    name: 'bold lines of sentences are a layer below bold phrase headings',
    format: 'html',
    input: page(
      [
        '<h1>追求高质量发展</h1>',
        p(A!),
        '<p><b>洲滩芦苇：“荒野弃儿”变“资源宠儿”</b></p>',
        '<p><b>政绩观体现发展观。新时代政绩观是落实新发展理念的政绩观</b></p>',
        p(B!),
        '<p><b>垃圾填埋场：“邻避困局”成“挽臂同行”</b></p>',
        '<p><b>政绩观连着群众观。新时代政绩观是坚持以人民为中心的政绩观</b></p>',
        p(C!),
      ].join(''),
    ),
    outline: [
      'L1 heading - 洲滩芦苇：“荒野弃儿”变“资源宠儿”',
      '  L2 heading - 政绩观体现发展观。新时代政绩观是落实新发展理念的政绩观',
      'L1 heading - 垃圾填埋场：“邻避困局”成“挽臂同行”',
      '  L2 heading - 政绩观连着群众观。新时代政绩观是坚持以人民为中心的政绩观',
    ],
  },
  {
    name: 'inline topic frames after a connective (比如，在X方面，…)',
    format: 'text',
    input: [
      A,
      '这一思想继承和发展了优秀传统文化。比如，在文化功能方面，传统文化强调“文以载道”。在文化精神方面，传统文化推崇“先天下之忧而忧”的担当。在文化修养方面，传统文化强调“修身齐家”的自律。',
      B,
    ].join('\n\n'),
    outline: [
      'L1 inline - 在文化功能方面，传统文化强调“文以载道”',
      'L1 inline - 在文化精神方面，传统文化推崇“先天下之忧而忧”的担当',
      'L1 inline - 在文化修养方面，传统文化强调“修身齐家”的自律',
    ],
  },
  {
    name: 'targets set by year (到2027年，… / 到2035年，…) are parallel leads',
    format: 'text',
    input: [
      A,
      '到2027年，全市社区嵌入式服务设施覆盖率达到百分之八十，群众办事不出社区。',
      B,
      '到2035年，全面建成高质量的社区服务体系，城乡居民共享便利可及的公共服务。',
      C,
    ].join('\n\n'),
    outline: [
      'L1 lead - 到2027年，全市社区嵌入式服务设施覆盖率达到百分之八十，群众办事不出社区',
      'L1 lead - 到2035年，全面建成高质量的社区服务体系，城乡居民共享便利可及的公共服务',
    ],
  },
  {
    name: 'an inspection report: reporting statements inside paragraphs (…调研。他强调，…) are its points',
    format: 'text',
    input: [
      '本报讯 6月10日至11日，省长周文澜在江岸市调研。他强调，要坚持以人民为中心，把惠民生的事办实办好。',
      '周文澜先后来到社区服务中心和产业园区，详细了解民生服务和企业生产情况。周文澜指出，要持续优化营商环境，帮助企业解决实际困难。',
      '省政府秘书长林海参加调研。',
    ].join('\n\n'),
    outline: [
      'L1 inline 他强调 要坚持以人民为中心，把惠民生的事办实办好',
      'L1 inline 周文澜指出 要持续优化营商环境，帮助企业解决实际困难',
    ],
  },
];
