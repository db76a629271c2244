/** The i18n message names the sidebar uses (public/_locales/{zh_CN,en}/messages.json). */
export type SidebarMessage =
  | 'sidebarTitle'
  | 'sidebarClose'
  | 'sidebarCollapse'
  | 'sidebarExpand'
  | 'sidebarLevels'
  | 'sidebarLevelLabel'
  | 'sidebarCopyMarkdown'
  | 'sidebarCopied'
  | 'sidebarCopyFailed'
  | 'sidebarAlwaysOpen'
  | 'sidebarNoEssay'
  | 'sidebarNotHtml'
  | 'sidebarLoading'
  | 'sidebarError'
  | 'sidebarTooLong'
  | 'sidebarAuthor'
  | 'sidebarAffiliation'
  | 'sidebarOutline'
  | 'sidebarFormulations'
  | 'sidebarDigest'
  | 'sidebarConclusion'
  | 'sidebarShowText'
  | 'sidebarHideText'
  | 'sidebarResize'
  | 'sidebarSwitchSide'
  | 'sidebarMorePoints'
  | 'sidebarHiddenPoints'
  | 'hlToolbar'
  | 'hlColorYellow'
  | 'hlColorGreen'
  | 'hlColorBlue'
  | 'hlColorPink'
  | 'hlColorPurple'
  | 'hlNote'
  | 'hlAddNote'
  | 'hlEditNote'
  | 'hlRemove'
  | 'hlSave'
  | 'hlCancel'
  | 'hlNotePlaceholder'
  | 'hlNoteEditorFailed'
  | 'hlIntro'
  | 'hlOrphans'
  | 'hlOrphansHelp'
  | 'hlGoTo'
  | 'hlLinkOrphan'
  | 'hlLinkUnknown'
  | 'hlCount';

/** Looks a message up (browser.i18n.getMessage in the extension, a table in tests). */
export type Translate = (name: SidebarMessage, substitutions?: string[]) => string;

/**
 * `lookup` with its answers kept: the sidebar asks for the same few messages on every
 * render, and each `browser.i18n.getMessage` is a call into the browser (~4 ms of the
 * first open). Substituted messages are kept too, keyed by their substitutions.
 */
export function memoMessages(lookup: Translate): Translate {
  const known = new Map<string, string>();
  return (name, substitutions) => {
    const key = substitutions?.length ? `${name}\u0000${substitutions.join('\u0000')}` : name;
    let text = known.get(key);
    if (text === undefined) {
      text = lookup(name, substitutions);
      // Counts and titles vary without end: keep the table small.
      if (known.size < 500) known.set(key, text);
    }
    return text;
  };
}
