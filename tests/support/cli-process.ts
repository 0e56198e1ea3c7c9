import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { PROJECT_ROOT } from './paths.ts';

/** A `syndicate` command running in its own process, its output collected as it arrives. */
export interface CliProcess {
  readonly process: ChildProcess;
  stdout: string;
  stderr: string;
}

const WAIT_MS = 45_000;

/** Starts `syndicate <args>` through the real bin, as a person would. */
export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const record: CliProcess = { process: child, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    record.stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    record.stderr += chunk.toString('utf8');
  });
  return record;
}

/** Polls until probe returns a value; bounded, so a test never hangs. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function exitCode(child: CliProcess): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  const [code] = (await once(child.process, 'exit')) as [number | null];
  return code;
}

/** Stops a child this test started (by its PID) if it is still running. */
export async function stopCli(
  child: CliProcess | undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  const pid = child?.process.pid;
  if (child && pid !== undefined && child.process.exitCode === null && child.process.signalCode === null) {
    process.kill(pid, signal);
    await exitCode(child);
  }
}
