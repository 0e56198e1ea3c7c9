import { buildCli, builtCliEntry } from '../../bin/cli-build.mjs';

/**
 * vitest globalSetup: the tests that spawn `bin/syndicate.js` run the built CLI,
 * as CI and the README do, rebuilt first if a source changed since `npm ci`.
 */
export default async function setup(): Promise<void> {
  if (!builtCliEntry()) await buildCli();
}
