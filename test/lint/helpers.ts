import { Finding } from '../../src/lint/finding';
import { lintObjects } from '../../src/lint/runner';

export interface WorkloadExtras {
  readonly ports?: any[];
  readonly hostNetwork?: boolean;
  readonly annotations?: Record<string, string>;
}

export function deployment(ns: string, name: string, labels: Record<string, string>, extra: WorkloadExtras = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          ...(extra.hostNetwork ? { hostNetwork: true } : {}),
          containers: [{ name: 'main', image: 'nginx', ...(extra.ports ? { ports: extra.ports } : {}) }],
        },
      },
    },
  };
}

/** The web and database workloads of namespace shop most rule tests use, each declaring a named port. */
export const web = deployment('shop', 'web', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] });
export const db = deployment('shop', 'db', { app: 'db' }, { ports: [{ name: 'pgsql', containerPort: 5432 }] });

export function policy(ns: string, name: string, spec: any, annotations?: Record<string, string>): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

export function namespace(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** DNS egress the way SEMANTICS.md section 6 writes it. */
export const DNS_EGRESS = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};

/** A namespace locked down both ways with DNS allowed. */
export function defaultDeny(ns: string): any {
  return policy(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS] });
}

export function lint(objects: any[]): Finding[] {
  return lintObjects(objects.map((object) => ({ object }))).findings;
}

/** The findings of one rule, active ones only. */
export function findingsOf(objects: any[], ruleId: string): Finding[] {
  return lint(objects).filter((f) => f.ruleId === ruleId && !f.suppressed);
}

const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** A ClusterNetworkPolicy (v1alpha2); the subject defaults to every namespace. */
export function cnp(name: string, tier: 'Admin' | 'Baseline', priority: number, spec: any): any {
  return {
    apiVersion: `${CLUSTER_POLICY_GROUP}/v1alpha2`,
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec: { tier, priority, subject: { namespaces: {} }, ...spec },
  };
}

/** An AdminNetworkPolicy (v1alpha1); the subject defaults to every namespace. */
export function anp(name: string, priority: number, spec: any): any {
  return { apiVersion: `${CLUSTER_POLICY_GROUP}/v1alpha1`, kind: 'AdminNetworkPolicy', metadata: { name }, spec: { priority, subject: { namespaces: {} }, ...spec } };
}

/** A cluster peer or subject: the namespace of that name. */
export function inNamespace(name: string): any {
  return { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': name } } };
}

/** Cluster-policy `protocols` for UDP and TCP 53. */
export const DNS_PROTOCOLS = [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }];

/** An Accept of DNS toward kube-dns (cluster-policy form). */
export const ACCEPT_DNS = {
  action: 'Accept',
  to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
  protocols: DNS_PROTOCOLS,
};

/** A Pod with an IP (what `networks` peers match). */
export function pod(ns: string, name: string, labels: Record<string, string>, ip: string): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: { containers: [{ name: 'main', image: 'nginx' }] },
    status: { podIP: ip },
  };
}
