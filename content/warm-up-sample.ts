/**
 * A short essay of our own for the content script's warm-up (content-controller.ts):
 * the engine runs on it in a detached document at idle, so that the reader's first
 * open of the sidebar finds its code compiled. It touches the paths a real essay
 * takes: title and byline, numbered headings, bold ordinal leads long enough to need
 * word boundaries for their keys (the first `Intl.Segmenter` costs ~15 ms), set-off
 * claim leads, inline series, a repeated formulation and a conclusion.
 */
const P = (s: string) => `<p>${s}</p>`;

export const WARM_UP_HTML = [
  '<h1>以高质量发展推动乡村全面振兴</h1>',
  P('作者：某某（作者单位：某某大学马克思主义学院）'),
  P(
    '推进乡村全面振兴，是新时代做好“三农”工作的总抓手。我们要坚持“严细深实快”的工作要求，把握规律、突出重点、久久为功，推动农业强、农村美、农民富。',
  ),
  '<h3>一、坚持规划引领，科学谋划乡村发展布局</h3>',
  P(
    '<strong>一是加快完善县域国土空间规划体系，统筹城乡发展空间。</strong>坚持因地制宜、分类施策，一要摸清底数，二要明确定位，三要优化布局。',
  ),
  P(
    '<strong>二是持续推进农村人居环境整治提升行动，建设宜居宜业和美乡村。</strong>首先，抓好厕所革命；其次，治理生活污水；最后，健全长效机制。',
  ),
  P(
    '<strong>三是深入实施乡村建设行动，补齐基础设施和公共服务短板。</strong>落实“严细深实快”要求，在道路方面，推进“四好农村路”建设；在教育方面，办好乡村学校。',
  ),
  '<h3>二、坚持创新驱动，增强农业农村发展动能</h3>',
  P('强化科技支撑，就是要让科研成果走进田间地头。要加强农业关键核心技术攻关，推动种业振兴。'),
  P(
    '深化农村改革，就是要激活要素、激活市场、激活主体。要稳妥推进农村土地制度改革，发展新型农村集体经济。',
  ),
  P(
    '培育乡村人才，就是要让各类人才在乡村大施所能、大展才华。他强调，要完善人才引进机制，健全激励保障政策。',
  ),
  '<h3>三、坚持党建引领，提升乡村治理效能</h3>',
  P(
    '第一，健全党组织领导的自治、法治、德治相结合的乡村治理体系。第二，加强农村基层党组织建设。第三，推进移风易俗，培育文明乡风。',
  ),
  P('综上所述，只要我们坚持“严细深实快”，乡村全面振兴的目标就一定能够实现。'),
].join('');
