/**
 * Rules as the constructs hold them (peers and ports), and their one rendering path to the
 * Kubernetes shape: de-duplicated, in insertion order, without empty lists. Not public API.
 */
import { NetworkPolicyEgressRuleJson, NetworkPolicyIngressRuleJson, NetworkPolicyPeerJson, NetworkPolicyPortJson } from '../k8s';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';

/**
 * One rule: it admits a connection when one of its peers AND one of its ports match.
 * No peers means every peer (as does a `Peer.anywhere()` among them); no ports, every port.
 */
export interface RuleModel {
  readonly peers: Peer[];
  readonly ports: Port[];
}

/** Removes duplicates by the readable form (the identity of peers and ports), keeping the first. */
export function uniqueByString<T extends { toString(): string }>(items: readonly T[]): readonly T[] {
  if (items.length < 2) return items;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const key = item.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** The rule's peers in Kubernetes shape; undefined when it admits every peer. */
export function renderPeers(peers: readonly Peer[]): NetworkPolicyPeerJson[] | undefined {
  const rendered: NetworkPolicyPeerJson[] = [];
  for (const peer of uniqueByString(peers)) {
    const r = peer._render();
    if (r === undefined) return undefined; // anywhere: no restriction at all
    rendered.push(r);
  }
  return rendered.length > 0 ? rendered : undefined;
}

/** The rule's ports in Kubernetes shape; undefined when it admits every port. */
export function renderPorts(ports: readonly Port[]): NetworkPolicyPortJson[] | undefined {
  const rendered = uniqueByString(ports).map((p) => p._render());
  return rendered.length > 0 ? rendered : undefined;
}

function withoutDuplicateRules<T>(rules: T[]): T[] {
  if (rules.length < 2) return rules;
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function renderIngressRules(rules: readonly RuleModel[]): NetworkPolicyIngressRuleJson[] {
  return withoutDuplicateRules(rules.map((r) => {
    const rule: NetworkPolicyIngressRuleJson = {};
    const from = renderPeers(r.peers);
    if (from) rule.from = from;
    const ports = renderPorts(r.ports);
    if (ports) rule.ports = ports;
    return rule;
  }));
}

export function renderEgressRules(rules: readonly RuleModel[]): NetworkPolicyEgressRuleJson[] {
  return withoutDuplicateRules(rules.map((r) => {
    const rule: NetworkPolicyEgressRuleJson = {};
    const to = renderPeers(r.peers);
    if (to) rule.to = to;
    const ports = renderPorts(r.ports);
    if (ports) rule.ports = ports;
    return rule;
  }));
}
