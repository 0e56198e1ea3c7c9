import { lookup } from 'node:dns/promises';
import { isIpLiteral, judgeAddress } from './address-policy.ts';
import { nodePinnedTransport, type PinnedTransport } from './pinned-request.ts';

/** Every address a host name resolves to, in the resolver's order. */
export type Resolver = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export interface OutboundDeps {
  readonly resolve: Resolver;
  readonly transport: PinnedTransport;
  /** @default MAX_REDIRECTS */
  readonly maxRedirects?: number;
}

export interface OutboundInit {
  readonly headers: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  /** The outlet's registration allows private addresses (lambdas/shared/outlets.ts); off unless it says so. */
  readonly allowPrivateAddresses?: boolean;
}

export interface OutboundResponse {
  readonly response: Response;
  /** Where the response came from, after the redirects. */
  readonly url: string;
  readonly redirects: number;
}

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A fetch the guard would not make: the reason says which hop and why. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
}

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The resolver and transport a deployment uses: the system's DNS, node:http(s) pinned to the checked address. */
export function defaultOutbound(): OutboundDeps {
  return { resolve: systemResolver, transport: nodePinnedTransport };
}

/**
 * A GET made on behalf of input (a registered feed, and wherever it
 * redirects). Redirects are followed here, by hand, at most `maxRedirects`
 * of them; at every hop the scheme is checked (http, https) and the host is
 * resolved once, every address it resolves to is checked (public unicast
 * only, see address-policy.ts, unless the outlet allows private ones), and
 * the connection goes to the checked address. Refusals throw
 * OutboundRefusedError with the hop's URL and the reason.
 */
export async function guardedFetch(
  url: string,
  init: OutboundInit,
  deps: OutboundDeps,
): Promise<OutboundResponse> {
  const maxRedirects = deps.maxRedirects ?? MAX_REDIRECTS;
  let current = parseTarget(url);
  for (let redirects = 0; ; redirects++) {
    const { address, family } = await checkedAddress(current, init, deps.resolve);
    const response = await deps.transport({
      url: current,
      address,
      family,
      headers: init.headers,
      signal: init.signal,
    });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) {
      return { response, url: current.href, redirects };
    }
    await response.body?.cancel();
    if (redirects >= maxRedirects) {
      throw new OutboundRefusedError(
        `refused: more than ${maxRedirects} redirects (the last to ${location})`,
      );
    }
    current = parseTarget(location, current);
  }
}

function parseTarget(location: string, base?: URL): URL {
  if (!URL.canParse(location, base?.href)) throw new OutboundRefusedError(`refused: not a URL: ${location}`);
  const target = new URL(location, base);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new OutboundRefusedError(`refused: not an http(s) URL: ${target.href}`);
  }
  return target;
}

async function checkedAddress(
  target: URL,
  init: OutboundInit,
  resolve: Resolver,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  const literalIsIp = isIpLiteral(host);
  const answers = literalIsIp ? [{ address: host }] : await resolve(host);
  if (answers.length === 0) throw new OutboundRefusedError(`refused: ${target.host} resolves to no address`);
  const verdicts = answers.map((answer) => judgeAddress(answer.address));
  if (!init.allowPrivateAddresses) {
    // One refused answer refuses the host: which one a client connects to is not ours to predict.
    const refused = verdicts.find((v) => !v.allowed);
    if (refused && !refused.allowed) {
      throw new OutboundRefusedError(
        `refused: ${target.href} ${literalIsIp ? 'is' : 'resolves to'} ${refused.address} (${refused.range})`,
      );
    }
  }
  const first = verdicts[0];
  if (first?.allowed) return { address: first.address, family: first.family };
  // Allowed private: connect to the first answer as resolved, still pinned.
  const address = answers[0]?.address ?? host;
  return { address, family: address.includes(':') ? 6 : 4 };
}
