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

const problem = (...args: ConstructorParameters<typeof BackupError>) => new BackupError(...args);

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
 * Checks a backup's parts in file order, for {@link parseBackup} and for a
 * reader that takes the rows as they arrive: the head (format, version,
 * date), every article, then every highlight (its article must have come
 * before), then the site preferences. Each check gives the problem, or null.
 */
export class BackupChecker {
  private readonly articleIds = new Set<string>();
  private readonly highlightIds = new Set<string>();

  /** The top-level fields before the lists; `data` is the whole file's value. */
  head(data: unknown): BackupError | null {
    if (!isRec(data) || data.format !== BACKUP_FORMAT)
      return problem(
        'foreign',
        `This is ${describe(data)}, not a Gangmu backup ("format": "${BACKUP_FORMAT}").`,
      );
    const version = data.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return problem('malformed', 'The backup has no valid "version" (a whole number from 1).');
    if (version > BACKUP_VERSION)
      return problem(
        'newer-version',
        `This backup is version ${version}, written by a newer Gangmu; this one reads up to version ${BACKUP_VERSION}. Update Gangmu to import it.`,
      );
    if (!isDateString(data.exportedAt))
      return problem('malformed', 'The backup has no valid "exportedAt" date.');
    return null;
  }

  article(a: unknown, i: number): BackupError | null {
    const p = articleProblem(a);
    if (p) return problem('invalid-article', `Article at index ${i} is invalid: ${p}.`, i);
    const id = (a as { id: string }).id;
    if (this.articleIds.has(id))
      return problem(
        'duplicate-id',
        `Article at index ${i} repeats the id ${JSON.stringify(id)}.`,
        i,
      );
    this.articleIds.add(id);
    return null;
  }

  highlight(h: unknown, i: number): BackupError | null {
    const p = highlightProblem(h);
    if (p) return problem('invalid-highlight', `Highlight at index ${i} is invalid: ${p}.`, i);
    const { id, articleId } = h as { id: string; articleId: string };
    if (this.highlightIds.has(id))
      return problem(
        'duplicate-id',
        `Highlight at index ${i} repeats the id ${JSON.stringify(id)}.`,
        i,
      );
    this.highlightIds.add(id);
    if (!this.articleIds.has(articleId))
      return problem(
        'missing-article',
        `Highlight at index ${i} belongs to article ${JSON.stringify(articleId)}, which is not in the backup.`,
        i,
      );
    return null;
  }

  /** The `sitePrefs` field (undefined: absent, which is allowed). */
  sitePrefs(list: unknown): BackupError | null {
    if (list === undefined) return null;
    if (!Array.isArray(list))
      return problem('invalid-site-prefs', 'The backup\'s "sitePrefs" is not a list.');
    const sites = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const r: unknown = list[i];
      if (!isRec(r) || typeof r.site !== 'string' || r.site === '' || !isJson(r))
        return problem(
          'invalid-site-prefs',
          `Site preferences at index ${i} are invalid: site must be a non-empty string and the rest plain JSON.`,
          i,
        );
      if (sites.has(r.site))
        return problem(
          'duplicate-id',
          `Site preferences at index ${i} repeat the site ${JSON.stringify(r.site)}.`,
          i,
        );
      sites.add(r.site);
    }
    return null;
  }
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
  const fail = (error: BackupError): BackupResult<never> => ({ ok: false, error });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // a BOM some editors add when re-saving
  } catch (cause) {
    const head = text.trimStart().slice(0, 1);
    const hint = head === '<' ? ' (it looks like HTML)' : head === '' ? ' (the file is empty)' : '';
    return fail(
      problem('not-json', `This file is not JSON${hint}, so it is no Gangmu backup.`, undefined, {
        cause,
      }),
    );
  }
  const check = new BackupChecker();
  const headProblem = check.head(data);
  if (headProblem) return fail(headProblem);
  const file = data as Record<string, unknown> & { version: number };
  if (!Array.isArray(file.articles))
    return fail(problem('malformed', 'The backup has no "articles" list.'));
  if (!Array.isArray(file.highlights))
    return fail(problem('malformed', 'The backup has no "highlights" list.'));
  const rowProblem =
    file.articles.reduce<BackupError | null>((p, a, i) => p ?? check.article(a, i), null) ??
    file.highlights.reduce<BackupError | null>((p, h, i) => p ?? check.highlight(h, i), null) ??
    check.sitePrefs(file.sitePrefs);
  if (rowProblem) return fail(rowProblem);
  return {
    ok: true,
    value: {
      ...(file as unknown as Backup),
      format: BACKUP_FORMAT,
      version: file.version,
      ...(file.sitePrefs !== undefined ? { sitePrefs: file.sitePrefs as SitePrefsRow[] } : {}),
    },
  };
}
