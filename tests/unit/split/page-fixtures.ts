/**
 * Original fixtures written for these tests (no corpus text): short essays in
 * the governance style, and an e-paper page made by concatenating them with
 * headlines, □ bylines, 本报记者 lines, datelines, author notes and page
 * furniture.
 */

export interface FixtureArticle {
  title: string;
  author: string | null;
  /** The article as printed: head lines then body. */
  text: string;
}

export const commentary: FixtureArticle = {
  title: '把调查研究作为基本功',
  author: '张磊',
  text: `把调查研究作为基本功
□ 张磊
调查研究是谋事之基、成事之道。没有调查，就没有发言权，更没有决策权。一些干部习惯于坐在办公室里看材料、听汇报，对基层的真实情况若明若暗，拿出的办法自然难以落地。
做好调查研究，关键在于沉下去。要多到困难多、矛盾多的地方去，听真话、察实情，把情况摸清、把问题找准，真正做到心中有数。
调查研究的成果，最终要体现在解决问题上。要把调研中发现的问题列出清单、明确责任、限时解决，让群众看到实实在在的变化。
（作者单位：某县委党校）`,
};

export const news: FixtureArticle = {
  title: '基层减负让干部有更多时间抓落实',
  author: '王乐文、方敏',
  text: `基层减负让干部有更多时间抓落实
本报记者 王乐文 方敏
今年以来，各地持续精简文件会议，清理规范各类考核评比，基层干部从填表报数中解脱出来，把更多精力用在为群众办实事上。
在某市，过去社区每月要报送的各类台账有二十多种，如今整合为一张表，数据一次采集、多方共享。社区书记说，现在每天能多出两个小时走访居民。
有关负责同志表示，下一步将建立减负常态化机制，防止形式主义问题反弹回潮。`,
};

export const dateline: FixtureArticle = {
  title: '数字乡村建设迈出新步伐',
  author: '刘晓',
  text: `数字乡村建设迈出新步伐
本报杭州5月9日电（记者 刘晓）记者从省农业农村厅获悉，全省已建成数字乡村试点县三十个，农村宽带接入用户持续增长，农产品网络零售额同比增长百分之十五。
试点地区依托数字平台推进村务公开、矛盾调解和便民服务，村民办事少跑腿，乡村治理效能明显提升。`,
};

export const collective: FixtureArticle = {
  title: '以钉钉子精神抓好各项任务落实',
  author: '本报评论员',
  text: `以钉钉子精神抓好各项任务落实
本报评论员
一分部署，九分落实。再好的蓝图，不抓落实也只是一纸空文。抓落实贵在持之以恒，一锤接着一锤敲，一茬接着一茬干，不达目的不罢休。
抓落实要敢于较真碰硬。对看准了的事情，要拿出真抓的实劲、敢抓的狠劲、善抓的巧劲，盯住不放、一抓到底，确保各项任务落地见效。`,
};

/** Furniture printed at the top of an e-paper page. */
export const pageTop = `2024年5月10日 星期五
第5版
评论`;
/** Furniture printed at the bottom. */
export const pageBottom = `责任编辑：李明
电话：010-12345678`;

/** The page: furniture, four articles, furniture. */
export const page = [
  pageTop,
  commentary.text,
  news.text,
  dateline.text,
  collective.text,
  pageBottom,
].join('\n');

/** One essay with subheadings and its author note: must stay one article. */
export const essay: FixtureArticle = {
  title: '在基层治理中践行群众路线',
  author: '陈国阳',
  text: `在基层治理中践行群众路线
陈国阳
基层是党联系群众的最前沿。推进基层治理现代化，必须始终坚持群众路线，把群众的所思所盼作为工作的出发点和落脚点。
一、坚持问题导向
要从群众反映最强烈的问题入手，聚焦就业、教育、医疗、养老等民生关切，一件一件抓落实，一年接着一年干。
二、健全议事协商机制
要完善村（居）民议事会、协商恳谈会等制度，让群众的事由群众商量着办，做到大家的事大家议、大家办。
三、锤炼过硬干部队伍
要引导干部走进群众、了解群众、依靠群众，在服务群众中增长才干，在解决难题中提升本领。
（作者为某市民政局党组书记）`,
};

/** An essay whose title and byline are printed after the body, as some PDFs order them. */
export const titleAfterBody = `坚持把学习贯彻落实作为首要政治任务，结合实际细化举措，确保各项部署在本地区落地生根。要加强统筹协调，形成工作合力。
要压实工作责任，建立任务台账，定期调度推进，对工作不力的及时督促整改，推动各项工作取得实效。
以实干实绩推动高质量发展
□ 周明`;
