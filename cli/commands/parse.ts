import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeError } from '../../lambdas/shared/errors.ts';
import { processOffline } from '../../local/offline.ts';
import { info, writeLine } from '../output.ts';
import { expandPaths } from '../paths.ts';
import { UsageError } from '../usage-error.ts';

/** Parse, normalize and tag each document without storing or deduping; one JSON line per document. */
export async function parseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { outlet: { type: 'string', default: 'local' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('parse needs at least one PATH');
  let rejected = 0;
  for (const path of expandPaths(positionals)) {
    try {
      const result = await processOffline(readFileSync(path), { outlet: values.outlet });
      await writeLine(
        JSON.stringify({
          path,
          format: result.format,
          feed: result.feed,
          items: result.items,
          itemErrors: result.itemErrors,
        }),
      );
    } catch (error) {
      rejected++;
      await writeLine(JSON.stringify({ path, error: describeError(error) }));
    }
  }
  if (rejected > 0) info(`syndicate parse: ${rejected} document(s) rejected`);
  return rejected > 0 ? 1 : 0;
}
