/** The library backup: format, writer, checked reader, import merge. */
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type Backup,
  type BackupErrorKind,
  type BackupResult,
  type JsonValue,
  type LibraryData,
  type SitePrefsRow,
} from './format.ts';
export { FORBIDDEN_KEYS, MAX_ID_LENGTH, isIsoDate } from './checks.ts';
export {
  MAX_DEPTH,
  articleProblem,
  isArticle,
  isDateString,
  outlineProblem,
} from './is-article.ts';
export { highlightProblem } from './is-highlight.ts';
export { SITE_PREFS_FIELDS, SITE_PREFS_WIDTH, sitePrefsProblem } from './site-prefs.ts';
export {
  serializeBackup,
  serializeBackupParts,
  BackupWriter,
  type SerializeOptions,
} from './serialize-backup.ts';
export { BackupChecker, parseBackup } from './parse-backup.ts';
export { mergeBackup, type MergeMode, type MergePlan } from './merge-backup.ts';
