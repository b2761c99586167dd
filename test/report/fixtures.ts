import { Severity } from '../../src/lint/finding';
import { ReportModel } from '../../src/report/report-model';

/** shop (frontend, backend, db), monitoring (prometheus), and the internet. */
export function shopModel(): ReportModel {
  const w = (namespace: string, name: string, ingressIsolated = true, egressIsolated = true) =>
    ({ id: `${namespace}/${name}`, kind: 'workload' as const, namespace, name, workloadKind: 'Deployment', ingressIsolated, egressIsolated });
  return {
    title: 'Reachability: shop',
    endpoints: [
      w('shop', 'frontend', false, false),
      w('shop', 'backend'),
      w('shop', 'db'),
      w('monitoring', 'prometheus', true, false),
      { id: '0.0.0.0/0', kind: 'external', name: '0.0.0.0/0' },
    ],
    edges: [
      { from: '0.0.0.0/0', to: 'shop/frontend', ports: 'all traffic' },
      { from: 'shop/backend', to: 'shop/frontend', ports: 'all traffic' },
      { from: 'shop/db', to: 'shop/frontend', ports: 'all traffic' },
      { from: 'monitoring/prometheus', to: 'shop/frontend', ports: 'all traffic' },
      { from: 'shop/frontend', to: 'shop/backend', ports: 'TCP 8080' },
      { from: 'shop/backend', to: 'shop/db', ports: 'TCP 5432' },
      { from: 'monitoring/prometheus', to: 'shop/backend', ports: 'TCP 9090' },
      { from: 'monitoring/prometheus', to: 'shop/db', ports: 'TCP 9090' },
      { from: 'shop/frontend', to: '0.0.0.0/0', ports: 'all traffic' },
    ],
    findings: [
      {
        ruleId: 'NP001',
        severity: Severity.WARNING,
        kind: 'Deployment',
        namespace: 'shop',
        name: 'frontend',
        message: 'no policy selects it for ingress: every pod and address can connect to it.',
        fix: 'add a policy that selects it for ingress (e.g. a namespace default-deny).',
      },
      {
        ruleId: 'NP006',
        severity: Severity.ERROR,
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'db-ingress',
        location: 'spec.ingress[0].ports[0]',
        message: 'named port "pgsql" is declared by no destination pod.',
        fix: 'use the container port name "postgres" or the number 5432.',
      },
      {
        ruleId: 'NP012',
        severity: Severity.INFO,
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'allow-web',
        message: 'ingress from anywhere on every port.',
        fix: 'restrict ports.',
        suppressed: true,
        suppressionReason: 'public web | tier',
      },
    ],
  };
}

/** n namespaces x m identical workloads, each namespace isolated, workloads talk to an api in their namespace. */
export function bigModel(namespaces: number, perNamespace: number): ReportModel {
  const endpoints: ReportModel['endpoints'] = [];
  const edges: ReportModel['edges'] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    endpoints.push({ id: `${ns}/api`, kind: 'workload', namespace: ns, name: 'api', workloadKind: 'Deployment', ingressIsolated: true, egressIsolated: true });
    for (let i = 0; i < perNamespace - 1; i++) {
      const id = `${ns}/worker-${i}`;
      endpoints.push({ id, kind: 'workload', namespace: ns, name: `worker-${i}`, workloadKind: 'Deployment', ingressIsolated: true, egressIsolated: true });
      edges.push({ from: id, to: `${ns}/api`, ports: 'TCP 443' });
    }
  }
  return { title: 'Reachability: big', endpoints, edges, findings: [] };
}

/**
 * A multi-team cluster as a report model, without the engine (fast at any size): per namespace
 * `team-K` a `web` (open for ingress), `api-1..` (identical), a `db`; web -> api -> db inside,
 * every workload -> kube-system/coredns, monitoring/prometheus -> every workload, the ingress
 * controller -> every web, each team's web -> the next team's api, and the web to the internet.
 */
export function teamsModel(namespaces: number, perNamespace: number): ReportModel {
  const endpoints: ReportModel['endpoints'] = [];
  const edges: ReportModel['edges'] = [];
  const w = (namespace: string, name: string, ingressIsolated = true) => {
    endpoints.push({ id: `${namespace}/${name}`, kind: 'workload', namespace, name, workloadKind: 'Deployment', ingressIsolated, egressIsolated: true });
    return `${namespace}/${name}`;
  };
  const dns = w('kube-system', 'coredns', false);
  const prom = w('monitoring', 'prometheus');
  const ingress = w('ingress-nginx', 'controller');
  endpoints.push({ id: '0.0.0.0/0', kind: 'external', name: '0.0.0.0/0' });
  const findings: ReportModel['findings'] = [];
  for (let k = 0; k < namespaces; k++) {
    const ns = `team-${k}`;
    const web = w(ns, 'web', false);
    const apis = Array.from({ length: Math.max(1, perNamespace - 2) }, (_, i) => w(ns, `api-${i + 1}`));
    const db = w(ns, 'db');
    edges.push({ from: ingress, to: web, ports: 'TCP 8080' }, { from: web, to: '0.0.0.0/0', ports: 'TCP 443' });
    edges.push({ from: web, to: `team-${(k + 1) % namespaces}/api-1`, ports: 'TCP 8443' });
    for (const api of apis) edges.push({ from: web, to: api, ports: 'TCP 8080' }, { from: api, to: db, ports: 'TCP 5432' });
    for (const x of [web, ...apis, db]) edges.push({ from: x, to: dns, ports: 'UDP 53' }, { from: prom, to: x, ports: 'TCP 9090' });
    findings.push({
      ruleId: 'NP001',
      severity: Severity.WARNING,
      kind: 'Deployment',
      namespace: ns,
      name: 'web',
      message: `Deployment ${ns}/web is not selected by any policy for ingress.`,
      fix: 'add a default-deny ingress policy.',
    });
  }
  return { title: `Reachability: ${namespaces} teams`, endpoints, edges, findings };
}
