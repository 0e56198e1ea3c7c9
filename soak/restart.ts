import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type S3rver from 's3rver';

/** The parts of s3rver's runtime a restart needs; its typings leave them out. */
interface S3rverInternals {
  httpServer?: Server;
  serverOptions: { port?: number };
}

/**
 * Restarts the S3 emulator on the same port while work is in flight: open
 * connections are cut (requests in progress fail as they would when a service
 * endpoint drops), the port refuses connections for `downMs`, then the same
 * store (on disk) serves again. The notification bridge stays subscribed because
 * the s3rver instance, and so its event emitter, is the same.
 */
export async function restartS3rver(s3rver: S3rver, downMs: number): Promise<void> {
  const internals = s3rver as unknown as S3rverInternals;
  const server = internals.httpServer;
  if (!server) throw new Error('s3rver is not running');
  const { port } = server.address() as AddressInfo;
  internals.serverOptions.port = port;
  // s3rver closes its logger when its server closes, and a restarted s3rver would then log nowhere (and
  // complain on stderr); the restart is the harness's, so the logger is kept.
  server.removeAllListeners('close');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  await new Promise((resolve) => setTimeout(resolve, downMs));
  await s3rver.run();
}
