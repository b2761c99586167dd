/**
 * The policies a `Firewall` writes: one per (namespace, pod group, direction), holding every
 * rule that targets those pods, merged at synth time into the fewest readable rules. Not public API.
 */
import { Construct } from 'constructs';
import { Peer } from '../peer';
import { NetworkPolicyBase, PolicyProps } from '../policy';
import { Port } from '../port';
import { Protocol } from '../protocol';
import { RuleModel, uniqueByString } from './rules';
import { compare } from './selector';

/** Which half of a connection a firewall policy carries. */
export type FirewallDirection = 'ingress' | 'egress';

/** Props of a `FirewallPolicy`. */
export interface FirewallPolicyProps extends PolicyProps {
  readonly direction: FirewallDirection;
}

const PROTOCOL_ORDER: readonly string[] = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];

/** TCP before UDP before SCTP; numbers ascending; named ports after numbers; all-ports first. */
export function comparePorts(a: Port, b: Port): number {
  const pa = PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol);
  if (pa !== 0) return pa;
  const rank = (p: Port) => (p.isAllPorts ? 0 : p.portName === undefined ? 1 : 2);
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  if (a.portNumber !== undefined && b.portNumber !== undefined && a.portNumber !== b.portNumber) return a.portNumber - b.portNumber;
  return compare(a.toString(), b.toString());
}

const ALL_PORTS = '*';

function portsKey(ports: readonly Port[]): string {
  return ports.length === 0 ? ALL_PORTS : ports.map(String).join(',');
}

/**
 * Merges rules without changing what they admit, so the YAML stays short:
 * 1. rules with the same ports become one rule whose peers are the union;
 * 2. then rules with the same peers become one rule whose ports are the union (every port wins).
 * Peers and ports are de-duplicated and sorted, and so are the rules: the output does not depend
 * on the order of the calls.
 */
export function mergeRules(rules: readonly { readonly peer: Peer; readonly ports: readonly Port[] }[]): RuleModel[] {
  // 1. same ports -> union of peers
  const byPorts = new Map<string, { ports: Port[]; peers: Peer[] }>();
  for (const r of rules) {
    const ports = uniqueByString(r.ports).sort(comparePorts);
    const key = portsKey(ports);
    const entry = byPorts.get(key) ?? { ports, peers: [] };
    entry.peers.push(r.peer);
    byPorts.set(key, entry);
  }
  // 2. same peers -> union of ports
  const byPeers = new Map<string, { peers: Peer[]; ports: Port[]; all: boolean }>();
  for (const { ports, peers } of byPorts.values()) {
    const unique = uniqueByString(peers);
    const anywhere = unique.find((p) => p._render() === undefined);
    const sorted = anywhere !== undefined ? [anywhere] : unique.sort((a, b) => compare(a.toString(), b.toString()));
    const key = sorted.map(String).join('\n');
    const entry = byPeers.get(key) ?? { peers: sorted, ports: [], all: false };
    if (ports.length === 0) entry.all = true;
    entry.ports.push(...ports);
    byPeers.set(key, entry);
  }
  const merged = [...byPeers.entries()].map(([key, e]) => ({
    key,
    peers: e.peers,
    ports: e.all ? [] : uniqueByString(e.ports).sort(comparePorts),
  }));
  merged.sort((a, b) => compare(a.key, b.key) || compare(portsKey(a.ports), portsKey(b.ports)));
  return merged.map(({ peers, ports }) => ({ peers, ports }));
}

/**
 * One half of one or more connections for one pod group: the ingress policy of the destination
 * pods, or the egress policy of the source pods.
 */
export class FirewallPolicy extends NetworkPolicyBase {
  /** Which half the policy carries. */
  public readonly direction: FirewallDirection;

  private readonly rules: { readonly peer: Peer; readonly ports: readonly Port[] }[] = [];

  public constructor(scope: Construct, id: string, props: FirewallPolicyProps) {
    super(scope, id, props);
    this.direction = props.direction;
  }

  /** Admits `peer` (the other side, already relative to this policy's namespace) on `ports`. */
  public addRule(peer: Peer, ports: readonly Port[]): void {
    this.rules.push({ peer, ports: [...ports] });
  }

  /** @internal */
  public _ingressRules(): RuleModel[] | undefined {
    return this.direction === 'ingress' ? mergeRules(this.rules) : undefined;
  }

  /** @internal */
  public _egressRules(): RuleModel[] | undefined {
    return this.direction === 'egress' ? mergeRules(this.rules) : undefined;
  }
}
