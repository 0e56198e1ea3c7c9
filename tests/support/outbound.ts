import type { OutboundDeps } from '../../lambdas/shared/outbound/guarded-fetch.ts';
import type { PinnedRequest } from '../../lambdas/shared/outbound/pinned-request.ts';

/** A public unicast address no test connects to: the fake transport answers instead. */
export const FAKE_PUBLIC_ADDRESS = '203.0.114.7';

/**
 * Outbound for unit tests: every host resolves to FAKE_PUBLIC_ADDRESS and `respond` answers each hop
 * (the guard's redirect and address checks still run); nothing touches DNS or the network.
 */
export function fakeOutbound(
  respond: (url: string, request: PinnedRequest) => Response | Promise<Response>,
): OutboundDeps {
  return {
    resolve: async () => [{ address: FAKE_PUBLIC_ADDRESS, family: 4 }],
    transport: async (request) => respond(request.url.href, request),
  };
}
