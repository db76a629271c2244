/** Reads and checks a backup file. */
import { isDateString, articleProblem } from './is-article.ts';
import { highlightProblem } from './is-highlight.ts';
import { sitePrefsProblem } from './site-prefs.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type Backup,
  type BackupResult,
  type SitePrefsRow,
} from './format.ts';
import { isRec, type Rec } from './checks.ts';

const problem = (...args: ConstructorParameters<typeof BackupError>) => new BackupError(...args);

/** What a JSON value is, for a message about a foreign file. */
function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a JSON array';
  if (v === null) return 'JSON null';
  if (typeof v !== 'object') return `a JSON ${typeof v}`;
  const f = (v as Rec).format;
  return typeof f === 'string' ? `a "${f}" file` : 'a JSON object without a "format" field';
}

/** Longest id quoted in a message, in characters. */
const QUOTED_ID = 80;

/**
 * How a message names a row besides its index: ` (id "…")` when the row has
 * a usable `key` (shortened to {@link QUOTED_ID} characters), else nothing.
 */
function rowName(row: unknown, key: 'id' | 'site'): string {
  const v = isRec(row) ? row[key] : undefined;
  if (typeof v !== 'string' || v === '') return '';
  const short = v.length > QUOTED_ID ? `${v.slice(0, QUOTED_ID)}…` : v;
  return ` (${key} ${JSON.stringify(short)})`;
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
    if (p)
      return problem(
        'invalid-article',
        `Article at index ${i}${rowName(a, 'id')} is invalid: ${p}.`,
        i,
      );
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
    if (p)
      return problem(
        'invalid-highlight',
        `Highlight at index ${i}${rowName(h, 'id')} is invalid: ${p}.`,
        i,
      );
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
      const p = sitePrefsProblem(r);
      if (p)
        return problem(
          'invalid-site-prefs',
          `Site preferences at index ${i}${rowName(r, 'site')} are invalid: ${p}.`,
          i,
        );
      const site = (r as SitePrefsRow).site;
      if (sites.has(site))
        return problem(
          'duplicate-id',
          `Site preferences at index ${i} repeat the site ${JSON.stringify(site)}.`,
          i,
        );
      sites.add(site);
    }
    return null;
  }
}

/**
 * Parses a file offered as a backup and checks every row. Rejects, with a
 * specific message: text that is not JSON; JSON that is no Gangmu backup; a
 * version newer than this code reads; a missing list; an invalid article,
 * highlight or site-preferences row (is-article.ts, is-highlight.ts,
 * site-prefs.ts: a field of the wrong type or out of range, a field the
 * schema does not have, a prototype key), named by its index, id and field;
 * a duplicate article, highlight or site; a highlight whose article is not in
 * the file. One bad row refuses the whole file. Never throws.
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
  // Only the members a backup has: any other top-level member is left behind.
  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: file.version,
      exportedAt: file.exportedAt as string,
      articles: file.articles as Backup['articles'],
      highlights: file.highlights as Backup['highlights'],
      ...(file.sitePrefs !== undefined ? { sitePrefs: file.sitePrefs as SitePrefsRow[] } : {}),
    },
  };
}
