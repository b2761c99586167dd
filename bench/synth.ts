/**
 * Synth benchmark workload: the same NetworkPolicies written three ways.
 *
 * Per namespace `app-K` (one cdk8s Chart each): a default-deny (both directions, DNS egress to
 * `k8s-app=kube-dns` in `kube-system` kept) and 9 allow policies (ingress from another namespace
 * by name, from the same namespace, from namespaces by label, egress to pods, to an ipBlock with
 * an `except`, to pods of another namespace). Every variant gives each policy the same
 * `metadata.name` and the same meaning (asserted by test/bench-generators.test.ts):
 *
 * - `netpol`: this library's constructs (`DefaultDeny`, `AllowFrom`, `AllowTo`);
 * - `l1`: raw `k8s.KubeNetworkPolicy` objects from cdk8s-plus-28 with literal specs (the floor:
 *   what cdk8s itself costs);
 * - `kplus`: cdk8s-plus-28's `NetworkPolicy` with `Pods.select` / `Namespaces.select` peers.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { AllowFrom, AllowTo, DefaultDeny, Peer, Port } from '../src';

export type SynthVariant = 'netpol' | 'l1' | 'kplus';
export const SYNTH_VARIANTS: readonly SynthVariant[] = ['netpol', 'l1', 'kplus'];
export const SYNTH_LABELS: Record<SynthVariant, string> = {
  netpol: 'cdk8s-netpol constructs',
  l1: 'raw k8s.KubeNetworkPolicy (L1)',
  kplus: 'cdk8s-plus-28 NetworkPolicy',
};

/** A peer: pods (in the policy's namespace, a named one, or namespaces by label), or an IPv4 block. */
export type PeerSpec =
  | { readonly kind: 'pods'; readonly labels: Record<string, string>; readonly namespace?: string; readonly namespaceLabels?: Record<string, string> }
  | { readonly kind: 'ipv4'; readonly cidr: string; readonly except: string[] };

export interface AllowSpec {
  readonly name: string;
  readonly direction: 'ingress' | 'egress';
  /** the selected pods: `app=<app>` */
  readonly app: string;
  readonly peer: PeerSpec;
  readonly tcpPorts: readonly number[];
}

/** The 9 allow policies of namespace number k. */
export function allowSpecs(k: number): AllowSpec[] {
  const third = k % 250;
  return [
    { name: 'frontend-from-ingress', direction: 'ingress', app: 'frontend', peer: { kind: 'pods', labels: { app: 'ingress-nginx' }, namespace: 'ingress-nginx' }, tcpPorts: [8080] },
    { name: 'api-from-frontend', direction: 'ingress', app: 'api', peer: { kind: 'pods', labels: { app: 'frontend' } }, tcpPorts: [8080] },
    { name: 'db-from-api', direction: 'ingress', app: 'db', peer: { kind: 'pods', labels: { app: 'api' } }, tcpPorts: [5432] },
    { name: 'cache-from-api', direction: 'ingress', app: 'cache', peer: { kind: 'pods', labels: { app: 'api' } }, tcpPorts: [6379] },
    { name: 'api-from-monitoring', direction: 'ingress', app: 'api', peer: { kind: 'pods', labels: { app: 'prometheus' }, namespaceLabels: { purpose: 'monitoring' } }, tcpPorts: [9090, 9091] },
    { name: 'frontend-to-api', direction: 'egress', app: 'frontend', peer: { kind: 'pods', labels: { app: 'api' } }, tcpPorts: [8080] },
    { name: 'api-to-db', direction: 'egress', app: 'api', peer: { kind: 'pods', labels: { app: 'db' } }, tcpPorts: [5432] },
    { name: 'api-to-partner', direction: 'egress', app: 'api', peer: { kind: 'ipv4', cidr: `10.${third}.0.0/16`, except: [`10.${third}.255.0/24`] }, tcpPorts: [443] },
    { name: 'worker-to-queue', direction: 'egress', app: 'worker', peer: { kind: 'pods', labels: { app: 'rabbitmq' }, namespace: `messaging-${k % 5}` }, tcpPorts: [5672] },
  ];
}

/** The cluster DNS pods, which the default-deny keeps reachable (UDP and TCP 53). */
const KUBE_DNS: PeerSpec = { kind: 'pods', labels: { 'k8s-app': 'kube-dns' }, namespace: 'kube-system' };

export function namespaceName(k: number): string {
  return `app-${k}`;
}

/**
 * How the app is laid out: one Chart per namespace (cdk8s validates the whole app once per chart,
 * so synthesis is quadratic in the number of charts for every variant), or one Chart holding
 * every namespace's policies (each policy names its namespace).
 */
export type SynthLayout = 'chart-per-namespace' | 'single-chart';
export const SYNTH_LAYOUTS: readonly SynthLayout[] = ['chart-per-namespace', 'single-chart'];

/** The chart for namespace k, and the namespace to write on each policy (single chart only). */
function chartFor(app: App, layout: SynthLayout, k: number, charts: Map<string, Chart>): { chart: Chart; ns?: string } {
  if (layout === 'chart-per-namespace') return { chart: new Chart(app, namespaceName(k), { namespace: namespaceName(k) }) };
  let chart = charts.get('all');
  if (!chart) {
    chart = new Chart(app, 'all');
    charts.set('all', chart);
  }
  return { chart, ns: namespaceName(k) };
}

// ------------------------------------------------------------------------ this library

function netpolPeer(p: PeerSpec): Peer {
  if (p.kind === 'ipv4') return Peer.ipv4(p.cidr, p.except);
  return Peer.pods({ labels: p.labels, namespace: p.namespace, namespaceLabels: p.namespaceLabels });
}

