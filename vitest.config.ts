import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    // Tests run as an extension page would: the progress database refuses any other origin.
    environmentOptions: { happyDOM: { url: 'chrome-extension://pas-a-pas-tests/test.html' } },
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Some tests drive a real background, a database or Chromium: a busy machine must not fail them.
    testTimeout: 20_000,
  },
});
