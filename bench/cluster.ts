/**
 * Generated clusters for the engine benchmark: plain manifest objects (Namespaces, Deployments,
 * NetworkPolicies), shaped like a multi-team cluster rather than random noise.
 *
 * - Three infrastructure namespaces: `kube-system` (CoreDNS, `k8s-app=kube-dns`), `monitoring`
 *   (Prometheus; the namespace is labelled `purpose=monitoring`) and `ingress-nginx` (the ingress
 *   controller).
 * - Application namespaces `team-K` of 10 workloads each (the last one may be partial):
 *   `web` (tier frontend), `api`, `auth`, `worker`, `scheduler`, `search`, `batch` (tier backend),
 *   `db`, `cache`, `queue` (tier data); named container ports (`http`, `metrics`, `postgres`,
 *   `redis`, `amqp`). Namespaces carry `team`, `env` and `purpose` labels.
 * - About one policy per two workloads: per application namespace a default-deny (both
 *   directions, DNS kept), the frontend's ingress from the ingress controller (named port) and
 *   egress to the API, the backend's ingress from the frontend, from a partner team's frontend
 *   (namespaceSelector AND podSelector) and from monitoring (named port), the backend's egress to
 *   the data tier and to a partner's ipBlock (and, in every fourth namespace, to the internet
 *   minus private ranges and the metadata address), and the data tier's ingress from the backend
 *   (named ports) and monitoring.
 *
 * Deterministic: the same size always gives the same cluster.
 */

export interface GeneratedCluster {
  /** workloads (Deployments), including the infrastructure ones */
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  /** every manifest: Namespaces, Deployments, NetworkPolicies */
  readonly manifests: any[];
}

const APP_ROLES: readonly { app: string; tier: 'frontend' | 'backend' | 'data'; ports: [string, number][] }[] = [
  { app: 'web', tier: 'frontend', ports: [['http', 8080], ['metrics', 9090]] },
  { app: 'api', tier: 'backend', ports: [['http', 8080], ['metrics', 9090]] },
  { app: 'auth', tier: 'backend', ports: [['http', 8080], ['metrics', 9090]] },
  { app: 'worker', tier: 'backend', ports: [['metrics', 9090]] },
  { app: 'scheduler', tier: 'backend', ports: [['metrics', 9090]] },
  { app: 'search', tier: 'backend', ports: [['http', 9200], ['metrics', 9090]] },
  { app: 'batch', tier: 'backend', ports: [['metrics', 9091]] },
  { app: 'db', tier: 'data', ports: [['postgres', 5432], ['metrics', 9187]] },
  { app: 'cache', tier: 'data', ports: [['redis', 6379], ['metrics', 9121]] },
  { app: 'queue', tier: 'data', ports: [['amqp', 5672], ['metrics', 15692]] },
];

const TEAMS = 20;
const PARTNER_CIDRS = 16;

function namespace(name: string, labels: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function deployment(ns: string, name: string, labels: Record<string, string>, ports: [string, number][]): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: { app: labels.app } },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: 'main',
            image: `registry.example.com/${name}:1.0`,
            ports: ports.map(([portName, containerPort]) => ({ name: portName, containerPort, protocol: 'TCP' })),
          }],
        },
      },
    },
  };
}

