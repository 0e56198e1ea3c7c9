import { defineConfig } from 'vitest/config';

/** `npm run test:browser`: the inspector in a real browser (Debian's chromium); not part of `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    globalSetup: ['tests/support/build-cli.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
