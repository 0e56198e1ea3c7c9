import type { OutboundDeps, Resolver } from '../../lambdas/shared/outbound/guarded-fetch.ts';
import {
  nodePinnedTransport,
  type PinnedRequest,
  type PinnedTransport,
} from '../../lambdas/shared/outbound/pinned-request.ts';

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

/**
 * The real pinned transport, with FAKE_PUBLIC_ADDRESS translated to 127.0.0.1 (as a NAT would), so a
 * "public" feed host can be a local server. Any other address but 127.0.0.1 throws instead of touching
 * the network: a guard that let one through fails the test, it does not connect.
 */
export const natToLocal: PinnedTransport = (request) => {
  if (request.address === FAKE_PUBLIC_ADDRESS)
    return nodePinnedTransport({ ...request, address: '127.0.0.1' });
  if (request.address === '127.0.0.1') return nodePinnedTransport(request);
  throw new Error(`the test would have connected to ${request.address}`);
};

/** Resolves the given names to FAKE_PUBLIC_ADDRESS; any other name is unknown. */
export function publicNames(...names: string[]): Resolver {
  return async (host) => {
    if (!names.includes(host)) throw new Error(`unknown host ${host}`);
    return [{ address: FAKE_PUBLIC_ADDRESS, family: 4 }];
  };
}
