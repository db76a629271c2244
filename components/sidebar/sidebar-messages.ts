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
  | 'sidebarLoading'
  | 'sidebarError'
  | 'sidebarAuthor'
  | 'sidebarAffiliation'
  | 'sidebarOutline'
  | 'sidebarFormulations'
  | 'sidebarDigest'
  | 'sidebarConclusion'
  | 'sidebarShowText'
  | 'sidebarHideText'
  | 'sidebarResize';

/** Looks a message up (browser.i18n.getMessage in the extension, a table in tests). */
export type Translate = (name: SidebarMessage, substitutions?: string[]) => string;
