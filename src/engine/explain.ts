/**
 * Explanations of one verdict: for each side, whether it is isolated, which policies select
 * it, and which policy rule admitted the traffic, or that none did.
 */
import { Analysis, RuleMatch } from './analysis';
import { ProtocolName } from './conn-set';
import { Endpoint } from './endpoint';
import { DirectionName, Policy, Rule } from './policy';

export interface RuleRef {
  /** `namespace/name` */
  readonly policy: string;
  readonly direction: DirectionName;
  /** 0-based position in `spec.ingress` / `spec.egress` */
  readonly index: number;
}

export interface SideExplanation {
  /** `Egress` for the source side, `Ingress` for the destination side */
  readonly direction: DirectionName;
  /** the endpoint this side is about (source for egress, destination for ingress) */
  readonly endpoint: string;
  readonly inCluster: boolean;
  readonly isolated: boolean;
  /** policies selecting the endpoint for this direction, `namespace/name` */
  readonly policies: readonly string[];
  /** rules that admit the connection */
  readonly allowedBy: readonly RuleRef[];
  /** this side lets the connection through */
  readonly allowed: boolean;
  /** one sentence */
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

/** `shop/backend-from-frontend ingress rule 1` (rules are numbered from 1 for people). */
export function describeRule(policy: Policy, rule: Rule): string {
  return `${policy.id} ${rule.direction.toLowerCase()} rule ${rule.index + 1}`;
}

export function explainConnection(analysis: Analysis, fromText: string | Endpoint, toText: string | Endpoint, port: number, protocol: ProtocolName = 'TCP'): Explanation {
  const from = typeof fromText === 'string' ? analysis.endpoint(fromText) : fromText;
  const to = typeof toText === 'string' ? analysis.endpoint(toText) : toText;
  const what = `${protocol} ${port}`;
  const reason = analysis.notCoveredReason(from, to);

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
        text: `${self.id} is outside the cluster: NetworkPolicy does not restrict its ${dirWord}`,
      };
    }
    const policies = analysis.selectingPolicies(self, direction).map((p) => p.id);
    if (policies.length === 0) {
      return {
        direction,
        endpoint: self.id,
        inCluster: true,
        isolated: false,
        policies,
        allowedBy: [],
        allowed: true,
        text: `${self.id} is not isolated for ${dirWord} (no policy selects it for ${dirWord}): all ${dirWord} is allowed`,
      };
    }
    const peerMatches = direction === 'Egress' ? analysis.egressRuleMatches(from, to) : analysis.ingressRuleMatches(from, to);
    const matches = peerMatches.filter((m) => m.conns.contains(protocol, port));
    const allowedBy = matches.map((m) => ({ policy: m.policy.id, direction, index: m.rule.index }));
    const isolatedBy = `${self.id} is isolated for ${dirWord} by ${listing(policies)}`;
    const peerWord = direction === 'Egress' ? `to ${other.id}` : `from ${other.id}`;
    const text = matches.length
      ? `${isolatedBy}; ${listing(matches.map((m) => describeRule(m.policy, m.rule)))} ${matches.length > 1 ? 'admit' : 'admits'} ${peerWord} on ${what}`
      : `${isolatedBy}; no rule admits ${other.id} on ${what}${otherPorts(peerMatches)}`;
    return { direction, endpoint: self.id, inCluster: true, isolated: true, policies, allowedBy, allowed: matches.length > 0, text };
  };

  const egress = side('Egress');
  const ingress = side('Ingress');
  const allowed = egress.allowed && ingress.allowed;
  const head = reason
    ? `NOT COVERED: ${from.id} => ${to.id} on ${what}: ${reason}`
    : `${allowed ? 'ALLOWED' : 'DENIED'}: ${from.id} => ${to.id} on ${what}`;
  const lines = [head];
  if (!reason) lines.push(`  egress:  ${egress.text}`, `  ingress: ${ingress.text}`);
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

/** ` (shop/x ingress rule 1 admits it on TCP 8080 only)`: rules that match the peer but not the port. */
function otherPorts(matches: readonly RuleMatch[]): string {
  if (matches.length === 0) return '';
  return ` (${listing(matches.map((m) => `${describeRule(m.policy, m.rule)} admits it on ${m.conns} only`))})`;
}

function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
