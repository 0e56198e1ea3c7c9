import { once } from 'node:events';

/** Writes one line to stdout, waiting for the pipe when it is full so large outputs are never cut. */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