function policy(ns: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

const nsName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const tcp = (port: number | string) => ({ protocol: 'TCP', port });

/** A cluster of about `workloads` workloads (at least 13) and about one policy per two workloads. */
export function generateCluster(workloads: number): GeneratedCluster {
  const manifests: any[] = [];
  let workloadCount = 0;
  let policyCount = 0;
  const add = (m: any) => {
    manifests.push(m);
    if (m.kind === 'Deployment') workloadCount++;
    if (m.kind === 'NetworkPolicy') policyCount++;
  };

  // infrastructure
  add(namespace('kube-system', {}));
  add(deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [['dns', 53], ['dns-tcp', 53]]));
  add(namespace('monitoring', { purpose: 'monitoring' }));
  add(deployment('monitoring', 'prometheus', { app: 'prometheus' }, [['web', 9090]]));
  add(namespace('ingress-nginx', { purpose: 'ingress' }));
  add(deployment('ingress-nginx', 'controller', { 'app': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }, [['http', 80], ['https', 443]]));
  add(policy('monitoring', 'prometheus-egress', {
    podSelector: { matchLabels: { app: 'prometheus' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ namespaceSelector: {} }], ports: [tcp('metrics')] }, { to: [{ namespaceSelector: nsName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] }],
  }));
  add(policy('ingress-nginx', 'controller-ingress', {
    podSelector: { matchLabels: { app: 'ingress-nginx' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(80), tcp(443)] }],
  }));

  const remaining = Math.max(0, workloads - workloadCount);
  const appNamespaces = Math.ceil(remaining / APP_ROLES.length);
  for (let k = 0; k < appNamespaces; k++) {
    const ns = `team-${k}`;
    const team = `t${k % TEAMS}`;
    const partnerTeam = `t${(k + 1) % TEAMS}`;
    add(namespace(ns, { team, env: k % 3 === 0 ? 'staging' : 'prod', purpose: 'apps' }));
    const count = Math.min(APP_ROLES.length, remaining - k * APP_ROLES.length);
    for (const role of APP_ROLES.slice(0, count)) {
      add(deployment(ns, role.app, { app: role.app, tier: role.tier, team, version: `v${1 + (k % 3)}` }, role.ports));
    }

    add(policy(ns, 'default-deny', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      egress: [{
        to: [{ namespaceSelector: nsName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      }],
    }));
    add(policy(ns, 'frontend', {
      podSelector: { matchLabels: { tier: 'frontend' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: nsName('ingress-nginx'), podSelector: { matchLabels: { app: 'ingress-nginx' } } }], ports: [tcp('http')] }],
      egress: [{ to: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'auth'] }] } }], ports: [tcp(8080)] }],
    }));
    add(policy(ns, 'backend-ingress', {
      podSelector: { matchLabels: { tier: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }, { podSelector: { matchLabels: { app: 'worker' } } }], ports: [tcp(8080), tcp(9200)] },
        { from: [{ namespaceSelector: { matchLabels: { team: partnerTeam } }, podSelector: { matchLabels: { app: 'web' } } }], ports: [tcp('http')] },
        { from: [{ namespaceSelector: { matchLabels: { purpose: 'monitoring' } } }], ports: [tcp('metrics')] },
      ],
    }));
    const partner = (k * 7) % PARTNER_CIDRS;
    const egress: any[] = [
      { to: [{ podSelector: { matchLabels: { tier: 'data' } } }], ports: [tcp(5432), tcp(6379), tcp(5672)] },
      { to: [{ podSelector: { matchLabels: { tier: 'backend' } } }], ports: [tcp(8080), tcp(9200)] },
      { to: [{ ipBlock: { cidr: `172.16.${partner * 16}.0/20`, except: [`172.16.${partner * 16 + 15}.0/24`] } }], ports: [tcp(443)] },
    ];
    if (k % 4 === 0) {
      egress.push({
        to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.169.254/32'] } }],
        ports: [tcp(443)],
      });
    }
    add(policy(ns, 'backend-egress', { podSelector: { matchLabels: { tier: 'backend' } }, policyTypes: ['Egress'], egress }));
    add(policy(ns, 'data-ingress', {
      podSelector: { matchLabels: { tier: 'data' } },
      ingress: [
        { from: [{ podSelector: { matchLabels: { tier: 'backend' } } }], ports: [tcp('postgres'), tcp('redis'), tcp('amqp')] },
        { from: [{ namespaceSelector: { matchLabels: { purpose: 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }], ports: [tcp('metrics')] },
      ],
    }));
  }
  return {
    workloads: workloadCount,
    namespaces: manifests.filter((m) => m.kind === 'Namespace').length,
    policies: policyCount,
    manifests,
  };
}
