/** Per-site sidebar preferences, with defaults for sites never set. */
import type { GangmuDB, SitePrefsRow } from '../db/schema.ts';
import { DEFAULT_SITE_PREFS, isPartialSitePrefs, type SitePrefs } from '../../protocol/messages.ts';

/** Defaults overlaid by what a stored row holds; a malformed old row counts as none. */
function fromRow(row: SitePrefsRow | undefined): SitePrefs {
  const prefs: SitePrefs = { ...DEFAULT_SITE_PREFS };
  if (!row) return prefs;
  const { site: _site, ...stored } = row;
  return isPartialSitePrefs(stored) ? { ...prefs, ...stored } : prefs;
}

export async function getSitePrefs(db: GangmuDB, site: string): Promise<SitePrefs> {
  return fromRow(await db.sitePrefs.get(site));
}

/** Merges `prefs` into the site's preferences (read and write in one transaction). */
export async function setSitePrefs(
  db: GangmuDB,
  site: string,
  prefs: Partial<SitePrefs>,
): Promise<SitePrefs> {
  return db.transaction('rw', db.sitePrefs, async () => {
    const merged: SitePrefs = { ...fromRow(await db.sitePrefs.get(site)), ...prefs };
    await db.sitePrefs.put({ site, ...merged });
    return merged;
  });
}
