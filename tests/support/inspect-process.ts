import { type CliProcess, startCli, waitFor } from './cli-process.ts';

/** Starts `syndicate inspect` on a free port and answers its URL once it listens. */
export async function startInspect(state: string): Promise<{ child: CliProcess; url: string }> {
  const child = startCli(['inspect', '--state', state, '--port', '0']);
  const url = await waitFor('syndicate inspect to listen', () => {
    if (child.process.exitCode !== null) throw new Error(`inspect exited: ${child.stderr}`);
    return /syndicate inspect: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(child.stderr)?.[1];
  });
  return { child, url };
}
