/** Reads and checks a backup file. */
import { isHighlight } from '../model.ts';
import { articleProblem, isDateString } from './is-article.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type Backup,
  type BackupResult,
  type JsonValue,
  type SitePrefsRow,
} from './format.ts';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (...args: ConstructorParameters<typeof BackupError>): BackupResult<never> => ({
  ok: false,
  error: new BackupError(...args),
});

/** What a JSON value is, for a message about a foreign file. */
function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a JSON array';
  if (v === null) return 'JSON null';
  if (typeof v !== 'object') return `a JSON ${typeof v}`;
  const f = (v as Rec).format;
  return typeof f === 'string' ? `a "${f}" file` : 'a JSON object without a "format" field';
}

/**
 * The first field of a highlight that `isHighlight` (lib/model.ts) rejects,
 * for the message; `isHighlight` remains the verdict.
 */
function highlightProblem(v: unknown): string | null {
  if (!isRec(v)) return 'must be an object';
  if (typeof v.id !== 'string' || v.id === '') return 'id must be a non-empty string';
  if (typeof v.articleId !== 'string') return 'articleId must be a string';
  if (!isDateString(v.createdAt)) return 'createdAt must be an ISO 8601 date';
  if (!isDateString(v.updatedAt)) return 'updatedAt must be an ISO 8601 date';
  if (!isHighlight(v)) {
    if (typeof v.note !== 'string') return 'note must be a string';
    if (!Array.isArray(v.selectors)) return 'selectors must be an array';
    if (!v.selectors.some((s) => isRec(s) && s.kind === 'quote'))
      return 'selectors must hold a quote selector';
    if (typeof v.color !== 'string') return 'color must be a string';
    return 'color or a selector is invalid';
  }
  return null;
}

function isJson(v: unknown, depth = 0): v is JsonValue {
  // Site preferences are flat; 8 levels is far beyond any real row.
  if (depth > 8) return false;
  if (v === null || ['string', 'boolean'].includes(typeof v)) return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  return isRec(v) && Object.values(v).every((x) => isJson(x, depth + 1));
}

/**
 * Parses a file offered as a backup and checks every row. Rejects, with a
 * specific message: text that is not JSON; JSON that is no Gangmu backup; a
 * version newer than this code reads; a missing list; an invalid article
 * (index and field), highlight or site-preferences row; a duplicate article,
 * highlight or site; a highlight whose article is not in the file. Never
 * throws.
 */
export function parseBackup(text: string): BackupResult<Backup> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // a BOM some editors add when re-saving
  } catch (cause) {
    const head = text.trimStart().slice(0, 1);
    const hint = head === '<' ? ' (it looks like HTML)' : head === '' ? ' (the file is empty)' : '';
    return fail('not-json', `This file is not JSON${hint}, so it is no Gangmu backup.`, undefined, {
      cause,
    });
  }
  if (!isRec(data) || data.format !== BACKUP_FORMAT)
    return fail(
      'foreign',
      `This is ${describe(data)}, not a Gangmu backup ("format": "${BACKUP_FORMAT}").`,
    );
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('malformed', 'The backup has no valid "version" (a whole number from 1).');
  if (version > BACKUP_VERSION)
    return fail(
      'newer-version',
      `This backup is version ${version}, written by a newer Gangmu; this one reads up to version ${BACKUP_VERSION}. Update Gangmu to import it.`,
    );
  if (!isDateString(data.exportedAt))
    return fail('malformed', 'The backup has no valid "exportedAt" date.');
  if (!Array.isArray(data.articles)) return fail('malformed', 'The backup has no "articles" list.');
  if (!Array.isArray(data.highlights))
    return fail('malformed', 'The backup has no "highlights" list.');

  const articleIds = new Set<string>();
  for (let i = 0; i < data.articles.length; i++) {
    const a: unknown = data.articles[i];
    const p = articleProblem(a);
    if (p) return fail('invalid-article', `Article at index ${i} is invalid: ${p}.`, i);
    const id = (a as { id: string }).id;
    if (articleIds.has(id))
      return fail('duplicate-id', `Article at index ${i} repeats the id ${JSON.stringify(id)}.`, i);
    articleIds.add(id);
  }
  const highlightIds = new Set<string>();
  for (let i = 0; i < data.highlights.length; i++) {
    const h: unknown = data.highlights[i];
    const p = highlightProblem(h);
    if (p) return fail('invalid-highlight', `Highlight at index ${i} is invalid: ${p}.`, i);
    const { id, articleId } = h as { id: string; articleId: string };
    if (highlightIds.has(id))
      return fail(
        'duplicate-id',
        `Highlight at index ${i} repeats the id ${JSON.stringify(id)}.`,
        i,
      );
    highlightIds.add(id);
    if (!articleIds.has(articleId))
      return fail(
        'missing-article',
        `Highlight at index ${i} belongs to article ${JSON.stringify(articleId)}, which is not in the backup.`,
        i,
      );
  }
  let sitePrefs: SitePrefsRow[] | undefined;
  if (data.sitePrefs !== undefined) {
    if (!Array.isArray(data.sitePrefs))
      return fail('invalid-site-prefs', 'The backup\'s "sitePrefs" is not a list.');
    const sites = new Set<string>();
    for (let i = 0; i < data.sitePrefs.length; i++) {
      const r: unknown = data.sitePrefs[i];
      if (!isRec(r) || typeof r.site !== 'string' || r.site === '' || !isJson(r))
        return fail(
          'invalid-site-prefs',
          `Site preferences at index ${i} are invalid: site must be a non-empty string and the rest plain JSON.`,
          i,
        );
      if (sites.has(r.site))
        return fail(
          'duplicate-id',
          `Site preferences at index ${i} repeat the site ${JSON.stringify(r.site)}.`,
          i,
        );
      sites.add(r.site);
    }
    sitePrefs = data.sitePrefs as SitePrefsRow[];
  }
  return {
    ok: true,
    value: {
      ...(data as unknown as Backup),
      format: BACKUP_FORMAT,
      version,
      ...(sitePrefs ? { sitePrefs } : {}),
    },
  };
}
