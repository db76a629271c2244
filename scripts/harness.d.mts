// Types for harness.mjs, so TypeScript callers (tests/e2e) are checked.
import type { BrowserContext, Worker } from 'playwright-core';

export const ROOT: string;
export const CHROME_BUILD: string;
export const SAMPLE_DIR: string;
export const CHROMIUM: string;

export function runNpm(...args: string[]): void;
export function ensureChromeBuild(options?: { force?: boolean }): string;
export function missingBrowserMessage(): string | null;

export interface Served {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}
export function serveDirectory(dir: string, options?: { port?: number }): Promise<Served>;

export function extensionArgs(extensionDir: string, hosts?: readonly string[]): string[];

export interface Launched {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}
export function launchWithExtension(options: {
  extensionDir?: string;
  userDataDir: string;
  headless?: boolean;
  timeout?: number;
  /** Host names that resolve to 127.0.0.1 too. */
  hosts?: readonly string[];
}): Promise<Launched>;

export interface RecordedStatus {
  tabId: number;
  status: {
    count: number;
    title: string | null;
    url: string | null;
    essay: boolean;
    /** The engine's count, not the quick check's estimate. */
    exact: boolean;
  };
}
export function waitForTabStatus(
  serviceWorker: Worker,
  pageUrl: string,
  options?: { timeout?: number; exact?: boolean },
): Promise<RecordedStatus>;
