import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only (tests/unit). WxtVitest resolves WXT's aliases (@/, #imports)
// and replaces `browser` with WXT's in-memory fake, so extension code can be
// tested without a browser; lib/ tests do not need it but are not bothered by
// it. End-to-end tests have their own runner (npm run test:e2e).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
  },
});
