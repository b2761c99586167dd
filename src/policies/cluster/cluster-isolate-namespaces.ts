import { Construct } from 'constructs';
import { dnsLabelError, dnsSubdomainError, labelKeyError, labelValueError, NAMESPACE_NAME_LABEL } from '../../k8s';
import { compare, kebabCase, quote } from '../../text';
import { checkOptions } from '../../vocabulary/_options';
import { ClusterRule } from '../../vocabulary/cluster-rule';
import { LabelExpression, LabelOperator } from '../../vocabulary/label-expression';
import { Peer } from '../../vocabulary/peer';
import { Subject } from '../../vocabulary/subject';
import { Tier } from '../../vocabulary/tier';
import { constructError } from '../_construct-error';
import { ClusterNetworkPolicy } from './cluster-network-policy';

/**
 * Props for `ClusterIsolateNamespaces`: the tenants, either by a namespace label (`tenantLabel`
 * and `tenants`) or by name (`tenantNamespaces`), not both.
 */
export interface ClusterIsolateNamespacesProps {
  /**
   * The prefix of the policies' names: one policy per tenant, `<name>-<tenant>`.
   *
   * @default - the construct id in kebab-case
   */
  readonly name?: string;

  /**
   * The priority of the policies in the Admin tier (0-1000, lower first).
   *
   * @default 20
   */
  readonly priority?: number;

  /**
   * The namespace label whose value names a namespace's tenant, e.g. `tenant`: namespaces with
   * the same value belong together. Namespaces without the label belong to no tenant and are
   * left alone. Give the tenants' values in `tenants`.
   *
   * @default - tenants are given by name, in `tenantNamespaces`
   */
  readonly tenantLabel?: string;

  /**
   * The tenants (values of `tenantLabel`), one policy each. A namespace labelled with a value not
   * listed here is still kept apart from every listed tenant.
   *
   * @default - tenants are given by name, in `tenantNamespaces`
   */
  readonly tenants?: string[];

  /**
   * The tenants by name: tenant -> its namespaces. A namespace belongs to one tenant at most;
   * namespaces not listed belong to none and are left alone.
   *
   * @default - tenants are given by label, in `tenantLabel` and `tenants`
   */
  readonly tenantNamespaces?: { [tenant: string]: string[] };
}

/** One tenant: who is in it, and who is in another tenant. */
interface TenantModel {
  readonly tenant: string;
  readonly same: { readonly labels: Record<string, string>; readonly expressions: LabelExpression[] };
  /** undefined: there is no other tenant */
  readonly others?: LabelExpression[];
}

/**
 * Tenant isolation in the Admin tier: traffic between namespaces of different tenants is denied
 * (no namespace can re-open it), traffic within a tenant is passed to the namespaces' own
 * NetworkPolicies (which decide it as if there were no cluster policy), and traffic with
 * namespaces of no tenant (`kube-system`, an ingress controller) is left to the rest of the
 * tiers. One `ClusterNetworkPolicy` per tenant, `<name>-<tenant>`, whose subject is the
 * tenant's namespaces:
 *
 * - ingress: Pass from the tenant's namespaces, Deny from the other tenants' namespaces;
 * - egress: Pass to the tenant's namespaces, Deny to the other tenants' namespaces.
 *
 * Tenants are given by a namespace label (`tenantLabel: 'tenant', tenants: ['acme', 'globex']`)
 * or by name (`tenantNamespaces: { acme: ['acme-web', 'acme-db'], globex: ['globex'] }`).
 * `IsolateNamespace` is the NetworkPolicy-only form, one namespace at a time, ingress only.
 *
 * @example
 * new ClusterIsolateNamespaces(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['acme', 'globex'] });
 */
export class ClusterIsolateNamespaces extends Construct {
  /** The policies, one per tenant, in the order of the tenants' names. */
  public readonly policies: ClusterNetworkPolicy[];

  /** The tenants, sorted. */
  public readonly tenants: string[];

  public constructor(scope: Construct, id: string, props: ClusterIsolateNamespacesProps) {
    super(scope, id);
    const p = checkOptions(props, { name: 'string', priority: 'other', tenantLabel: 'string', tenants: 'other', tenantNamespaces: 'other' },
      true, 'prop', (m) => this.error(m));
    const base = p.name ?? kebabCase(id);
    const models = p.tenantNamespaces !== undefined ? this.byName(p) : this.byLabel(p);
    this.tenants = models.map((m) => m.tenant);
    for (const m of models) {
      const err = dnsSubdomainError(`${base}-${m.tenant}`);
      if (err) {
        throw this.error(`invalid tenant ${quote(m.tenant)}: it names the tenant's policy, ${quote(`${base}-${m.tenant}`)}, and ${err}` +
          (p.name === undefined ? ' (give a `name` prefix, or rename the tenant)' : ''));
      }
    }
    this.policies = models.map((m) => {
      const same = Peer.pods({ namespaceLabels: m.same.labels, namespaceExpressions: m.same.expressions });
      const others = m.others !== undefined ? Peer.pods({ namespaceExpressions: m.others }) : undefined;
      const policy = new ClusterNetworkPolicy(this, m.tenant, {
        name: `${base}-${m.tenant}`,
        tier: Tier.ADMIN,
        priority: p.priority ?? 20,
        subject: Subject.namespaces(m.same.labels, m.same.expressions),
      });
      policy.addIngress(ClusterRule.pass({ name: 'same-tenant', peers: [same] }));
      if (others !== undefined) policy.addIngress(ClusterRule.deny({ name: 'other-tenants', peers: [others] }));
      policy.addEgress(ClusterRule.pass({ name: 'same-tenant', peers: [same] }));
      if (others !== undefined) policy.addEgress(ClusterRule.deny({ name: 'other-tenants', peers: [others] }));
      return policy;
    });
  }

