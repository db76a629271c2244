/** Pages for the quick essay check: HTML bodies and the expected verdict. */

/** About `n` characters of plain Chinese prose without structure. */
export function prose(n: number): string {
  const s =
    '基层治理是国家治理的基石，统筹推进乡镇街道和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。';
  return s.repeat(Math.ceil(n / s.length)).slice(0, n);
}

export interface QuickCase {
  name: string;
  body: string;
  essay: boolean;
  /** Expected estimate, when it matters. */
  estimate?: number;
}

const para = (lead: string, n = 120) => `<p>${lead}${prose(n)}</p>`;

export const QUICK_CASES: QuickCase[] = [
  {
    name: 'bold ordinal leads in <p><strong>',
    body:
      para('', 300) +
      ['一是', '二是', '三是']
        .map((m) => `<p><strong>${m}加强领导。</strong>${prose(200)}</p>`)
        .join(''),
    essay: true,
    estimate: 3,
  },
  {
    name: 'h3 subheadings with 一、 and 首先/其次/最后 paragraphs',
    body:
      para('', 200) +
      ['一、', '二、']
        .map((m) => `<h3>${m}坚持系统观念</h3>` + para('首先，') + para('其次，') + para('最后，'))
        .join(''),
    essay: true,
    estimate: 8,
  },
  {
    name: 'WeChat-like sections with inline bold spans',
    body:
      '<section>' +
      para('', 300) +
      ['（一）', '（二）', '（三）', '（四）']
        .map(
          (m) =>
            `<section><span style="font-weight: bold;">${m}筑牢根基</span><span>${prose(200)}</span></section>`,
        )
        .join('') +
      '</section>',
    essay: true,
    estimate: 4,
  },
  {
    name: 'unmarked bold leads only',
    body:
      para('', 300) +
      ['加强领导。', '压实责任。'].map((l) => `<p><b>${l}</b>${prose(200)}</p>`).join(''),
    essay: true,
    estimate: 2,
  },
  {
    name: 'plain Chinese news story without structure',
    body: [1, 2, 3, 4, 5, 6].map(() => para('', 200)).join(''),
    essay: false,
  },
  {
    name: 'structured but too short',
    body: ['一是', '二是', '三是']
      .map((m) => `<p><strong>${m}加强领导。</strong>${prose(40)}</p>`)
      .join(''),
    essay: false,
  },
  {
    name: 'English article with numbered points',
    body: ['1. ', '2. ', '3. ']
      .map(
        (m) =>
          `<p><strong>${m}First things first.</strong> ${'Lorem ipsum dolor sit amet. '.repeat(40)}</p>`,
      )
      .join(''),
    essay: false,
  },
  {
    name: 'portal: CJK subheadings alone',
    body: [1, 2, 3, 4].map((i) => `<h3>新闻标题第${i}条</h3>` + para('', 200)).join(''),
    essay: false,
  },
];

/** An inline series (首先……。其次……。最后……) inside one paragraph. */
QUICK_CASES.push({
  name: 'an inline 首先/其次/最后 series after a marked subheading',
  body:
    `<h3>一、厘清权责</h3><p>${prose(300)}。</p>` +
    `<p>首先，要厘清权责边界。${prose(100)}。其次，要强化条块协同。${prose(100)}。最后，要激发多元参与。${prose(100)}</p>`,
  essay: true,
  estimate: 4,
});
