/**
 * Where a compromised feed host may try to send the poller (issue 22): each
 * is the Location of a 302 from a registered, public feed. `metadataPort` is
 * a local server standing in for the instance metadata service; none of these
 * may reach it, nor anything else inside. Used by the guard's tests and the
 * hostile pipeline test.
 */
export interface RedirectCase {
  readonly name: string;
  location(metadataPort: number): string;
  /** What the refusal must name. */
  readonly reason: RegExp;
}

export const REDIRECT_CASES: readonly RedirectCase[] = [
  {
    name: 'loopback by address',
    location: (port) => `http://127.0.0.1:${port}/latest/meta-data/iam/security-credentials/`,
    reason: /127\.0\.0\.1 \(loopback\)/,
  },
  {
    name: 'the metadata service',
    location: () => 'http://169.254.169.254/latest/meta-data/',
    reason: /169\.254\.169\.254 \(linkLocal\)/,
  },
  {
    name: 'an IPv4-mapped loopback',
    location: (port) => `http://[::ffff:127.0.0.1]:${port}/`,
    reason: /ipv4Mapped \(loopback\)/,
  },
  { name: 'a decimal loopback', location: (port) => `http://2130706433:${port}/`, reason: /\(loopback\)/ },
  { name: 'IPv6 loopback', location: (port) => `http://[::1]:${port}/`, reason: /::1 \(loopback\)/ },
  { name: '0.0.0.0', location: (port) => `http://0.0.0.0:${port}/`, reason: /\(unspecified\)/ },
  { name: 'a private address', location: () => 'http://10.0.0.1/', reason: /10\.0\.0\.1 \(private\)/ },
  { name: 'carrier-grade NAT', location: () => 'http://100.64.0.1/', reason: /\(carrierGradeNat\)/ },
  { name: 'unique-local IPv6', location: () => 'http://[fd00::1]/', reason: /\(uniqueLocal\)/ },
  { name: 'a file URL', location: () => 'file:///etc/passwd', reason: /not an http\(s\) URL/ },
];