  private error(message: string): Error {
    return constructError(this.node.path, 'ClusterIsolateNamespaces', message);
  }

  private byLabel(p: ClusterIsolateNamespacesProps): TenantModel[] {
    if (p.tenantLabel === undefined) {
      throw this.error("no tenants: give tenantLabel and tenants (tenantLabel: 'tenant', tenants: ['acme', 'globex']), or tenantNamespaces ({ acme: ['acme-web'] })");
    }
    const keyErr = labelKeyError(p.tenantLabel);
    if (keyErr) throw this.error(`invalid tenantLabel ${quote(p.tenantLabel)}: ${keyErr}`);
    if (p.tenantLabel === NAMESPACE_NAME_LABEL) {
      throw this.error(`invalid tenantLabel ${quote(p.tenantLabel)}: that label is the namespace's own name (one tenant per namespace); ` +
        'to group namespaces by name give tenantNamespaces instead');
    }
    const tenants = this.tenantList(p.tenants, 'tenants');
    tenants.forEach((t, i) => {
      const err = labelValueError(t);
      if (err) throw this.error(`invalid tenants[${i}] ${quote(t)}: it is a value of the label ${quote(p.tenantLabel)}, and ${err}`);
    });
    const key = p.tenantLabel;
    return [...new Set(tenants)].sort(compare).map((tenant) => ({
      tenant,
      same: { labels: { [key]: tenant }, expressions: [] },
      // namespaces of any other tenant, listed or not: the label is there with another value
      others: [{ key, operator: LabelOperator.EXISTS }, { key, operator: LabelOperator.NOT_IN, values: [tenant] }],
    }));
  }

  private byName(p: ClusterIsolateNamespacesProps): TenantModel[] {
    if (p.tenantLabel !== undefined || p.tenants !== undefined) {
      throw this.error('tenantNamespaces and tenantLabel/tenants are two ways to give the tenants: give one of them');
    }
    const map = p.tenantNamespaces!;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      throw this.error(`invalid tenantNamespaces ${quote(map)}: must map each tenant to its namespaces, e.g. { acme: ['acme-web', 'acme-db'] }`);
    }
    const owner = new Map<string, string>();
    const tenants = Object.keys(map).sort(compare);
    if (tenants.length === 0) throw this.error('invalid tenantNamespaces {}: give at least one tenant');
    const members = new Map<string, string[]>();
    for (const tenant of tenants) {
      const nsList = map[tenant];
      if (!Array.isArray(nsList) || nsList.length === 0) {
        throw this.error(`invalid tenantNamespaces[${quote(tenant)}] ${quote(nsList)}: must be a non-empty list of namespace names`);
      }
      nsList.forEach((ns, i) => {
        const err = dnsLabelError(ns);
        if (err) throw this.error(`invalid tenantNamespaces[${quote(tenant)}][${i}] ${quote(ns)}: ${err}`);
        const earlier = owner.get(ns);
        if (earlier !== undefined && earlier !== tenant) {
          throw this.error(`namespace ${quote(ns)} is in two tenants, ${quote(earlier)} and ${quote(tenant)}: a namespace belongs to one tenant at most`);
        }
        owner.set(ns, tenant);
      });
      members.set(tenant, [...new Set(nsList)].sort(compare));
    }
    return tenants.map((tenant) => {
      const others = tenants.filter((t) => t !== tenant).flatMap((t) => members.get(t)!).sort(compare);
      return {
        tenant,
        same: { labels: {}, expressions: [{ key: NAMESPACE_NAME_LABEL, operator: LabelOperator.IN, values: members.get(tenant)! }] },
        ...(others.length > 0 ? { others: [{ key: NAMESPACE_NAME_LABEL, operator: LabelOperator.IN, values: others }] } : {}),
      };
    });
  }

  private tenantList(tenants: string[] | undefined, field: string): string[] {
    if (tenants === undefined) throw this.error(`tenantLabel is given but not ${field}: list the tenants (the label's values), e.g. ${field}: ['acme', 'globex']`);
    if (!Array.isArray(tenants) || tenants.length === 0) {
      throw this.error(`invalid ${field} ${quote(tenants)}: must be a non-empty list of tenants (values of tenantLabel)`);
    }
    return tenants;
  }
}
