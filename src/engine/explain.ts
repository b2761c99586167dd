/**
 * Explanations of one verdict: for each side, whether it is isolated, which policies select
 * it, and which policy rule admitted the traffic, or that none did. With cluster policies in the
 * inventory, each side is told tier by tier (SEMANTICS.md 8.1): `Admin tier: ClusterNetworkPolicy
 * shop-guard spec.egress[0] (Deny) denies TCP 80`, `Admin tier: passed to NetworkPolicy by ...`,
 * `NetworkPolicy tier: ...`, `Baseline tier: ...`, `default: allowed`.
 */
import { Analysis, Caveat, RuleMatch, TierDecision, TierName } from './analysis';
import { ClusterPolicy, describeClusterRule } from './cluster-policy';
import { ConnSet, ProtocolName } from './conn-set';
import { Endpoint } from './endpoint';
import { DirectionName, Policy, Rule } from './policy';

export interface RuleRef {
  /** `namespace/name` */
  readonly policy: string;
  readonly direction: DirectionName;
  /** 0-based position in `spec.ingress` / `spec.egress` */
  readonly index: number;
  /** the rule's field path, `spec.ingress[0]`: how every output names a rule (as kubectl and the API server do) */
  readonly field: string;
}

/** What one tier did with the port asked about (cluster tiers only: see `SideExplanation.tiers`). */
export interface TierStep {
  readonly tier: TierName;
  /** `no-match`: the tier has nothing to say (no rule matches, or nothing selects the endpoint) and the next tier decides */
  readonly outcome: 'allowed' | 'denied' | 'passed' | 'no-match';
  /** the cluster policy and rule that decided (`ClusterNetworkPolicy x`, 0-based rule index), Admin and Baseline tiers */
  readonly policy?: string;
  readonly direction?: DirectionName;
  readonly index?: number;
  /** the rule's field path, `spec.egress[0]` */
  readonly field?: string;
  /** `Admin tier: ClusterNetworkPolicy shop-guard spec.egress[0] (Deny) denies TCP 80` */
  readonly text: string;
}

export interface SideExplanation {
  /** `Egress` for the source side, `Ingress` for the destination side */
  readonly direction: DirectionName;
  /** the endpoint this side is about (source for egress, destination for ingress) */
  readonly endpoint: string;
  readonly inCluster: boolean;
  /** NetworkPolicies isolate the endpoint for this direction */
  readonly isolated: boolean;
  /** NetworkPolicies selecting the endpoint for this direction, `namespace/name` */
  readonly policies: readonly string[];
  /** NetworkPolicy rules that admit the connection */
  readonly allowedBy: readonly RuleRef[];
  /** this side lets the connection through */
  readonly allowed: boolean;
  /**
   * The tiers in the order they were consulted, up to the one that decided; present when the
   * inventory has cluster policies and the endpoint is a pod NetworkPolicy applies to.
   */
  readonly tiers?: readonly TierStep[];
  /** the tier that decided (`NetworkPolicy` for inventories without cluster policies) */
  readonly decidedBy: TierName;
  /** what may make this side's answer on the port differ from what a cluster enforces */
  readonly caveats: readonly string[];
  /** one sentence (tier steps joined with `; `) */
  readonly text: string;
}

export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly protocol: ProtocolName;
  readonly port: number;
  /** false when NetworkPolicy does not apply to the pair (see `reason`) */
  readonly covered: boolean;
  readonly reason?: string;
  readonly allowed: boolean;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** the whole explanation, several lines */
  readonly text: string;
}

/** `shop/backend-from-frontend spec.ingress[0]`: a rule is named by its field path everywhere. */
export function describeRule(policy: Policy, rule: Rule): string {
  return `${policy.id} ${ruleField(rule.direction, rule.index)}`;
}

/** `spec.ingress[0]`, `spec.egress[2]`: the field path of a rule. */
export function ruleField(direction: DirectionName, index: number): string {
  return `spec.${direction === 'Ingress' ? 'ingress' : 'egress'}[${index}]`;
}

