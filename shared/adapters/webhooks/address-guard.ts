import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * What a webhook may not reach (SSRF): private, loopback, link-local (the
 * instance metadata service at 169.254.169.254 and fd00:ec2::254 among them),
 * shared, multicast and reserved addresses. Checked when an endpoint is
 * registered and again at connection time (a DNS answer can change between
 * the two: rebinding), on the address the socket actually connects to.
 */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv6');
}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // an IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return forbidden.check(mapped, 'ipv4');
    return forbidden.check(address, 'ipv6');
  }
  return forbidden.check(address, 'ipv4');
}

/** Where webhooks may go: on AWS only https to public addresses; locally any http(s) URL. */
export interface EndpointPolicy {
  allowHttp: boolean;
  allowPrivateAddresses: boolean;
}

export const AWS_ENDPOINT_POLICY: EndpointPolicy = { allowHttp: false, allowPrivateAddresses: false };
export const LOCAL_ENDPOINT_POLICY: EndpointPolicy = { allowHttp: true, allowPrivateAddresses: true };

export class ForbiddenEndpointError extends Error {
  override readonly name = 'ForbiddenEndpointError';
}

/** The URL's problem, or null when it may be registered: scheme, credentials, and every address it resolves to. */
export async function endpointProblem(
  url: string,
  policy: EndpointPolicy,
  resolve: (host: string) => Promise<LookupAddress[]> = lookupAll,
): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && !(policy.allowHttp && parsed.protocol === 'http:')) {
    return policy.allowHttp ? 'must be http or https' : 'must be https';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (policy.allowPrivateAddresses) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    return `its host ${host} does not resolve`;
  }
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  return bad
    ? `its host resolves to ${bad.address}, a private, loopback, link-local or reserved address`
    : null;
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that refuses a forbidden address at
 * connection time: the socket connects only to the address checked here.
 */
export function guardedLookup(policy: EndpointPolicy) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = policy.allowPrivateAddresses
        ? addresses
        : addresses.filter((a) => !isForbiddenAddress(a.address));
      const [first] = allowed;
      if (!first) {
        return callback(new ForbiddenEndpointError(`${hostname} resolves only to forbidden addresses`), []);
      }
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}
