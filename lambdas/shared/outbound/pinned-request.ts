import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** One GET to an address already checked. It never follows a redirect: the guard does, hop by hop. */
export interface PinnedRequest {
  readonly url: URL;
  /** The address the guard checked: the connection goes here, whatever DNS says by now. */
  readonly address: string;
  readonly family: 4 | 6;
  readonly headers: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
}

export type PinnedTransport = (request: PinnedRequest) => Promise<Response>;

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * node:http(s) with a `lookup` that answers with the checked address, so the
 * socket cannot be switched by a second DNS answer (rebinding). TLS still
 * verifies the certificate against the URL's host name (SNI and checks use
 * the host, not the address).
 */
export const nodePinnedTransport: PinnedTransport = (request) =>
  new Promise<Response>((resolve, reject) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: request.address, family: request.family }]);
      else callback(null, request.address, request.family);
    };
    const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      request.url,
      { method: 'GET', headers: request.headers, lookup: pinned, signal: request.signal, agent: false },
      (incoming) => {
        try {
          resolve(toResponse(incoming));
        } catch (error) {
          incoming.destroy();
          reject(error);
        }
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });

function toResponse(incoming: IncomingMessage): Response {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  if (NULL_BODY.has(status) || status < 200 || status > 599) {
    incoming.resume();
    return new Response(null, { status: status >= 200 && status <= 599 ? status : 502, headers });
  }
  return new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, { status, headers });
}
