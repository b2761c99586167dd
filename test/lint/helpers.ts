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
