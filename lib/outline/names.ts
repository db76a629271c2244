/**
 * Personal names in bylines. A byline is mostly a bare name (张磊, 李 凤 利,
 * 王乐文、方敏); the common surnames below cover the great majority of Chinese
 * people and keep words such as 结语 or 引言 from passing for names.
 */

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习栗逄逢郗眭仉芈禚佴郦咸籍蔚暴巢昌钭郏荀琚鄂阎綦亢',
]);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '夏侯',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '端木',
  '西门',
  '南宫',
];

/** Words of two to four characters that begin with a surname character but are no names. */
const NOT_NAMES = new Set([
  '结语',
  '引言',
  '前言',
  '摘要',
  '总结',
  '附录',
  '注释',
  '后记',
  '序言',
  '正文',
  '全文',
  '原文',
  '图片',
  '视频',
  '编者按',
  '本报讯',
  '综上所述',
  '总而言之',
]);

/** True when `s` (whitespace removed) looks like one Chinese personal name. */
export function isPersonName(s: string): boolean {
  const t = s.replace(/[\s\u3000·•]/g, '');
  if (t.length < 2 || t.length > 4 || !/^[\u4e00-\u9fff]+$/.test(t) || NOT_NAMES.has(t))
    return false;
  if (COMPOUND_SURNAMES.some((c) => t.startsWith(c))) return t.length >= 3;
  // Four characters with a one-character surname are rarely a name and often a label (宁夏要闻).
  return t.length <= 3 && SURNAMES.has(t[0] ?? '');
}

/**
 * The names in a byline such as `王乐文、方敏` or `李 凤 利` (space-separated
 * single characters are one name), or null when it is not a list of names.
 */
export function parseNames(s: string): string[] | null {
  const trimmed = s.trim();
  // Space-separated single characters: one spaced-out name (李 凤 利, 蒋 明).
  if (/^[\u4e00-\u9fff](?:[\s\u3000]+[\u4e00-\u9fff]){1,3}$/.test(trimmed)) {
    const joined = trimmed.replace(/[\s\u3000]+/g, '');
    return isPersonName(joined) ? [joined] : null;
  }
  const tokens = trimmed.split(/[、，,\s\u3000]+/).filter(Boolean);
  // 王乐文  方  敏: consecutive single characters are one spaced-out name.
  const parts: string[] = [];
  for (const tok of tokens) {
    const prev = parts[parts.length - 1];
    if (tok.length === 1 && prev !== undefined && prev.length === 1)
      parts[parts.length - 1] = prev + tok;
    else parts.push(tok);
  }
  if (parts.length === 0 || parts.length > 6) return null;
  return parts.every(isPersonName) ? parts : null;
}

/**
 * Splits names written together after normalisation removed the spaces
 * between them (本报记者 王乐文 方敏 → 王乐文方敏): parts of three, then two,
 * characters, each opening with a surname. Null when no such split exists.
 */
export function splitJoinedNames(s: string): string[] | null {
  if (s.length < 4 || s.length > 12 || !/^[\u4e00-\u9fff]+$/.test(s)) return null;
  const split = (rest: string): string[] | null => {
    if (rest.length === 0) return [];
    for (const len of [3, 2]) {
      if (rest.length < len) continue;
      const head = rest.slice(0, len);
      if (!isPersonName(head)) continue;
      const tail = split(rest.slice(len));
      if (tail) return [head, ...tail];
    }
    return null;
  };
  const parts = split(s);
  return parts && parts.length >= 2 ? parts : null;
}
