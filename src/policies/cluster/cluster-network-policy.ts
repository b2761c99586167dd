import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { dnsSubdomainError, formatPolicyError, PolicyError, validateClusterNetworkPolicy } from '../../k8s';
import { kebabCase, quote } from '../../text';
import { CLUSTER_NETWORK_POLICY_API_VERSION, ClusterDirection, ClusterNetworkPolicySpecJson } from '../../vocabulary/_cluster-json';
import { checkOptions } from '../../vocabulary/_options';
import { ClusterRule } from '../../vocabulary/cluster-rule';
import { Subject } from '../../vocabulary/subject';
import { Tier } from '../../vocabulary/tier';
import { constructError } from '../_construct-error';

/**
 * Props for `ClusterNetworkPolicy`.
 */
export interface ClusterNetworkPolicyProps {
  /**
   * The policy's `metadata.name`: an RFC 1123 subdomain, unique in the cluster (the policy is
   * cluster-scoped).
   *
   * @default - the construct id in kebab-case, with no hash suffix
   */
  readonly name?: string;

  /**
   * The tier: `Tier.ADMIN` (before every NetworkPolicy) or `Tier.BASELINE` (after them).
   */
  readonly tier: Tier;

  /**
   * The order in the tier: 0-1000, lower first. Two policies of one tier should not share a
   * priority: upstream leaves their order to the implementation.
   */
  readonly priority: number;

  /**
   * Whom the policy applies to.
   */
  readonly subject: Subject;

  /**
   * The ingress rules, in order (the first matching rule decides). At most 25.
   *
   * @default - none: the policy does not affect ingress (add some with `addIngress()`)
   */
  readonly ingress?: ClusterRule[];

  /**
   * The egress rules, in order (the first matching rule decides). At most 25.
   *
   * @default - none: the policy does not affect egress (add some with `addEgress()`)
   */
  readonly egress?: ClusterRule[];
}

const PROPS = { name: 'string', tier: 'other', priority: 'other', subject: 'other', ingress: 'other', egress: 'other' } as const;

/** The names taken per app (cluster-scoped: one namespace for all of them), name -> construct path. */
const namesByApp = new WeakMap<IConstruct, Map<string, string>>();

function hintFor(field: string, message: string): string {
  if (field === 'spec.priority') return ' (the priority is an integer from 0 to 1000, lower evaluated first)';
  if (/^spec\.(ingress|egress)$/.test(field) && /at most/.test(message)) {
    return '. Split the rules over two ClusterNetworkPolicies of the same tier, the second at a higher priority number (evaluated after the first)';
  }
  return '';
}

/**
 * A cluster-wide network policy of Kubernetes' network-policy-api (`ClusterNetworkPolicy`,
 * `policy.networking.k8s.io/v1alpha2`): rules that Accept, Deny or Pass traffic, in the Admin tier
 * (before every NetworkPolicy: no namespace can change what it decides) or the Baseline tier
 * (after them: defaults a namespace may override). See SEMANTICS.md section 8 for how the tiers
 * decide.
 *
 * The policy is cluster-scoped: its manifest has no namespace, even in a chart with one. It IS
 * its ApiObject; the spec is rendered at synth time, so rules added with `addIngress()` and
 * `addEgress()` after construction land in the manifest. Every value is checked where it
 * enters, with the CRD's rules (the validator the CLI uses), and the rendered manifest once more.
 *
 * Needs the network-policy-api CRDs (v0.2.0 or later, experimental channel for `Peer.nodes()`
 * and `Peer.domain()`) and a network plugin that implements them.
 *
 * @example
 * const guard = new ClusterNetworkPolicy(chart, 'shop-guard', {
 *   tier: Tier.ADMIN,
 *   priority: 10,
 *   subject: Subject.namespace('shop'),
 *   egress: [ClusterRule.deny({ name: 'no-metadata', peers: [Peer.ipv4('169.254.169.254/32')] })],
 * });
 * guard.addIngress(ClusterRule.pass({ peers: [Peer.namespace('shop')] }));
 */
export class ClusterNetworkPolicy extends ApiObject {
  /** The tier. */
  public readonly tier: Tier;

  /** The priority in the tier (lower first). */
  public readonly priority: number;

  /** Whom the policy applies to. */
  public readonly subject: Subject;

  private readonly rules: Record<ClusterDirection, ClusterRule[]> = { ingress: [], egress: [] };

  public constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    const kind = new.target.name;
    const fail = (message: string) => {
      const scopePath = scope.node.path;
      return constructError(scopePath ? `${scopePath}/${id}` : id, kind, message);
    };
    const given = checkOptions(props, PROPS, true, 'prop', fail);
    const name = policyName(given.name, id, fail);
    const self: { policy?: ClusterNetworkPolicy } = {};
    super(scope, id, {
      apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION,
      kind: 'ClusterNetworkPolicy',
      metadata: { name },
      spec: Lazy.any({ produce: () => self.policy!._renderSpec() }),
    });
    self.policy = this;

    if (!Object.values(Tier).includes(given.tier)) {
      const fixed = typeof given.tier === 'string' ? Object.entries(Tier).find(([, v]) => v.toLowerCase() === (given.tier as string).toLowerCase()) : undefined;
      throw this._error(`invalid tier ${quote(given.tier)}: must be Tier.ADMIN or Tier.BASELINE${fixed ? `. Did you mean Tier.${fixed[0]}?` : ''}`);
    }
    if (typeof given.priority !== 'number') {
      const hint = typeof given.priority === 'string' && /^[0-9]+$/.test(given.priority) ? `. Did you mean the number ${Number(given.priority)}?` : '';
      throw this._error(`invalid priority ${quote(given.priority)}: must be an integer from 0 to 1000 (lower evaluated first)${hint}`);
    }
    if (!(given.subject instanceof Subject)) {
      throw this._error(`invalid subject ${quote(given.subject)}: must be a Subject, e.g. Subject.allNamespaces(), Subject.namespace('shop') or Subject.pods({ labels: { app: 'web' }, namespace: 'shop' })`);
    }
    this.tier = given.tier;
    this.priority = given.priority;
    this.subject = given.subject;
    this.check('props');

