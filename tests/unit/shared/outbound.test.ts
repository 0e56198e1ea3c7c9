import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAddress } from '../../../lambdas/shared/outbound/address-policy.ts';
import {
  guardedFetch,
  MAX_REDIRECTS,
  type OutboundDeps,
  OutboundRefusedError,
  type Resolver,
} from '../../../lambdas/shared/outbound/guarded-fetch.ts';
import { nodePinnedTransport } from '../../../lambdas/shared/outbound/pinned-request.ts';
import { FAKE_PUBLIC_ADDRESS, natToLocal } from '../../support/outbound.ts';

describe('which addresses a fetch from input may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.0.10', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped (loopback)'],
    ['::ffff:a9fe:a9fe', 'ipv4Mapped (linkLocal)'],
    ['::ffff:8.8.8.8', 'ipv4Mapped (unicast)'],
    ['::7f00:1', 'ipv4Compatible (loopback)'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(judgeAddress(address)).toEqual({ allowed: false, address, range });
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', FAKE_PUBLIC_ADDRESS])(
    'allows public unicast %s',
    (address) => {
      expect(judgeAddress(address).allowed).toBe(true);
    },
  );
});

/** Local servers only; each records what it was asked. */
function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Array<{ url: string; host: string }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', host: req.headers.host ?? '' });
    req.resume();
    handler(req, res);
  });
  return {
    seen,
    server,
    start: () =>
      new Promise<number>((r) =>
        server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
      ),
  };
}

const redirectTo = (location: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(302, { location });
  res.end();
};

let feed: ReturnType<typeof listen>;
let metadata: ReturnType<typeof listen>;
let feedPort = 0;
let metadataPort = 0;
let route: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok');

beforeAll(async () => {
  feed = listen((req, res) => route(req, res));
  metadata = listen((_req, res) => res.end('{"AccessKeyId":"FAKE-CREDENTIAL"}'));
  feedPort = await feed.start();
  metadataPort = await metadata.start();
});
afterAll(async () => {
  for (const { server } of [feed, metadata]) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

const NAMES: Record<string, string> = {
  'news.example': FAKE_PUBLIC_ADDRESS,
  'intranet.example': '10.20.30.40',
  'mixed.example': FAKE_PUBLIC_ADDRESS,
};
const resolveNames: Resolver = async (host) => {
  const address = NAMES[host];
  if (!address) throw new Error(`unknown host ${host}`);
  return host === 'mixed.example'
    ? [
        { address, family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]
    : [{ address, family: 4 }];
};

const deps: OutboundDeps = { resolve: resolveNames, transport: natToLocal };
const init = () => ({ headers: { accept: '*/*' }, signal: AbortSignal.timeout(5_000) });

describe('a feed host that redirects the poller elsewhere', () => {
  it.each([
    [
      'loopback by address',
      () => `http://127.0.0.1:${metadataPort}/latest/meta-data/iam/`,
      /127\.0\.0\.1 \(loopback\)/,
    ],
    [
      'the metadata service',
      () => 'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 \(linkLocal\)/,
    ],
    [
      'an IPv4-mapped loopback',
      () => `http://[::ffff:127.0.0.1]:${metadataPort}/`,
      /ipv4Mapped \(loopback\)/,
    ],
    ['a decimal loopback', () => `http://2130706433:${metadataPort}/`, /127\.0\.0\.1 \(loopback\)/],
    ['0.0.0.0', () => `http://0.0.0.0:${metadataPort}/`, /unspecified/],
    [
      'a name for a private address',
      () => 'http://intranet.example/feed',
      /resolves to 10\.20\.30\.40 \(private\)/,
    ],
    ['a name with one loopback answer', () => 'http://mixed.example/feed', /127\.0\.0\.1 \(loopback\)/],
    ['a file URL', () => 'file:///etc/passwd', /not an http\(s\) URL/],
  ])('is refused at the hop to %s, and nothing there is asked', async (_name, location, reason) => {
    route = redirectTo(location());
    const before = metadata.seen.length;
    const error = await guardedFetch(`http://news.example:${feedPort}/feed.xml`, init(), deps).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as Error).message).toMatch(reason);
    expect(metadata.seen.length).toBe(before);
  });

  it(`follows up to ${MAX_REDIRECTS} redirects to public hosts, and refuses the next`, async () => {
    route = (req, res) => {
      const hop = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hop') ?? 0);
      const limit = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('limit') ?? 0);
      if (hop < limit) redirectTo(`/feed?hop=${hop + 1}&limit=${limit}`)(req, res);
      else res.end(`arrived after ${hop}`);
    };
    const ok = await guardedFetch(
      `http://news.example:${feedPort}/feed?limit=${MAX_REDIRECTS}`,
      init(),
      deps,
    );
    expect(await ok.response.text()).toBe(`arrived after ${MAX_REDIRECTS}`);
    expect(ok.redirects).toBe(MAX_REDIRECTS);
    expect(ok.url).toBe(`http://news.example:${feedPort}/feed?hop=${MAX_REDIRECTS}&limit=${MAX_REDIRECTS}`);
    const tooMany = `http://news.example:${feedPort}/feed?limit=${MAX_REDIRECTS + 1}`;
    await expect(guardedFetch(tooMany, init(), deps)).rejects.toThrow(`more than ${MAX_REDIRECTS} redirects`);
  });

  it('refuses a registered feed on an internal address unless its outlet allows private addresses', async () => {
    route = (_req, res) => res.end('internal feed');
    const internal = `http://127.0.0.1:${feedPort}/feed.xml`;
    await expect(guardedFetch(internal, init(), deps)).rejects.toThrow(/loopback/);
    const allowed = await guardedFetch(internal, { ...init(), allowPrivateAddresses: true }, deps);
    expect(await allowed.response.text()).toBe('internal feed');
  });
});

describe('connecting to the address that was checked', () => {
  it('resolves each host once and connects there, so a second DNS answer cannot switch it', async () => {
    route = (_req, res) => res.end('pinned');
    const answers = ['127.0.0.1', '10.9.9.9'];
    const asked: string[] = [];
    const rebinding: Resolver = async (host) => {
      asked.push(host);
      return [{ address: answers[asked.length - 1] ?? '10.9.9.9', family: 4 }];
    };
    // The real transport: the name is unknown to DNS, so only the pinned lookup can reach the server.
    const result = await guardedFetch(
      `http://feed.invalid:${feedPort}/pinned`,
      { ...init(), allowPrivateAddresses: true },
      { resolve: rebinding, transport: nodePinnedTransport },
    );
    expect(await result.response.text()).toBe('pinned');
    expect(asked).toEqual(['feed.invalid']);
    expect(feed.seen.at(-1)).toEqual({ url: '/pinned', host: `feed.invalid:${feedPort}` });
  });
});
