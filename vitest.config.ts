import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser test needs Debian's chromium: `npm run test:browser` (vitest.browser.config.ts), run by .ci/run.
    exclude: [...configDefaults.exclude, 'tests/browser/**'],
    // Tests that spawn bin/syndicate.js run the built CLI, rebuilt here when a source is newer.
    globalSetup: ['tests/support/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests each start their own emulators on random ports; two cores suit two workers.
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
