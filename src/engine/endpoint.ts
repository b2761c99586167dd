/**
 * What a connection runs between: a pod or workload of the inventory, or an address range
 * outside the cluster. Their names (`namespace/name`, `1.2.3.4`, `0.0.0.0-9.255.255.255`), their
 * listing order and the error for a name nobody declared.
 */
import { PodEndpoint } from './inventory';
import { formatIp, IpFamily } from '../k8s';
import { compare, editDistance, nearestMatches } from '../text';

/** An address range outside the cluster (one address for a queried IP literal). */
export interface ExternalEndpoint {
  readonly kind: 'external';
  /** `1.2.3.4` for one address, `0.0.0.0-9.255.255.255` for a range */
  readonly id: string;
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

/** An external endpoint for the addresses `first`..`last`, named by its bounds (`a-b`, also when a = b). */
export function externalRange(family: IpFamily, first: bigint, last: bigint): ExternalEndpoint {
  return { kind: 'external', id: `${formatIp(family, first)}-${formatIp(family, last)}`, family, first, last };
}

/** An external endpoint for one queried address, named by it (`1.2.3.4`). */
export function externalAddress(family: IpFamily, value: bigint): ExternalEndpoint {
  return { kind: 'external', id: formatIp(family, value), family, first: value, last: value };
}

/** Sort order of endpoints in listings: pods by name, then IPv4, then IPv6 ranges by address. */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  if (a.kind === 'pod' && b.kind === 'pod') return compare(a.id, b.id);
  if (a.kind === 'pod') return -1;
  if (b.kind === 'pod') return 1;
  if (a.family !== b.family) return a.family - b.family;
  return a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : a.last > b.last ? 1 : 0;
}

/** The error for an endpoint nobody declared, with the closest known names. */
export function unknownEndpointMessage(text: string, known: readonly string[]): string {
  // `web` is close to `shop/web`: the name alone counts too, one edit away
  const score = (t: string, k: string) => Math.min(editDistance(t, k), editDistance(t, k.slice(k.indexOf('/') + 1)) + 1);
  const closest = nearestMatches(text, known, 3, score);
  const hint = closest.length ? ` Closest known endpoints: ${closest.join(', ')}.` : ' No workloads or pods are known.';
  return `Unknown endpoint "${text}": expected "namespace/name" of a workload or pod, or an IP address outside the cluster.${hint}`;
}
