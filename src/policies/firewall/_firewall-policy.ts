/**
 * The policies a `Firewall` writes: one per (namespace, pod group, direction), holding every
 * rule that targets those pods, merged at synth time into the fewest readable rules. Not public API.
 */
import { Construct } from 'constructs';
import { compare } from '../../text';
import { Peer } from '../../vocabulary/peer';
import { Port } from '../../vocabulary/port';
import { Protocol } from '../../vocabulary/protocol';
import { declareProps, POLICY_PROPS } from '../_props';
import { RuleModel, uniqueByString } from '../_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from '../policy-base';

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
 * Merges rules without changing what they admit, so the YAML stays short and canonical: each peer
 * is admitted on the union of the ports it was given (every port wins over some), then peers with
 * the same ports share one rule. A `Peer.anywhere()` in a rule makes it a rule without peers.
 * Peers, ports and rules are de-duplicated and sorted: the output does not depend on the order of
 * the calls, and repeating a call changes nothing.
 */
export function mergeRules(rules: readonly { readonly peer: Peer; readonly ports: readonly Port[] }[]): RuleModel[] {
  // 1. per peer: the union of its ports (none = every port)
  const byPeer = new Map<string, { peer: Peer; ports: Port[]; all: boolean }>();
  for (const r of rules) {
    // what the peer means, read once: a workload peer renders its workload each time it is asked
    const model = r.peer._model();
    const peer = Peer._lazy(() => model);
    const key = model.kind === 'anywhere' ? 'anywhere' : peer.toString();
    const entry = byPeer.get(key) ?? { peer, ports: [], all: false };
    if (r.ports.length === 0) entry.all = true;
    entry.ports.push(...r.ports);
    byPeer.set(key, entry);
  }
  // 2. per set of ports: the peers admitted on exactly those ports
  const byPorts = new Map<string, { ports: Port[]; peers: Peer[] }>();
  for (const e of byPeer.values()) {
    const ports = e.all ? [] : [...uniqueByString(e.ports)].sort(comparePorts);
    const key = portsKey(ports);
    const entry = byPorts.get(key) ?? { ports, peers: [] };
    entry.peers.push(e.peer);
    byPorts.set(key, entry);
  }
  const merged = [...byPorts.values()].map(({ ports, peers }) => {
    const anywhere = peers.find((p) => p._render() === undefined);
    const sorted = anywhere !== undefined ? [anywhere] : [...peers].sort((a, b) => compare(a.toString(), b.toString()));
    return { key: anywhere !== undefined ? '' : sorted.map(String).join('\n'), peers: sorted, ports };
  });
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
    props = props ?? {}; // null from a loosely typed caller means no props
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

declareProps(FirewallPolicy, { ...POLICY_PROPS, direction: 'other' });
