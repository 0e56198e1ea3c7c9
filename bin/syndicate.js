#!/usr/bin/env node
// The `syndicate` CLI. It runs the build `npm ci` made (dist/cli, bin/cli-build.mjs) from the same
// TypeScript sources the Lambdas are bundled from; when that build is missing or older than a source
// (an edit since), it runs the sources through tsx's loader instead, so it never runs stale code.
import { builtCliEntry } from './cli-build.mjs';

// Node 20 is this project's floor; the pinned SDK supports it, so its advance notice is noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const built = builtCliEntry();
let main;
if (built) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
const code = await main(process.argv.slice(2));
// Emulator sockets can keep the event loop alive for a moment after they close; the work is done.
process.exitCode = code;
setTimeout(() => process.exit(code), 50).unref();