function buildNetpol(app: App, namespaces: number, layout: SynthLayout): void {
  const charts = new Map<string, Chart>();
  for (let k = 0; k < namespaces; k++) {
    const { chart, ns } = chartFor(app, layout, k, charts);
    const id = (name: string) => (ns ? `${ns}-${name}` : name);
    new DefaultDeny(chart, id('default-deny'), { namespace: ns, name: 'default-deny' });
    for (const s of allowSpecs(k)) {
      const props = { namespace: ns, name: s.name, app: s.app, ports: s.tcpPorts.map((p) => Port.tcp(p)) };
      if (s.direction === 'ingress') new AllowFrom(chart, id(s.name), { ...props, from: [netpolPeer(s.peer)] });
      else new AllowTo(chart, id(s.name), { ...props, to: [netpolPeer(s.peer)] });
    }
  }
}

// ------------------------------------------------------------------------ raw L1

function l1Peer(p: PeerSpec): k8s.NetworkPolicyPeer {
  if (p.kind === 'ipv4') return { ipBlock: { cidr: p.cidr, except: p.except } };
  const podSelector = { matchLabels: p.labels };
  if (p.namespaceLabels) return { namespaceSelector: { matchLabels: p.namespaceLabels }, podSelector };
  if (p.namespace) return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': p.namespace } }, podSelector };
  return { podSelector };
}

function buildL1(app: App, namespaces: number, layout: SynthLayout): void {
  const charts = new Map<string, Chart>();
  for (let k = 0; k < namespaces; k++) {
    const { chart, ns } = chartFor(app, layout, k, charts);
    const id = (name: string) => (ns ? `${ns}-${name}` : name);
    const metadata = (name: string) => (ns ? { name, namespace: ns } : { name });
    new k8s.KubeNetworkPolicy(chart, id('default-deny'), {
      metadata: metadata('default-deny'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        egress: [{
          to: [l1Peer(KUBE_DNS)],
          ports: [{ port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' }, { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' }],
        }],
      },
    });
    for (const s of allowSpecs(k)) {
      const ports = s.tcpPorts.map((p) => ({ port: k8s.IntOrString.fromNumber(p), protocol: 'TCP' }));
      const rule = s.direction === 'ingress' ? { ingress: [{ from: [l1Peer(s.peer)], ports }] } : { egress: [{ to: [l1Peer(s.peer)], ports }] };
      new k8s.KubeNetworkPolicy(chart, id(s.name), {
        metadata: metadata(s.name),
        spec: {
          podSelector: { matchLabels: { app: s.app } },
          policyTypes: [s.direction === 'ingress' ? 'Ingress' : 'Egress'],
          ...rule,
        },
      });
    }
  }
}

// ------------------------------------------------------------------------ cdk8s-plus-28

function kplusPeer(scope: Chart, id: string, p: PeerSpec): kplus.INetworkPolicyPeer {
  if (p.kind === 'ipv4') return kplus.NetworkPolicyIpBlock.ipv4(scope, id, p.cidr, p.except);
  const namespaces = p.namespaceLabels
    ? kplus.Namespaces.select(scope, `${id}-ns`, { labels: p.namespaceLabels })
    : p.namespace ? kplus.Namespaces.select(scope, `${id}-ns`, { names: [p.namespace] }) : undefined;
  return kplus.Pods.select(scope, id, { labels: p.labels, namespaces });
}

function buildKplus(app: App, namespaces: number, layout: SynthLayout): void {
  const charts = new Map<string, Chart>();
  for (let k = 0; k < namespaces; k++) {
    const { chart, ns } = chartFor(app, layout, k, charts);
    const id = (name: string) => (ns ? `${ns}-${name}` : name);
    const metadata = (name: string) => (ns ? { name, namespace: ns } : { name });
    const deny = new kplus.NetworkPolicy(chart, id('default-deny'), {
      metadata: metadata('default-deny'),
      selector: kplus.Pods.all(chart, id('all-pods')),
      ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
      egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
    });
    deny.addEgressRule(
      kplusPeer(chart, id('kube-dns'), KUBE_DNS),
      [kplus.NetworkPolicyPort.udp(53), kplus.NetworkPolicyPort.tcp(53)],
    );
    for (const s of allowSpecs(k)) {
      const policy = new kplus.NetworkPolicy(chart, id(s.name), {
        metadata: metadata(s.name),
        selector: kplus.Pods.select(chart, id(`${s.name}-selector`), { labels: { app: s.app } }),
      });
      const peer = kplusPeer(chart, id(`${s.name}-peer`), s.peer);
      const ports = s.tcpPorts.map((p) => kplus.NetworkPolicyPort.tcp(p));
      if (s.direction === 'ingress') policy.addIngressRule(peer, ports);
      else policy.addEgressRule(peer, ports);
    }
  }
}

const BUILDERS: Record<SynthVariant, (app: App, namespaces: number, layout: SynthLayout) => void> = {
  netpol: buildNetpol,
  l1: buildL1,
  kplus: buildKplus,
};

/** Builds the app for one variant (no synthesis). */
export function buildApp(variant: SynthVariant, namespaces: number, layout: SynthLayout = 'chart-per-namespace'): App {
  const app = new App({ outdir: '/tmp/cdk8s-netpol-bench-unused' });
  BUILDERS[variant](app, namespaces, layout);
  return app;
}

/** What is timed: build the app, then synthesize it to YAML (in memory; nothing is written). */
export function synthOnce(variant: SynthVariant, namespaces: number, layout: SynthLayout = 'chart-per-namespace'): string {
  return buildApp(variant, namespaces, layout).synthYaml();
}
