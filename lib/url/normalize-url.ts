/**
 * The key an article is stored under: the page's address with everything that
 * names the visit rather than the page removed. Pure (no browser API).
 *
 * Two rules pull in opposite directions: a missed merge (the same essay saved
 * twice) costs a duplicate row, a wrong merge (two essays sharing one key)
 * mixes their highlights. When unsure, this keeps a part of the address.
 */
import { boundedId } from '../model.ts';

/** Query parameters that only track how the reader arrived, on every site. */
const TRACKING_EXACT = new Set([
  // Alibaba/Taobao/Youku/Bilibili position tracking ("spm=a2h0c.8166622…").
  'spm',
  // Source markers added by WeChat, Toutiao, Weibo and many news apps (from=timeline).
  'from',
  // Ad click ids: Facebook, Google, Microsoft, Yandex, TikTok, Twitter/X.
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  // Mailchimp, HubSpot, Instagram, Bilibili share source, Apple app banner.
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'igshid',
  'vd_source',
  'isappinstalled',
]);

/** Parameter prefixes that only track: utm_source…, share_token/shareid…, spm_id_from. */
const TRACKING_PREFIXES = ['utm_', 'share', 'spm_'];

/**
 * WeChat articles (mp.weixin.qq.com/s?__biz=…&mid=…&idx=…&sn=…): the article
 * is named by __biz, mid, idx and sn; the rest is the share chain and the
 * reader's session (some of it, like key/pass_ticket, is a credential that
 * must not be kept). Only applied to WeChat's host, since `scene` or `key`
 * can name content elsewhere.
 */
const WECHAT_HOSTS = new Set(['mp.weixin.qq.com']);
const WECHAT_TRACKING = new Set([
  'chksm',
  'scene',
  'subscene',
  'ascene',
  'srcid',
  'clicktime',
  'enterid',
  'sessionid',
  'exportkey',
  'pass_ticket',
  'key',
  'uin',
  'devicetype',
  'version',
  'lang',
  'nettype',
  'abtest_cookie',
  'wx_header',
  'poc_token',
  'mpshare',
  'rd2werd',
  'realreporttime',
  'countrycode',
  'fontscale',
  'fontgear',
  'platform',
]);
const WECHAT_TRACKING_PREFIXES = ['sharer_'];

function isTracking(name: string, wechat: boolean): boolean {
  const n = name.toLowerCase();
  if (TRACKING_EXACT.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p))) return true;
  return (
    wechat && (WECHAT_TRACKING.has(n) || WECHAT_TRACKING_PREFIXES.some((p) => n.startsWith(p)))
  );
}

function parseHttp(url: string, base?: string): URL | null {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null; // not a URL: callers fall back
  }
}

/**
 * The normalised form of `url`, the key of its article:
 * - a `canonical` link (absolute or relative to `url`) is used instead only
 *   when it is on the page's own origin (scheme, host and port): a page speaks
 *   only for its own origin, so a hostile page (evil.github.io naming a
 *   victim.github.io article, a sibling subdomain, an http copy of an https
 *   page) can never be given another origin's article, its highlights or its
 *   notes. The background enforces the same rule on every request from a page
 *   (background/sender-policy.ts);
 * - the fragment and any user:password are dropped;
 * - the host is lower-cased and a default port dropped (the URL parser does both);
 * - tracking parameters are dropped (above), the rest sorted by name (stable,
 *   so repeated names keep their order) and kept byte for byte;
 * - the path is kept as it is: no trailing-slash or `index.html` folding,
 *   since `/a/` and `/a/index.html` are the same page only by a server's
 *   convention, and a wrong merge mixes two essays' highlights.
 *
 * Anything that is not http(s) (file:, a bad string) is returned without its
 * fragment and otherwise unchanged.
 */
export function normalizeUrl(url: string, canonical?: string | null): string {
  return boundedId(normalized(url, canonical));
}

function normalized(url: string, canonical?: string | null): string {
  const page = parseHttp(url.trim());
  if (!page) {
    const hash = url.indexOf('#');
    return (hash < 0 ? url : url.slice(0, hash)).trim();
  }
  let u = page;
  if (canonical) {
    const c = parseHttp(canonical.trim(), page.href);
    if (c && c.origin === page.origin) u = c;
  }
  const wechat = WECHAT_HOSTS.has(u.hostname);
  const pairs = u.search
    .slice(1)
    .split('&')
    .filter((p) => p.length > 0)
    .map((raw) => {
      const eq = raw.indexOf('=');
      const encodedName = eq < 0 ? raw : raw.slice(0, eq);
      let name: string;
      try {
        name = decodeURIComponent(encodedName.replace(/\+/g, ' '));
      } catch {
        name = encodedName; // malformed escape: compare the raw name
      }
      return { raw, name };
    })
    .filter(({ name }) => !isTracking(name, wechat));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const search = pairs.length ? `?${pairs.map((p) => p.raw).join('&')}` : '';
  return `${u.protocol}//${u.host}${u.pathname}${search}`;
}

/**
 * Whether a page at `pageUrl` may read or change the article stored under
 * `articleId`: the key is on the page's own origin (http and https pages), or
 * is exactly the page's own key (any other page, such as file:). A page never
 * reaches a pasted article, another origin's article or a file's. This is
 * the rule {@link normalizeUrl} follows for canonical links, stated for a key
 * that arrives from elsewhere (a request the background checks).
 */
export function keyBelongsTo(articleId: string, pageUrl: string): boolean {
  if (!articleId || !pageUrl) return false;
  const page = parseHttp(pageUrl.trim());
  if (!page) return articleId === normalizeUrl(pageUrl);
  const key = parseHttp(articleId);
  return key !== null && key.origin === page.origin;
}
