/**
 * lib/backup/site-prefs.ts repeats the extension's site-preference fields and
 * width bounds (lib cannot import the extension layers). These tests fail when the two part:
 * a restore must take exactly the rows `set-site-prefs` can store.
 */
import { describe, expect, it } from 'vitest';
import {
  SITE_PREFS_FIELDS,
  SITE_PREFS_WIDTH,
  sitePrefsProblem,
} from '../../../lib/backup/site-prefs.ts';
import {
  DEFAULT_SITE_PREFS,
  SIDEBAR_WIDTH,
  isPartialSitePrefs,
} from '../../../protocol/messages.ts';

describe('site preferences in a backup', () => {
  it('has the bounds of protocol/messages.ts SIDEBAR_WIDTH', () => {
    expect(SITE_PREFS_WIDTH).toEqual(SIDEBAR_WIDTH);
  });

  it('has the fields of protocol/messages.ts SitePrefs', () => {
    expect([...SITE_PREFS_FIELDS].sort()).toEqual(Object.keys(DEFAULT_SITE_PREFS).sort());
  });

  it('takes the defaults, and every row the guard of set-site-prefs takes', () => {
    expect(sitePrefsProblem({ site: 'a.cn', ...DEFAULT_SITE_PREFS })).toBeNull();
    const values: unknown[] = [
      true,
      false,
      0,
      199,
      199.99,
      200,
      360,
      360.5,
      1200,
      1200.01,
      1e9,
      -1,
      Number.NaN,
      Infinity,
      'abc',
      '400',
      'left',
      'right',
      'middle',
      null,
      [],
      {},
    ];
    for (const key of [...SITE_PREFS_FIELDS, 'fontSize', 'constructor'])
      for (const value of values) {
        const prefs = { [key]: value };
        expect(
          sitePrefsProblem({ site: 'a.cn', ...prefs }) === null,
          `${key}: ${String(value)}`,
        ).toBe(isPartialSitePrefs(prefs));
      }
  });
});
