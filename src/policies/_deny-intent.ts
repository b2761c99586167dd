/**
 * What a default deny (the namespace's `DefaultDeny`, the cluster's `ClusterDefaultDeny`) is
 * asked to deny and keep, checked once for both: the direction, and whether and how DNS is kept.
 */
import { quote } from '../text';
import { Direction } from '../vocabulary/direction';
import { DnsProvider } from '../vocabulary/dns-provider';

export interface DenyIntent {
  readonly direction: Direction;
  readonly deniesEgress: boolean;
  readonly allowDns: boolean;
  readonly dnsProvider: DnsProvider;
}

/**
 * Checks `direction`, `allowDns` and `dnsProvider` as a loosely typed caller may pass them, and
 * defaults them (both directions; DNS kept when egress is denied; kube-dns). `error` makes the
 * construct's own error (its path, its kind).
 */
export function denyIntent(
  props: { readonly direction?: Direction; readonly allowDns?: boolean; readonly dnsProvider?: DnsProvider },
  error: (message: string) => Error,
): DenyIntent {
  const direction = props.direction ?? Direction.BOTH;
  if (!Object.values(Direction).includes(direction)) {
    throw error(`invalid direction ${quote(direction)}: must be Direction.INGRESS, Direction.EGRESS or Direction.BOTH`);
  }
  const deniesEgress = direction !== Direction.INGRESS;
  if (props.allowDns === true && !deniesEgress) {
    throw error('allowDns: true needs egress to be denied (direction EGRESS or BOTH): an ingress-only policy does not restrict DNS');
  }
  if (props.dnsProvider !== undefined && !(props.dnsProvider instanceof DnsProvider)) {
    throw error(`invalid dnsProvider ${quote(props.dnsProvider)}: must be a DnsProvider, e.g. DnsProvider.nodeLocal()`);
  }
  if (props.dnsProvider !== undefined && (props.allowDns === false || !deniesEgress)) {
    throw error('dnsProvider is given but DNS is not allowed (allowDns: false, or ingress only): remove one of them');
  }
  return { direction, deniesEgress, allowDns: props.allowDns ?? deniesEgress, dnsProvider: props.dnsProvider ?? DnsProvider.kubeDns() };
}
