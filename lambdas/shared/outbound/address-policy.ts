import ipaddr from 'ipaddr.js';

/**
 * Which addresses a fetch made on behalf of input (a registered feed, where it
 * redirects) may connect to: public unicast only. Everything a compromised
 * feed host could point us at inside the network is refused: loopback,
 * link-local (the instance metadata service at 169.254.169.254 included),
 * private, carrier-grade NAT, unique-local, multicast, unspecified, reserved,
 * and IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64,
 * 6to4, Teredo), whatever they carry.
 * ipaddr.js names the ranges; anything it does not call `unicast` is refused.
 */
export type AddressVerdict =
  | { readonly allowed: true; readonly address: string; readonly family: 4 | 6 }
  | { readonly allowed: false; readonly address: string; readonly range: string };

export function judgeAddress(address: string): AddressVerdict {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(literal)) return { allowed: false, address, range: 'not an IP address' };
  const parsed = ipaddr.parse(literal);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; ipaddr.js reads its dotted form as
    // mapped) reach IPv4 through an IPv6 socket: refused whatever they carry, named by what they carry.
    const parts = v6.parts;
    const compatible = parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || (parts[7] ?? 0) > 1);
    if (v6.isIPv4MappedAddress() || compatible) {
      const inner = ipaddr.fromByteArray(v6.toByteArray().slice(12)).range();
      const form = compatible ? 'ipv4Compatible' : 'ipv4Mapped';
      return { allowed: false, address, range: `${form} (${inner})` };
    }
  }
  const range = parsed.range();
  if (range !== 'unicast') return { allowed: false, address, range };
  return { allowed: true, address: parsed.toString(), family: parsed.kind() === 'ipv4' ? 4 : 6 };
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host);
}
