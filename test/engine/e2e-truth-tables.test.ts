/**
 * The upstream e2e NetworkPolicy scenarios (kubernetes `test/e2e/network/netpol/network_policy.go`)
 * as truth tables. Each expected table is derived from SEMANTICS.md section 3 by hand, as the
 * upstream suite does: rows = from, columns = to, `X` allowed, `.` denied, on one port/protocol.
 * The diagonal is one replica of a workload to another, where policies apply like between any two
 * pods (upstream ignores loopback, whose behaviour differs between plugins; a pod to itself is
 * "not covered" in the public API). Both the engine and the naive evaluator must agree.
 */
import { E2eModel, ModelOptions, normalizeTable, np, podIp } from './e2e-model';
import { ProtocolName } from '../../src/engine';

interface Probe {
  readonly port: number;
  readonly protocol?: ProtocolName;
  readonly table: string;
}

interface Scenario {
  readonly name: string;
  readonly policies: any[];
  readonly options?: ModelOptions;
  readonly probes: Probe[];
}

const ALL = `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`;

/** nothing reaches namespace x */
const NOTHING_INTO_X = `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  X  X  X  X  X  X
xb  .  .  .  X  X  X  X  X  X
xc  .  .  .  X  X  X  X  X  X
ya  .  .  .  X  X  X  X  X  X
yb  .  .  .  X  X  X  X  X  X
yc  .  .  .  X  X  X  X  X  X
za  .  .  .  X  X  X  X  X  X
zb  .  .  .  X  X  X  X  X  X
zc  .  .  .  X  X  X  X  X  X`;

/** nothing reaches x/a */
const NOTHING_INTO_XA = `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`;

/** x/a reaches nothing */
const NOTHING_OUT_OF_XA = `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  .  .  .  .  .  .
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`;

/** only namespace y reaches x/a */
const ONLY_Y_INTO_XA = `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`;

const podA = { matchLabels: { pod: 'a' } };
const podB = { matchLabels: { pod: 'b' } };
const nsY = { matchLabels: { ns: 'y' } };
const denyAllIngressX = np('x', 'deny-all-ingress', { podSelector: {}, policyTypes: ['Ingress'] });

