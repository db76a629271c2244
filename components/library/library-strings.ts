import type { SidebarMessage } from '../sidebar/sidebar-messages.ts';

/**
 * The library page's UI strings, by message name in public/_locales (zh_CN
 * default, en); the article view's text reader shows the sidebar's outline
 * and highlight components, so their strings too.
 */
export type LibraryMessage =
  | SidebarMessage
  | 'libraryTitle'
  | 'libPaste'
  | 'libraryLoading'
  | 'libraryEmpty'
  | 'libraryPlaceholderNote'
  | 'libraryPoints'
  | 'libraryHighlights'
  | 'librarySavedOn'
  | 'libraryError'
  | 'libSearch'
  | 'libSearchHint'
  | 'libSearchNone'
  | 'libSearching'
  | 'libMoreHits'
  | 'libFieldTitle'
  | 'libFieldAuthor'
  | 'libFieldOutline'
  | 'libFieldFormulation'
  | 'libFieldBody'
  | 'libFieldHighlight'
  | 'libFieldNote'
  | 'libSort'
  | 'libSortSavedAt'
  | 'libSortUpdatedAt'
  | 'libSortTitle'
  | 'libSortSite'
  | 'libOrderAsc'
  | 'libOrderDesc'
  | 'libFilterSite'
  | 'libFilterTag'
  | 'libFilterColor'
  | 'libFilterAll'
  | 'libFilterFrom'
  | 'libFilterTo'
  | 'libFilterClear'
  | 'libNoMatch'
  | 'libSelect'
  | 'libSelectAll'
  | 'libExportSelected'
  | 'libExportAll'
  | 'libExportFullText'
  | 'libExportObsidian'
  | 'libExportArticle'
  | 'libExportedArticle'
  | 'libExporting'
  | 'libBackingUp'
  | 'libRestoreReading'
  | 'libRestoreWriting'
  | 'libWorking'
  | 'libExported'
  | 'libBackup'
  | 'libBackedUp'
  | 'libRestore'
  | 'libRestoreMerge'
  | 'libRestoreReplace'
  | 'libRestoreMode'
  | 'libRestored'
  | 'libRestoreRefused'
  | 'libReplaceConfirm'
  | 'libFailed'
  | 'libOpen'
  | 'libBack'
  | 'libDelete'
  | 'libDeleted'
  | 'libUndo'
  | 'libUndone'
  | 'libOpenOriginal'
  | 'libOpenAtHighlight'
  | 'libTags'
  | 'libTagsPlaceholder'
  | 'libTagsSaved'
  | 'libNote'
  | 'libNotePlaceholder'
  | 'libNoteSaved'
  | 'libIntro'
  | 'libNoOutline'
  | 'libNoText'
  | 'libTextCut'
  | 'libReaderFrame'
  | 'libKeyboardHelp'
  | 'hlColorYellow'
  | 'hlColorGreen'
  | 'hlColorBlue'
  | 'hlColorPink'
  | 'hlColorPurple';

/** Looks a library string up, with `$1`… substitutions. */
export type LibraryT = (name: LibraryMessage, substitutions?: string[]) => string;

/** A colour's message name. */
export const COLOR_MESSAGE = {
  yellow: 'hlColorYellow',
  green: 'hlColorGreen',
  blue: 'hlColorBlue',
  pink: 'hlColorPink',
  purple: 'hlColorPurple',
} as const satisfies Record<string, LibraryMessage>;
