#!/usr/bin/env node
// The `syndicate` CLI. TypeScript sources run through tsx's loader, so the CLI
// and the Lambda bundles are built from the very same files.
import { register } from 'tsx/esm/api';

// Node 20 is this project's floor; the pinned SDK supports it, so its advance notice is noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
// Emulator sockets can keep the event loop alive for a moment after they close; the work is done.
process.exitCode = code;
setTimeout(() => process.exit(code), 50).unref();
