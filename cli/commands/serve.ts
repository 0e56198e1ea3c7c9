import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from '../../lambdas/shared/errors.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import { API_GATEWAY_LIMIT } from '../../local/http-endpoint.ts';
import { serveLocal } from '../../local/ingest-serve.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';

const DEFAULT_PORT = 8787;

/** A path as one shell word, so the printed command can be pasted as it is. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
const DEFAULT_SECRETS = 'outlet-secrets.json';

function integerOption(value: string, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  }
  return number;
}

/**
 * Without --secrets, a secrets file is kept in the state folder and created on
 * first use with a random secret for outlet "local", so `syndicate push` works
 * against a fresh `serve` with no setup.
 */
function secretsFileFor(stateDir: string, given: string | undefined): string {
  if (given) {
    if (!existsSync(given)) throw new UsageError(`${given}: no such secrets file`);
    return given;
  }
  const path = join(stateDir, DEFAULT_SECRETS);
  if (!existsSync(path)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify({ local: randomBytes(24).toString('hex') }, null, 2)}\n`, {
      mode: 0o600,
    });
    info(`syndicate serve: created ${path} with a secret for outlet "local"`);
  }
  return path;
}

function readOutlets(path: string | undefined): OutletRegistry {
  if (!path) return new OutletRegistry();
  try {
    return OutletRegistry.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: ${describeError(error)}`);
  }
}

/**
 * Runs the push endpoint on 127.0.0.1 in front of the local pipeline until
 * SIGINT/SIGTERM; each published message is printed as one JSON line on stdout.
 */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string', default: '.syndicate' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      secrets: { type: 'string' },
      outlets: { type: 'string' },
      'poll-seconds': { type: 'string', default: '0' },
      // Absent: the ingest stage's own default (lambdas/ingest/config.ts), as MAX_BODY_BYTES on AWS.
      'max-body-bytes': { type: 'string' },
      'keep-output': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError('serve takes no PATH');
  const port = integerOption(values.port, 'port', 0, 65535);
  const pollSeconds = integerOption(values['poll-seconds'], 'poll-seconds', 0, 86_400);
  // Above API Gateway's limit the endpoint's stand-in refuses a body before ingest sees it.
  const maxBodyBytes =
    values['max-body-bytes'] === undefined
      ? undefined
      : integerOption(values['max-body-bytes'], 'max-body-bytes', 1, API_GATEWAY_LIMIT);
  const outlets = readOutlets(values.outlets);
  const secretsFile = secretsFileFor(values.state, values.secrets);

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let errors = 0;
  try {
    await serveLocal({
      stateDir: values.state,
      secretsFile,
      outlets,
      port,
      pollSeconds,
      ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
      signal: controller.signal,
      onListening: (url) =>
        info(`syndicate serve: listening on ${url} (secrets: ${secretsFile}); Ctrl-C to stop`),
      onOutput: (body) => writeLine(body),
      keepOutput: values['keep-output'],
      onOutputQueue: (queue) => {
        info(`syndicate serve: queues, endpoints and local credentials in ${queue.endpointsFile}`);
        if (values['keep-output']) {
          // consume reads the file: the queue URL, both endpoints and the keys the S3 emulator accepts.
          info(
            `syndicate serve: output stays on the queue; read it with: syndicate consume --state ${shellWord(values.state)}`,
          );
        }
      },
      onPoll: (summary) =>
        info(
          `syndicate serve: polled ${summary.feeds} feed(s): ${summary.stored} stored, ` +
            `${summary.notModified + summary.unchanged} unchanged, ${summary.failed} failed`,
        ),
      onError: (error) => {
        errors++;
        info(`syndicate serve: ${describeError(error)}`);
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  info('syndicate serve: stopped');
  return errors > 0 ? 1 : 0;
}
