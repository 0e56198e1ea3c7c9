import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OUTLET_ID } from '../../lambdas/shared/keys.ts';
import { pushDocument } from '../../local/ingest-client.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Reads the secret from a file: either the bare secret, or the JSON secrets
 * document `{ "<outletId>": "<secret>" }` that `syndicate serve --secrets` reads.
 */
export function readSecret(path: string, outlet: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    throw new UsageError(`${path}: cannot read the secret file`);
  }
  if (text.startsWith('{')) {
    let map: unknown;
    try {
      map = JSON.parse(text);
    } catch {
      throw new UsageError(`${path}: looks like JSON but does not parse`);
    }
    const secret = (map as Record<string, unknown>)[outlet];
    if (typeof secret !== 'string') throw new UsageError(`${path}: no secret for outlet "${outlet}"`);
    return secret;
  }
  if (text.length === 0) throw new UsageError(`${path}: the secret file is empty`);
  return text;
}

/** Signs a document with the outlet's secret and POSTs it; prints the endpoint's JSON answer. */
export async function pushCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      outlet: { type: 'string' },
      'secret-file': { type: 'string' },
      url: { type: 'string' },
      'content-type': { type: 'string' },
      'source-url': { type: 'string' },
      attempts: { type: 'string', default: '3' },
      kill: { type: 'string' },
      withhold: { type: 'string' },
    },
    allowPositionals: true,
  });
  const { outlet, url } = values;
  const secretFile = values['secret-file'];
  if (!outlet || !OUTLET_ID.test(outlet)) throw new UsageError(`--outlet must match ${OUTLET_ID.source}`);
  if (!secretFile) throw new UsageError('--secret-file is required');
  if (!url || !URL.canParse(url)) throw new UsageError('--url must be the endpoint URL');
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) {
    throw new UsageError('--attempts must be 1 to 10');
  }
  const killed = killRequest(values.kill, values.withhold, positionals);
  const [file, ...extra] = positionals;
  if (!killed && (!file || extra.length > 0)) throw new UsageError('push takes exactly one FILE');
  let body: Buffer;
  try {
    body = killed?.body ?? readFileSync(file as string);
  } catch {
    throw new UsageError(`${file}: cannot read the file`);
  }
  const what = killed?.what ?? file;
  const result = await pushDocument({
    ...(killed ? { method: 'DELETE' as const, contentType: 'application/json' } : {}),
    url,
    outlet,
    secret: readSecret(secretFile, outlet),
    body,
    attempts,
    ...(values['content-type'] ? { contentType: values['content-type'] } : {}),
    ...(values['source-url'] ? { sourceUrl: values['source-url'] } : {}),
  });
  await writeLine(result.body);
  if (result.status !== 202) {
    info(`syndicate push: ${what} refused with HTTP ${result.status}`);
    return 1;
  }
  info(`syndicate push: ${what} accepted (HTTP 202)`);
  return 0;
}

/** `--kill ID` / `--withhold ID`: a signed DELETE naming the outlet's earlier item (docs/pushing.md). */
function killRequest(kill: string | undefined, withhold: string | undefined, files: readonly string[]) {
  if (kill === undefined && withhold === undefined) return undefined;
  if (kill !== undefined && withhold !== undefined)
    throw new UsageError('give --kill or --withhold, not both');
  if (files.length > 0) throw new UsageError('--kill and --withhold take no FILE');
  const uri = (kill ?? withhold ?? '').trim();
  if (!uri) throw new UsageError('--kill and --withhold need the id of the item');
  const pubStatus = kill !== undefined ? 'canceled' : 'withheld';
  return {
    body: Buffer.from(JSON.stringify({ uri, pubStatus })),
    what: `${pubStatus === 'canceled' ? 'kill' : 'withdrawal'} of ${uri}`,
  };
}
