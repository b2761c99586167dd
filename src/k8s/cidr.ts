/**
 * IP address and CIDR arithmetic shared by the constructs (input checks), the validator
 * (manifests) and the engine (ipBlock matching, external address ranges).
 *
 * Addresses are bigints: IPv4 in [0, 2^32), IPv6 in [0, 2^128).
 */
// Address arithmetic is bit arithmetic: shifts and masks on bigints are the clearest way to write it.
/* eslint-disable no-bitwise */

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface Cidr {
  readonly family: IpFamily;
  /** the network address (host bits cleared) */
  readonly network: bigint;
  readonly prefix: number;
  /** first and last address covered, inclusive */
  readonly first: bigint;
  readonly last: bigint;
  /** canonical text form, e.g. `10.0.0.0/8`, `2001:db8::/64` */
  readonly text: string;
}

/** A CIDR that was rejected, with the reason in API-server words and, when we can tell, a fix. */
export class CidrError extends Error {
  public constructor(message: string, public readonly suggestion?: string) {
    super(suggestion ? `${message}. Did you mean "${suggestion}"?` : message);
    this.name = 'CidrError';
  }
}

export function bitsOf(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export function maxAddress(family: IpFamily): bigint {
  return (1n << BigInt(bitsOf(family))) - 1n;
}

interface ParsedIp extends IpAddress {
  /** leading zeros or IPv4-mapped IPv6: accepted by lenient parsers, rejected by strict ones */
  readonly nonCanonical?: string;
}

function parseIpv4(text: string): ParsedIp | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  let nonCanonical: string | undefined;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    if (part.length > 1 && part.startsWith('0')) nonCanonical = 'leading zeros are not allowed';
    value = (value << 8n) | BigInt(n);
  }
  return { family: 4, value, nonCanonical };
}

function parseIpv6(text: string): ParsedIp | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let hexText = text;
  let embeddedV4 = false;
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) !== -1) {
    // an embedded IPv4 in the last 32 bits (::ffff:1.2.3.4): rewrite it as two hex groups
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    const hi = Number(v4.value >> 16n).toString(16);
    const lo = Number(v4.value & 0xffffn).toString(16);
    hexText = `${text.slice(0, lastColon + 1)}${hi}:${lo}`;
    embeddedV4 = true;
  }
  const halves = hexText.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  let groups: string[];
  if (halves.length === 2) {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else {
    groups = left;
  }
  if (groups.length !== 8) return undefined;
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  const nonCanonical = embeddedV4 && value >> 32n === 0xffffn ? 'IPv4-mapped IPv6 addresses are not allowed' : undefined;
  return { family: 6, value, nonCanonical };
}

/** Parses an IPv4 or IPv6 literal; undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const ip = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  return ip ? { family: ip.family, value: ip.value } : undefined;
}

/** Formats an address in its canonical form (RFC 5952 for IPv6). */
export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 255n).toString()).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // longest run of zero groups (at least two) becomes ::
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

function makeCidr(family: IpFamily, network: bigint, prefix: number): Cidr {
  const hostBits = BigInt(bitsOf(family) - prefix);
  const first = network;
  const last = network | ((1n << hostBits) - 1n);
  return { family, network, prefix, first, last, text: `${formatIp(family, network)}/${prefix}` };
}

/**
 * Parses a CIDR the way the API server does with strict checking (Kubernetes 1.36 default):
 * a mask is required, no leading zeros, no IPv4-mapped IPv6, no bits set beyond the prefix.
 * Throws a CidrError whose message says what is wrong and suggests the fix.
 */
export function parseCidr(text: string): Cidr {
  const lenient = parseCidrLenient(text);
  if (lenient.nonCanonical) {
    const c = lenient.cidr;
    // an IPv4-mapped IPv6 CIDR most likely meant the IPv4 range itself
    const mapped = c.family === 6 && c.prefix >= 96 && c.network >> 32n === 0xffffn;
    const suggestion = mapped ? `${formatIp(4, c.network & 0xffffffffn)}/${c.prefix - 96}` : c.text;
    throw new CidrError(lenient.nonCanonical, suggestion);
  }
  return lenient.cidr;
}

/**
 * Parses a CIDR, accepting what pre-1.36 API servers accepted (host bits set, leading zeros),
 * and reports separately why it is not canonical. Throws CidrError for text that is not a CIDR.
 */
export function parseCidrLenient(text: string): { cidr: Cidr; nonCanonical?: string } {
  if (typeof text !== 'string' || text.trim() === '') throw new CidrError('must be a valid CIDR, e.g. "10.0.0.0/8"');
  const slash = text.indexOf('/');
  if (slash === -1) {
    const ip = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
    if (ip) {
      throw new CidrError('must be a CIDR with a prefix length, not a bare IP', `${formatIp(ip.family, ip.value)}/${bitsOf(ip.family)}`);
    }
    throw new CidrError('must be a valid CIDR, e.g. "10.0.0.0/8" or "2001:db8::/64"');
  }
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const ip = addrText.includes(':') ? parseIpv6(addrText) : parseIpv4(addrText);
  if (!ip) throw new CidrError('must be a valid CIDR, e.g. "10.0.0.0/8" or "2001:db8::/64"');
  const bits = bitsOf(ip.family);
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    throw new CidrError(`must be a valid CIDR: the prefix length must be 0..${bits}`);
  }
  const prefix = Number(prefixText);
  const hostBits = BigInt(bits - prefix);
  const network = (ip.value >> hostBits) << hostBits;
  const cidr = makeCidr(ip.family, network, prefix);
  let nonCanonical = ip.nonCanonical;
  if (prefixText.length > 1 && prefixText.startsWith('0')) nonCanonical = 'leading zeros are not allowed';
  if (network !== ip.value) nonCanonical = 'must not have bits set beyond the prefix length';
  if (!nonCanonical && cidr.text !== text) {
    // same network, written differently (upper-case hex, uncompressed IPv6): valid, but say so
    return { cidr };
  }
  return { cidr, nonCanonical };
}

/** The CIDR covering every address of a family: 0.0.0.0/0 or ::/0. */
export function anyCidr(family: IpFamily): Cidr {
  return makeCidr(family, 0n, 0);
}

/** The host CIDR (/32 or /128) of one address: `169.254.169.254/32`. */
export function hostCidr(ip: IpAddress): Cidr {
  return makeCidr(ip.family, ip.value, bitsOf(ip.family));
}

/** true when `inner` lies inside `outer` (same family). Equal ranges count as inside. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** true when the address lies inside the CIDR. */
export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && cidr.first <= ip.value && ip.value <= cidr.last;
}

/**
 * Why an `except` entry is invalid for its `cidr` (API-server rule: a strict subset of the
 * same family), or undefined when it is fine.
 */
export function exceptError(cidr: Cidr, except: Cidr): string | undefined {
  if (cidr.family !== except.family) return `must be the same IP family as cidr "${cidr.text}"`;
  if (!cidrContains(cidr, except)) return `must be a strict subset of cidr "${cidr.text}"`;
  if (except.prefix <= cidr.prefix) return `must be a strict subset of cidr "${cidr.text}" (it covers all of it)`;
  return undefined;
}
