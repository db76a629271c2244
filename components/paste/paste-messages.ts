import type { SidebarMessage } from '../sidebar/sidebar-messages.ts';

/** The i18n message names of the paste page (public/_locales/{zh_CN,en}/messages.json). */
export type PasteMessage =
  | 'pasteTitle'
  | 'pasteHeading'
  | 'pasteIntro'
  | 'pastePlaceholder'
  | 'pasteChooseFile'
  | 'pasteOutline'
  | 'pasteEmpty'
  | 'pasteNotText'
  | 'pasteReadError'
  | 'pasteFileRead'
  | 'pasteWorking'
  | 'pasteFound'
  | 'pasteKeep'
  | 'pasteSelectAll'
  | 'pasteSelectNone'
  | 'pasteNoneKept'
  | 'pasteChars'
  | 'pasteArticles'
  | 'pasteSave'
  | 'pasteSaved'
  | 'pasteSaveFailed'
  | 'pasteNew'
  | 'pasteOpenLibrary'
  | 'pasteReader'
  | 'pasteNoOutline'
  | 'pasteOpening'
  | 'pasteNotInLibrary'
  | 'pasteNoSourceText';

/** Looks a message up; the paste page also shows the sidebar's outline and highlight components. */
export type PasteTranslate = (
  name: PasteMessage | SidebarMessage,
  substitutions?: string[],
) => string;
