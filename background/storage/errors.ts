/**
 * Expected storage failures, with a code the UI can word itself
 * ({@link ErrorCode}) and a readable message for when it does not.
 */
import type { ErrorCode } from '../../protocol/messages.ts';

/** A failure the reader should be told about, with its {@link ErrorCode}. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of a full storage: both languages, as the background has no UI locale. */
export const QUOTA_MESSAGE =
  '存储空间已满，这次的更改没有保存；之前保存的内容都还在。请删除一些文章或导出备份后再试。' +
  ' Storage is full: this change was not saved, and everything saved before is intact.' +
  ' Delete some articles or export a backup, then try again.';

/**
 * True when `err` is, or was caused by, IndexedDB running out of space.
 * Browsers raise a DOMException named QuotaExceededError; Dexie wraps it in
 * its own QuotaExceededError or in an AbortError whose `inner` holds it.
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

/** Turns a quota failure into a {@link StorageError}; anything else is returned as it is. */
export function asStorageError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  if (isQuotaError(err)) return new StorageError('quota-exceeded', QUOTA_MESSAGE, { cause: err });
  return err;
}
