/**
 * The strict check of a site-preferences row read from a backup. The fields
 * are the extension's (protocol/messages.ts SitePrefs, checked there by
 * `isPartialSitePrefs`); lib cannot import the extension, so their names and
 * the width's bounds are repeated here, and tests/unit/backup/site-prefs.test.ts
 * fails when the two part.
 */
import { idProblem, isRec, keysProblem } from './checks.ts';

/**
 * Bounds of a sidebar's width in CSS pixels: protocol/messages.ts SIDEBAR_WIDTH,
 * the range the sidebar can be dragged to and `set-site-prefs` accepts.
 */
export const SITE_PREFS_WIDTH = { min: 200, max: 1200 } as const;

/** The preference fields a row may hold besides `site`, each optional: protocol/messages.ts SitePrefs. */
export const SITE_PREFS_FIELDS = ['alwaysOpen', 'collapsed', 'width', 'side'] as const;

const SITE_PREFS_KEYS: ReadonlySet<string> = new Set(['site', ...SITE_PREFS_FIELDS]);

/**
 * The first problem of a value that should be a site-preferences row, as
 * `field reason`, or null: `site` a non-empty string of bounded length (a
 * host name), `alwaysOpen` and `collapsed` booleans, `width` a finite
 * number within {@link SITE_PREFS_WIDTH} and `side` "left" or "right" when
 * present, and no other field.
 */
export function sitePrefsProblem(v: unknown): string | null {
  if (!isRec(v)) return 'the row must be an object';
  const keys = keysProblem(v, SITE_PREFS_KEYS, '');
  if (keys) return keys;
  const site = idProblem(v.site, 'site');
  if (site) return site;
  for (const k of ['alwaysOpen', 'collapsed'] as const)
    if (v[k] !== undefined && typeof v[k] !== 'boolean') return `${k} must be true or false`;
  const w = v.width;
  if (
    w !== undefined &&
    (typeof w !== 'number' ||
      !Number.isFinite(w) ||
      w < SITE_PREFS_WIDTH.min ||
      w > SITE_PREFS_WIDTH.max)
  )
    return `width must be a number from ${SITE_PREFS_WIDTH.min} to ${SITE_PREFS_WIDTH.max}`;
  if (v.side !== undefined && v.side !== 'left' && v.side !== 'right')
    return 'side must be "left" or "right"';
  return null;
}