const scenarios: Scenario[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    policies: [denyAllIngressX],
    probes: [{ port: 80, table: NOTHING_INTO_X }, { port: 81, protocol: 'UDP', table: NOTHING_INTO_X }],
  },
  {
    name: "should support a 'default-deny-all' policy",
    policies: [np('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  .  .  .  .  .  .
xb  .  .  .  .  .  .  .  .  .
xc  .  .  .  .  .  .  .  .  .
ya  .  .  .  X  X  X  X  X  X
yb  .  .  .  X  X  X  X  X  X
yc  .  .  .  X  X  X  X  X  X
za  .  .  .  X  X  X  X  X  X
zb  .  .  .  X  X  X  X  X  X
zc  .  .  .  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    policies: [np('x', 'x-a-allows-x-b', { podSelector: podA, ingress: [{ from: [{ podSelector: podB }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    policies: [np('x', 'allow-from-all-namespaces', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    probes: [{ port: 80, table: ALL }],
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    policies: [np('x', 'allow-other-namespaces', {
      podSelector: podA,
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['x'] }] } }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy based on any PodSelectors (matchExpressions In)',
    policies: [np('x', 'allow-b-and-c', {
      podSelector: podA,
      ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] } }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    policies: [np('x', 'allow-ns-y', {
      podSelector: podA,
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'In', values: ['y'] }] } }] }],
    })],
    probes: [{ port: 80, table: ONLY_Y_INTO_XA }],
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector (two peers: OR)',
    policies: [np('x', 'allow-ns-y-or-pod-b', {
      podSelector: podA,
      ingress: [{ from: [{ namespaceSelector: nsY }, { podSelector: podB }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector (one peer: AND)',
    policies: [np('x', 'allow-pod-b-outside-x', {
      podSelector: podA,
      ingress: [{
        from: [{
          namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['x'] }] },
          podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] },
        }],
      }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    policies: [np('x', 'allow-b-c-outside-x', {
      podSelector: podA,
      ingress: [{
        from: [{
          namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['x'] }] },
          podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] },
        }],
      }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [np('x', 'allow-y-a', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsY, podSelector: podA }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce policy based on Ports',
    policies: [np('x', 'allow-y-on-81', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsY }], ports: [{ port: 81, protocol: 'TCP' }] }] })],
    probes: [{ port: 80, table: NOTHING_INTO_XA }, { port: 81, table: ONLY_Y_INTO_XA }],
  },
  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors',
    policies: [
      np('x', 'allow-y-on-81', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsY }], ports: [{ port: 81, protocol: 'TCP' }] }] }),
      np('x', 'allow-y-on-80', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsY }], ports: [{ port: 80, protocol: 'TCP' }] }] }),
    ],
    probes: [{ port: 80, table: ONLY_Y_INTO_XA }, { port: 81, table: ONLY_Y_INTO_XA }, { port: 81, protocol: 'UDP', table: NOTHING_INTO_XA }],
  },
  {
    name: 'should support allow-all policy (stacked on a default deny)',
    policies: [denyAllIngressX, np('x', 'allow-all', { podSelector: {}, ingress: [{}] })],
    probes: [{ port: 80, table: ALL }, { port: 81, protocol: 'SCTP', table: ALL }],
  },
  {
    name: 'should allow ingress access on one named port',
    policies: [np('x', 'allow-named-81', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })],
    probes: [{ port: 81, table: ALL }, { port: 80, table: NOTHING_INTO_X }, { port: 81, protocol: 'UDP', table: NOTHING_INTO_X }],
  },
  {
    name: 'should allow ingress access from namespace on one named port',
    policies: [np('x', 'allow-y-named-80', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: nsY }], ports: [{ port: 'serve-80-tcp' }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  X  X  X  X  X  X
xb  .  .  .  X  X  X  X  X  X
xc  .  .  .  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  .  .  X  X  X  X  X  X
zb  .  .  .  X  X  X  X  X  X
zc  .  .  .  X  X  X  X  X  X`,
    }, { port: 81, table: NOTHING_INTO_X }],
  },
  {
    name: 'should allow egress access on one named port (resolved on the destination)',
    policies: [np('x', 'egress-named-80-udp', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-udp', protocol: 'UDP' }] }] })],
    probes: [{ port: 80, protocol: 'UDP', table: ALL }, {
      port: 81, protocol: 'UDP', table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  .  .  .  .  .  .
xb  .  .  .  .  .  .  .  .  .
xc  .  .  .  .  .  .  .  .  .
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'a named port with the wrong protocol matches nothing',
    policies: [np('x', 'named-80-udp-as-tcp', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-80-udp' }] }] })],
    probes: [{ port: 80, table: NOTHING_INTO_X }, { port: 80, protocol: 'UDP', table: NOTHING_INTO_X }],
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    policies: [np('x', 'deny-other-namespaces', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  .  .  .  X  X  X  X  X  X
yb  .  .  .  X  X  X  X  X  X
yc  .  .  .  X  X  X  X  X  X
za  .  .  .  X  X  X  X  X  X
zb  .  .  .  X  X  X  X  X  X
zc  .  .  .  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    policies: [np('x', 'deny-egress-pod-a', { podSelector: podA, policyTypes: ['Egress'] })],
    probes: [{ port: 80, table: NOTHING_OUT_OF_XA }],
  },
  {
    name: 'should deny egress from all pods in a namespace',
    policies: [np('x', 'deny-egress-ns-x', { podSelector: {}, policyTypes: ['Egress'], egress: [] })],
    probes: [{
      port: 80, protocol: 'SCTP', table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  .  .  .  .  .  .
xb  .  .  .  .  .  .  .  .  .
xc  .  .  .  .  .  .  .  .  .
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should work with Ingress, Egress specified together',
    policies: [np('x', 'a-talks-only-with-b', {
      podSelector: podA,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: podB }] }],
      egress: [{ to: [{ podSelector: podB }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  .  .  .  .  .  .  .
xb  X  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    policies: [
      np('x', 'a-egress-to-y-only', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: nsY }] }] }),
      np('z', 'z-allows-all', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] }),
    ],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  X  X  X  .  .  .
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    policies: [np('x', 'a-egress-to-y-a', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: nsY, podSelector: podA }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  X  .  .  .  .  .
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol (protocol-only entry)',
    policies: [np('x', 'udp-only', { podSelector: podA, ingress: [{ ports: [{ protocol: 'UDP' }] }] })],
    probes: [
      { port: 80, protocol: 'UDP', table: ALL },
      { port: 81, protocol: 'UDP', table: ALL },
      { port: 80, protocol: 'TCP', table: NOTHING_INTO_XA },
      { port: 81, protocol: 'SCTP', table: NOTHING_INTO_XA },
    ],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence',
    policies: [
      np('x', 'allow-80', { podSelector: podA, ingress: [{ ports: [{ port: 80 }] }] }),
      np('x', 'allow-all-to-a', { podSelector: podA, ingress: [{}] }),
    ],
    probes: [{ port: 81, table: ALL }, { port: 80, table: ALL }],
  },
  {
    name: 'a single ingress policy on port 80 denies 81 (before the allow-all is added)',
    policies: [np('x', 'allow-80', { podSelector: podA, ingress: [{ ports: [{ port: 80 }] }] })],
    probes: [{ port: 81, table: NOTHING_INTO_XA }, { port: 80, table: ALL }],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
    policies: [
      np('x', 'egress-80', { podSelector: podA, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] }),
      np('x', 'egress-all', { podSelector: podA, policyTypes: ['Egress'], egress: [{}] }),
    ],
    probes: [{ port: 81, table: ALL }],
  },
  {
    name: 'a single egress policy on port 80 denies 81',
    policies: [np('x', 'egress-80', { podSelector: podA, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] })],
    probes: [{ port: 81, table: NOTHING_OUT_OF_XA }, { port: 80, table: ALL }],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    policies: [
      np('x', 'allow-egress-a', { podSelector: podA, policyTypes: ['Egress'], egress: [{}] }),
      np('x', 'deny-ingress-a', { podSelector: podA, policyTypes: ['Ingress'] }),
    ],
    probes: [{ port: 80, table: NOTHING_INTO_XA }],
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'",
    policies: [np('x', 'sctp-80', { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'SCTP' }] }] })],
    probes: [{ port: 80, table: NOTHING_INTO_X }, { port: 80, protocol: 'SCTP', table: ALL }, { port: 81, protocol: 'SCTP', table: NOTHING_INTO_X }],
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    policies: [np('x', 'udp-81', { podSelector: podA, ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }] })],
    probes: [{ port: 81, table: NOTHING_INTO_XA }, { port: 81, protocol: 'UDP', table: ALL }],
  },
  {
    name: 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label',
    policies: [np('x', 'allow-ns-y-by-name', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] }] })],
    probes: [{ port: 80, table: ONLY_Y_INTO_XA }],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label (NotIn)',
    policies: [np('x', 'allow-not-y', {
      podSelector: podA,
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }] } }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce egress policy based on NamespaceSelector with MatchExpressions using default ns label',
    policies: [np('x', 'a-egress-not-to-y', {
      podSelector: podA,
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }] } }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  .  .  .  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'SCTP: a default deny plus an SCTP-only allow on 81 keeps TCP 81 blocked',
    policies: [denyAllIngressX, np('x', 'allow-only-sctp-81', { podSelector: podA, ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }] })],
    probes: [{ port: 81, table: NOTHING_INTO_X }, {
      port: 81, protocol: 'SCTP', table: `
    xa xb xc ya yb yc za zb zc
xa  X  .  .  X  X  X  X  X  X
xb  X  .  .  X  X  X  X  X  X
xc  X  .  .  X  X  X  X  X  X
ya  X  .  .  X  X  X  X  X  X
yb  X  .  .  X  X  X  X  X  X
yc  X  .  .  X  X  X  X  X  X
za  X  .  .  X  X  X  X  X  X
zb  X  .  .  X  X  X  X  X  X
zc  X  .  .  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'UDP: should enforce policy based on Ports (namespace y on UDP 81 only)',
    policies: [np('x', 'allow-y-udp-81', {
      podSelector: podA,
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }], ports: [{ port: 81, protocol: 'UDP' }] }],
    })],
    probes: [
      { port: 81, protocol: 'UDP', table: ONLY_Y_INTO_XA },
      { port: 80, protocol: 'UDP', table: NOTHING_INTO_XA },
      { port: 81, protocol: 'TCP', table: NOTHING_INTO_XA },
    ],
  },
  {
    name: 'Exists and DoesNotExist on pod labels',
    policies: [
      np('x', 'from-non-a-pods', {
        podSelector: { matchExpressions: [{ key: 'pod', operator: 'Exists' }] },
        ingress: [{
          from: [{
            podSelector: { matchExpressions: [{ key: 'pod', operator: 'NotIn', values: ['a'] }, { key: 'tier', operator: 'DoesNotExist' }] },
            namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'Exists' }] },
          }],
        }],
      }),
      // selects no pod (every pod has a `pod` label): isolates nothing
      np('y', 'selects-nothing', { podSelector: { matchExpressions: [{ key: 'pod', operator: 'DoesNotExist' }] }, ingress: [] }),
    ],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  .  .  .  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  .  .  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should enforce ingress policy based on port range (endPort)',
    policies: [np('x', 'range-81-90', { podSelector: podA, ingress: [{ ports: [{ port: 81, endPort: 90 }] }] })],
    probes: [{ port: 80, table: NOTHING_INTO_XA }, { port: 81, table: ALL }, { port: 81, protocol: 'UDP', table: NOTHING_INTO_XA }],
  },
  {
    name: 'should enforce egress policy with multiple port ranges and protocols',
    policies: [np('x', 'egress-ranges', {
      podSelector: podA,
      policyTypes: ['Egress'],
      egress: [{ ports: [{ port: 75, endPort: 80, protocol: 'UDP' }, { port: 81, protocol: 'SCTP' }] }],
    })],
    probes: [
      { port: 80, protocol: 'UDP', table: ALL },
      { port: 81, protocol: 'UDP', table: NOTHING_OUT_OF_XA },
      { port: 81, protocol: 'SCTP', table: ALL },
      { port: 80, protocol: 'SCTP', table: NOTHING_OUT_OF_XA },
      { port: 80, table: NOTHING_OUT_OF_XA },
    ],
  },
  {
    name: 'policyTypes defaulting: egress: [] without policyTypes isolates ingress only',
    policies: [np('x', 'looks-like-deny-all', { podSelector: {}, egress: [] })],
    probes: [{ port: 80, table: NOTHING_INTO_X }],
  },
  {
    name: 'policyTypes defaulting: egress rules without policyTypes isolate both directions',
    policies: [np('x', 'a-egress-to-b', { podSelector: podA, egress: [{ to: [{ podSelector: podB }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  .  .  .  .  .  .  .
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'policyTypes [Egress] ignores ingress rules (ingress is not isolated)',
    policies: [np('x', 'egress-only', { podSelector: podA, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: podB }] }], egress: [{}] })],
    probes: [{ port: 80, table: ALL }],
  },
  {
    name: 'should allow egress access to server in CIDR block (ipBlockMatchesPods)',
    options: { ipBlockMatchesPods: true },
    policies: [np('x', 'a-egress-to-x-b-ip', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${podIp('x/b')}/32` } }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  .  .  .  .  .  .  .
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'without ipBlockMatchesPods an ipBlock matches no pod',
    policies: [np('x', 'a-egress-to-x-b-ip', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${podIp('x/b')}/32` } }] }] })],
    probes: [{ port: 80, table: NOTHING_OUT_OF_XA }],
  },
  {
    name: 'should enforce except clause while egress access to server in CIDR block',
    options: { ipBlockMatchesPods: true },
    policies: [np('x', 'a-egress-except-x-b', {
      podSelector: podA,
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: [`${podIp('x/b')}/32`] } }] }],
    })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  .  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed',
    options: { ipBlockMatchesPods: true },
    policies: [
      np('x', 'a-egress-except-x-b', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: [`${podIp('x/b')}/32`] } }] }] }),
      np('x', 'a-egress-to-x-b', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${podIp('x/b')}/32` } }] }] }),
    ],
    probes: [{ port: 80, table: ALL }],
  },
  {
    name: 'ingress from an IPv4 ipBlock with except (namespace y cut out)',
    options: { ipBlockMatchesPods: true },
    policies: [np('x', 'from-10-0-0-0-22-but-y', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/22', except: ['10.0.1.0/24'] } }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  .  .  .  X  X  X  X  X  X
yb  .  .  .  X  X  X  X  X  X
yc  .  .  .  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'IPv6: egress to an ipBlock with except (namespace y cut out)',
    options: { ipBlockMatchesPods: true, ipFamily: 6 },
    policies: [np('x', 'a-egress-v6', { podSelector: podA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: 'fd00::/48', except: ['fd00:0:0:1::/64'] } }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  X  X  X  .  .  .  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  X  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  X  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  X  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'IPv6: ingress from one /128 and an IPv4 block that matches no IPv6 pod',
    options: { ipBlockMatchesPods: true, ipFamily: 6 },
    policies: [np('x', 'a-from-z-b-v6', { podSelector: podA, ingress: [{ from: [{ ipBlock: { cidr: `${podIp('z/b', 6)}/128` } }, { ipBlock: { cidr: '0.0.0.0/0' } }] }] })],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  .  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  .  X  X  X  X  X  X  X  X
yb  .  X  X  X  X  X  X  X  X
yc  .  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  X  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'stacked ingress policies on one pod: the union of their peers',
    policies: [
      np('x', 'a-from-b', { podSelector: podA, ingress: [{ from: [{ podSelector: podB }] }] }),
      np('x', 'a-from-y', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsY }] }] }),
    ],
    probes: [{
      port: 81, protocol: 'UDP', table: `
    xa xb xc ya yb yc za zb zc
xa  .  X  X  X  X  X  X  X  X
xb  X  X  X  X  X  X  X  X  X
xc  .  X  X  X  X  X  X  X  X
ya  X  X  X  X  X  X  X  X  X
yb  X  X  X  X  X  X  X  X  X
yc  X  X  X  X  X  X  X  X  X
za  .  X  X  X  X  X  X  X  X
zb  .  X  X  X  X  X  X  X  X
zc  .  X  X  X  X  X  X  X  X`,
    }],
  },
  {
    name: 'egress and ingress both isolated: a connection needs both sides',
    policies: [
      np('x', 'x-egress-to-y-b', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: nsY, podSelector: podB }] }] }),
      np('y', 'y-b-from-x-a', { podSelector: podB, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'x' } }, podSelector: podA }] }] }),
    ],
    probes: [{
      port: 80, table: `
    xa xb xc ya yb yc za zb zc
xa  .  .  .  .  X  .  .  .  .
xb  .  .  .  .  .  .  .  .  .
xc  .  .  .  .  .  .  .  .  .
ya  X  X  X  X  .  X  X  X  X
yb  X  X  X  X  .  X  X  X  X
yc  X  X  X  X  .  X  X  X  X
za  X  X  X  X  .  X  X  X  X
zb  X  X  X  X  .  X  X  X  X
zc  X  X  X  X  .  X  X  X  X`,
    }],
  },
];

describe('upstream e2e scenarios as truth tables', () => {
  test('there are at least 30 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const model = new E2eModel(scenario.policies, scenario.options);
    test.each(scenario.probes.map((p) => [`${p.protocol ?? 'TCP'} ${p.port}`, p] as const))('engine on %s', (_probe, probe) => {
      expect(model.table(probe.port, probe.protocol)).toEqual(normalizeTable(probe.table));
    });
    test.each(scenario.probes.map((p) => [`${p.protocol ?? 'TCP'} ${p.port}`, p] as const))('naive evaluator on %s', (_probe, probe) => {
      expect(model.naiveTable(probe.port, probe.protocol)).toEqual(normalizeTable(probe.table));
    });
  });
});