    const taken = namesTaken(this.node.root);
    const earlier = taken.get(name);
    if (earlier !== undefined) {
      throw this._error(`duplicate ClusterNetworkPolicy name ${quote(name)}: also declared at ${quote(earlier)}. ` +
        "A ClusterNetworkPolicy is cluster-scoped, so its name is unique in the cluster whatever the chart's namespace: give one of them another `name`");
    }
    taken.set(name, this.node.path);

    this.addRules('ingress', given.ingress, 'ingress');
    this.addRules('egress', given.egress, 'egress');
  }

  /** The ingress rules, in order. */
  public get ingressRules(): ClusterRule[] {
    return [...this.rules.ingress];
  }

  /** The egress rules, in order. */
  public get egressRules(): ClusterRule[] {
    return [...this.rules.egress];
  }

  /**
   * Adds ingress rules after those already there (the first matching rule decides). Ingress
   * peers are pods only.
   */
  public addIngress(...rules: ClusterRule[]): void {
    this.addRules('ingress', rules, 'addIngress()');
  }

  /** Adds egress rules after those already there (the first matching rule decides). */
  public addEgress(...rules: ClusterRule[]): void {
    this.addRules('egress', rules, 'addEgress()');
  }

  /**
   * Renders the manifest, without a namespace (the policy is cluster-scoped), and checks it with
   * the API server's rules (the validator the CLI uses): the input was checked where it entered,
   * and this also covers escape hatches such as JSON patches.
   */
  public toJson(): any {
    const manifest = super.toJson();
    if (manifest.metadata !== undefined) delete manifest.metadata.namespace;
    const errors = validateClusterNetworkPolicy(manifest);
    if (errors.length > 0) {
      throw this._error(`the ClusterNetworkPolicy "${this.name}" would be rejected by the API server: ${errors.map(formatPolicyError).join('; ')}`);
    }
    return manifest;
  }

  /**
   * The spec in Kubernetes shape, as it will be synthesized.
   *
   * @internal
   */
  public _renderSpec(check: boolean = false): ClusterNetworkPolicySpecJson {
    const spec: ClusterNetworkPolicySpecJson = { tier: this.tier, priority: this.priority, subject: this.subject._render() };
    if (this.rules.ingress.length > 0) spec.ingress = this.rules.ingress.map((r) => r._render('ingress', check));
    if (this.rules.egress.length > 0) spec.egress = this.rules.egress.map((r) => r._render('egress', check));
    return spec;
  }

  /**
   * An error naming this construct, its kind, and what is wrong.
   *
   * @internal
   */
  protected _error(message: string): Error {
    return constructError(this.node.path, this.constructor.name, message);
  }

  private addRules(direction: ClusterDirection, rules: ClusterRule[] | undefined, field: string): void {
    if (rules === undefined) return;
    if (!Array.isArray(rules)) throw this._error(`invalid ${field} ${quote(rules)}: must be a list of ClusterRule, e.g. [ClusterRule.deny({ peers: [...] })]`);
    rules.forEach((r, i) => {
      if (!(r instanceof ClusterRule)) {
        throw this._error(`invalid ${field}[${i}] ${quote(r)}: must be a ClusterRule: ClusterRule.accept(...), ClusterRule.deny(...) or ClusterRule.pass(...)`);
      }
      const problem = r._directionProblem(direction);
      if (problem) throw this._error(`invalid ${field}[${i}] (${r.action}): ${problem}`);
    });
    const before = this.rules[direction].length;
    this.rules[direction].push(...rules);
    try {
      this.check(field);
    } catch (e) {
      this.rules[direction].splice(before);
      throw e;
    }
  }

  /** Asks the validator about the policy as it stands (workloads' labels not read yet). */
  private check(field: string): void {
    const errors: PolicyError[] = validateClusterNetworkPolicy({
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata: { name: this.name },
      spec: this._renderSpec(true),
    });
    if (errors.length === 0) return;
    const text = errors.map((e) => `${formatPolicyError(e)}${hintFor(e.field, e.message)}`).join('; ');
    throw this._error(`invalid ${field}: the ClusterNetworkPolicy ${quote(this.name)} would be rejected by the API server: ${text}`);
  }
}

function policyName(given: string | undefined, id: string, fail: (m: string) => Error): string {
  if (given !== undefined) {
    const err = dnsSubdomainError(given);
    if (err) {
      const k = typeof given === 'string' ? kebabCase(given) : '';
      throw fail(`invalid name ${quote(given)}: ${err}${k && !dnsSubdomainError(k) ? `. Did you mean "${k}"?` : ''}`);
    }
    return given;
  }
  const derived = kebabCase(id);
  const err = dnsSubdomainError(derived);
  if (err) throw fail(`cannot derive a policy name from the construct id ${quote(id)} (got ${quote(derived)}: ${err}): give a \`name\``);
  return derived;
}

function namesTaken(root: IConstruct): Map<string, string> {
  let names = namesByApp.get(root);
  if (names === undefined) {
    names = new Map();
    namesByApp.set(root, names);
  }
  return names;
}
