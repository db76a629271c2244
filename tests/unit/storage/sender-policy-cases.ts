/**
 * What a page's content script may ask the background (background/sender-policy.ts):
 * [why, request, page URL, allowed]. The page is a victim.github.io essay
 * unless the row says otherwise; ARTICLE-like rows use the fixtures' draft.
 */
import type { Request } from '@/protocol/messages';
import { draft, highlight } from './fixtures';

const VICTIM = 'https://victim.github.io/essay.html';
const EVIL = 'https://evil.github.io/copy.html';
const victimDraft = draft({ id: VICTIM, url: VICTIM, site: 'victim.github.io' });

export const PAGE_POLICY_CASES: ReadonlyArray<readonly [string, Request, string, boolean]> = [
  ['its own article', { type: 'get-article', articleId: VICTIM }, VICTIM, true],
  [
    "another host's article under the same two labels",
    { type: 'get-article', articleId: VICTIM },
    EVIL,
    false,
  ],
  [
    'an article of its origin named by a canonical link',
    { type: 'get-article', articleId: 'https://victim.github.io/canonical.html' },
    VICTIM,
    true,
  ],
  ['a pasted article', { type: 'get-article', articleId: 'paste:0123456789abcdef' }, VICTIM, false],
  [
    'a highlight on its own article',
    { type: 'put-highlight', highlight: highlight('h1', VICTIM), article: victimDraft },
    VICTIM,
    true,
  ],
  [
    "a highlight on another origin's article",
    { type: 'put-highlight', highlight: highlight('h1', VICTIM), article: victimDraft },
    EVIL,
    false,
  ],
  [
    'a highlight keyed to another origin under its own draft',
    {
      type: 'put-highlight',
      highlight: highlight('h1', VICTIM),
      article: draft({ id: EVIL, url: EVIL, site: 'evil.github.io' }),
    },
    EVIL,
    false,
  ],
  [
    "its own key with another origin's address",
    { type: 'save-article', article: draft({ id: EVIL, url: VICTIM, site: 'evil.github.io' }) },
    EVIL,
    false,
  ],
  ['saving its own article', { type: 'save-article', article: victimDraft }, VICTIM, true],
  [
    "deleting another origin's highlight",
    { type: 'delete-highlight', articleId: VICTIM, id: 'h1' },
    EVIL,
    false,
  ],
  [
    'deleting its own highlight',
    { type: 'delete-highlight', articleId: VICTIM, id: 'h1' },
    VICTIM,
    true,
  ],
  [
    'reporting a count with its own key',
    { type: 'outline-found', count: 3, title: 't', essay: true, articleId: VICTIM },
    VICTIM,
    true,
  ],
  [
    "reporting a count with another origin's key (the saved mark would leak)",
    { type: 'outline-found', count: 3, title: 't', essay: true, articleId: VICTIM },
    EVIL,
    false,
  ],
  ['its highlight count', { type: 'report-highlights', count: 2 }, EVIL, true],
  ['opening the library', { type: 'open-library' }, EVIL, true],
  [
    "its own site's preferences",
    { type: 'get-site-prefs', site: 'victim.github.io' },
    VICTIM,
    true,
  ],
  ["another site's preferences", { type: 'get-site-prefs', site: 'victim.github.io' }, EVIL, false],
  [
    'ticking "always open" for another site',
    { type: 'set-site-prefs', site: 'victim.github.io', prefs: { alwaysOpen: true } },
    EVIL,
    false,
  ],
  [
    'a file page: its own preferences',
    { type: 'get-site-prefs', site: 'file:' },
    'file:///tmp/essay.html',
    true,
  ],
  ['the library list', { type: 'list-articles' }, VICTIM, false],
  ['the facets', { type: 'list-facets' }, VICTIM, false],
  ['a search', { type: 'search', query: '笔记' }, VICTIM, false],
  ['a tab status', { type: 'get-tab-status', tabId: 1 }, VICTIM, false],
  [
    'a note edit, even on its own article',
    { type: 'update-note', articleId: VICTIM, id: 'h1', note: 'x' },
    VICTIM,
    false,
  ],
  [
    'tags, even on its own article',
    { type: 'set-tags', articleId: VICTIM, tags: [] },
    VICTIM,
    false,
  ],
  [
    'deleting an article, even its own',
    { type: 'delete-article', articleId: VICTIM },
    VICTIM,
    false,
  ],
  ['a backup', { type: 'export-backup' }, VICTIM, false],
  ['a backup page', { type: 'export-backup-rows', table: 'articles', limit: 10 }, VICTIM, false],
  ['an export', { type: 'export-articles', ids: [VICTIM] }, VICTIM, false],
  ['a restore', { type: 'import-backup', text: '{}', mode: 'replace' }, VICTIM, false],
  ['how far a restore has come', { type: 'import-progress' }, VICTIM, false],
  [
    'a restore part',
    { type: 'import-backup-part', upload: 'u', index: 0, text: '{}' },
    VICTIM,
    false,
  ],
  [
    'rows put back',
    { type: 'restore-rows', article: null, highlights: [] } as unknown as Request,
    VICTIM,
    false,
  ],
];