export function explainConnection(analysis: Analysis, fromText: string | Endpoint, toText: string | Endpoint, port: number, protocol: ProtocolName = 'TCP'): Explanation {
  const from = typeof fromText === 'string' ? analysis.endpoint(fromText) : fromText;
  const to = typeof toText === 'string' ? analysis.endpoint(toText) : toText;
  const what = `${protocol} ${port}`;
  const reason = analysis.notCoveredReason(from, to);
  const tiered = analysis.clusterPolicies.length > 0;

  const side = (direction: DirectionName): SideExplanation => {
    const self = direction === 'Egress' ? from : to;
    const other = direction === 'Egress' ? to : from;
    const dirWord = direction.toLowerCase();
    if (self.kind === 'external') {
      return {
        direction,
        endpoint: self.id,
        inCluster: false,
        isolated: false,
        policies: [],
        allowedBy: [],
        allowed: true,
        decidedBy: 'default',
        caveats: [],
        text: `${self.id} is outside the cluster: NetworkPolicy does not restrict its ${dirWord}`,
      };
    }
    const policies = analysis.selectingPolicies(self, direction).map((p) => p.id);
    const peerMatches = policies.length === 0 ? [] : direction === 'Egress' ? analysis.egressRuleMatches(from, to) : analysis.ingressRuleMatches(from, to);
    const matches = peerMatches.filter((m) => m.conns.contains(protocol, port));
    const allowedBy = matches.map((m) => ({ policy: m.policy.id, direction, index: m.rule.index, field: ruleField(direction, m.rule.index) }));
    const isolatedBy = `${self.id} is isolated for ${dirWord} by ${listing(policies)}`;
    const peerWord = direction === 'Egress' ? `to ${other.id}` : `from ${other.id}`;
    // the NetworkPolicy tier, as NetworkPolicy alone explains it
    const networkPolicyText = policies.length === 0
      ? `${self.id} is not isolated for ${dirWord} (no policy selects it for ${dirWord}): all ${dirWord} is allowed`
      : matches.length
        ? `${isolatedBy}; ${listing(matches.map((m) => describeRule(m.policy, m.rule)))} ${matches.length > 1 ? 'admit' : 'admits'} ${peerWord} on ${what}`
        : `${isolatedBy}; no rule admits ${other.id} on ${what}${otherPorts(peerMatches)}`;
    const base = { direction, endpoint: self.id, inCluster: true, isolated: policies.length > 0, policies, allowedBy };
    if (!tiered) {
      return { ...base, allowed: policies.length === 0 || matches.length > 0, decidedBy: 'NetworkPolicy', caveats: [], text: networkPolicyText };
    }
    if (self.kind === 'pod' && self.hostNetwork) {
      const text = `${self.id} uses hostNetwork: no policy of any tier restricts its ${dirWord}`;
      return { ...base, isolated: false, allowedBy: [], allowed: true, decidedBy: 'default', caveats: [], text };
    }

    const trace = analysis.sideTrace(from, to, direction, ConnSet.range(protocol, port));
    const selecting = analysis.selectingClusterPolicies(self, direction);
    const steps: TierStep[] = [];
    const decision = (tier: TierName) => trace.decisions.find((d) => d.tier === tier);
    const clusterStep = (tier: 'Admin' | 'Baseline'): boolean => {
      const d = decision(tier);
      if (d) {
        steps.push(clusterDecisionStep(d, what));
        return d.outcome !== 'passed';
      }
      const inTier = selecting.filter((p) => p.tier === tier);
      steps.push({
        tier,
        outcome: 'no-match',
        text: inTier.length === 0
          ? `${tier} tier: no ${tier === 'Admin' ? 'admin' : 'baseline'} policy selects ${self.id} for ${dirWord}`
          : `${tier} tier: no rule of ${listing(inTier.map((p) => p.id))} matches ${what} ${peerWord}`,
      });
      return false;
    };
    let decidedBy: TierName = 'default';
    if (clusterStep('Admin')) {
      decidedBy = 'Admin';
    } else if (trace.networkPolicyIsolated) {
      decidedBy = 'NetworkPolicy';
      const d = decision('NetworkPolicy');
      steps.push({ tier: 'NetworkPolicy', outcome: d?.outcome === 'allowed' ? 'allowed' : 'denied', text: `NetworkPolicy tier: ${networkPolicyText}` });
    } else {
      steps.push({ tier: 'NetworkPolicy', outcome: 'no-match', text: `NetworkPolicy tier: ${self.id} is not isolated for ${dirWord} (no NetworkPolicy selects it for ${dirWord})` });
      if (clusterStep('Baseline')) {
        decidedBy = 'Baseline';
      } else {
        steps.push({ tier: 'default', outcome: 'allowed', text: 'default: allowed' });
      }
    }
    const caveats = trace.caveats.filter((c) => c.conns.contains(protocol, port)).map((c: Caveat) => c.text);
    return {
      ...base,
      allowed: trace.allowed.contains(protocol, port),
      tiers: steps,
      decidedBy,
      caveats,
      text: steps.map((s) => s.text).join('; '),
    };
  };

  const egress = side('Egress');
  const ingress = side('Ingress');
  const allowed = egress.allowed && ingress.allowed;
  const head = reason
    ? `NOT COVERED: ${from.id} => ${to.id} on ${what}: ${reason}`
    : `${allowed ? 'ALLOWED' : 'DENIED'}: ${from.id} => ${to.id} on ${what}`;
  const lines = [head];
  if (!reason) {
    lines.push(`  egress:  ${egress.text}`, `  ingress: ${ingress.text}`);
    for (const c of [...egress.caveats, ...ingress.caveats]) lines.push(`  caveat:  ${c}`);
  }
  return {
    from: from.id,
    to: to.id,
    protocol,
    port,
    covered: reason === undefined,
    reason,
    allowed: reason === undefined && allowed,
    egress,
    ingress,
    text: lines.join('\n'),
  };
}

/** `Admin tier: ClusterNetworkPolicy x spec.egress[0] (Deny) denies TCP 80`, or `passed to NetworkPolicy by ...`. */
function clusterDecisionStep(d: TierDecision, what: string): TierStep {
  const policy = d.policy as ClusterPolicy;
  const rule = d.rule!;
  const described = describeClusterRule(policy, rule);
  const ref = { policy: policy.id, direction: rule.direction, index: rule.index, field: ruleField(rule.direction, rule.index) };
  if (d.outcome === 'passed') {
    const next = d.tier === 'Admin' ? 'NetworkPolicy' : 'the default';
    return { tier: d.tier, outcome: 'passed', ...ref, text: `${d.tier} tier: passed to ${next} by ${described}` };
  }
  const verb = d.outcome === 'denied' ? 'denies' : rule.writtenAction === 'Allow' ? 'allows' : 'accepts';
  return { tier: d.tier, outcome: d.outcome, ...ref, text: `${d.tier} tier: ${described} ${verb} ${what}` };
}

/** ` (shop/x spec.ingress[0] admits it on TCP 8080 only)`: rules that match the peer but not the port. */
function otherPorts(matches: readonly RuleMatch[]): string {
  if (matches.length === 0) return '';
  return ` (${listing(matches.map((m) => `${describeRule(m.policy, m.rule)} admits it on ${m.conns} only`))})`;
}

function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
