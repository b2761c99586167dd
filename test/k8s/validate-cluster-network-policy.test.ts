/**
 * validateClusterNetworkPolicy: ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy v1alpha1 checked as their CRDs (experimental channel) check them,
 * plus what SEMANTICS.md 8.6 marks as stricter.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  checkClusterNetworkPolicy, formatPolicyError, isClusterPolicyObject, validateClusterNetworkPolicy,
} from '../../src/k8s';

const V2 = 'policy.networking.k8s.io/v1alpha2';
const V1 = 'policy.networking.k8s.io/v1alpha1';

const cnp = (spec: any, extra: any = {}) => ({ apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name: 'x' }, spec: { tier: 'Admin', priority: 1, subject: { namespaces: {} }, ...spec }, ...extra });
const anp = (spec: any) => ({ apiVersion: V1, kind: 'AdminNetworkPolicy', metadata: { name: 'x' }, spec: { priority: 1, subject: { namespaces: {} }, ...spec } });
const banp = (spec: any, name = 'default') => ({ apiVersion: V1, kind: 'BaselineAdminNetworkPolicy', metadata: { name }, spec: { subject: { namespaces: {} }, ...spec } });
const errors = (obj: any) => validateClusterNetworkPolicy(obj).map(formatPolicyError);
const egress = (rule: any) => ({ egress: [{ action: 'Accept', to: [{ namespaces: {} }], ...rule }] });

describe('valid objects', () => {
  test.each([
    ['a CNP with every peer kind and protocol form', cnp({
      ingress: [{ name: 'in', action: 'Pass', from: [{ namespaces: { matchLabels: { a: 'b' } } }, { pods: { podSelector: {} } }], protocols: [{ sctp: { destinationPort: { number: 9003 } } }] }],
      egress: [
        { action: 'Accept', to: [{ domainNames: ['*.example.com', 'kubernetes.io.'] }], protocols: [{ tcp: { destinationPort: { range: { start: 80, end: 81 } } } }] },
        { action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0', '10.0.0.5/8'] }, { nodes: {} }] },
        { action: 'Accept', to: [{ pods: { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } } }], protocols: [{ destinationNamedPort: 'web' }] },
      ],
    })],
    ['a Baseline CNP', cnp({ tier: 'Baseline', priority: 0 })],
    ['an ANP with ports of each kind', anp({
      egress: [{
        action: 'Allow',
        to: [{ pods: { namespaceSelector: {}, podSelector: {} } }],
        ports: [
          { portNumber: { port: 80 } }, { portRange: { protocol: 'UDP', start: 1, end: 1 } }, { namedPort: 'dns' },
        ],
      }],
    })],
    ['a BANP named default', banp({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] })],
    ['a cluster-scoped object with a namespace (the API server clears it)', { ...anp({}), metadata: { name: 'x', namespace: 'shop' } }],
  ])('%s', (_what, obj) => {
    expect(errors(obj)).toEqual([]);
  });

  test('every policy of both conformance suites', () => {
    for (const file of ['v1alpha1.json', 'v1alpha2.json']) {
      const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../cluster-policy/conformance', file), 'utf8'));
      for (const list of Object.values<any[]>(data.manifests)) {
        const resolved = JSON.parse(JSON.stringify(list).replace(/\{"cidrFromPod":"[^"]+"\}/g, '"10.0.0.1/32"'));
        for (const obj of resolved) if (obj.kind !== 'NetworkPolicy') expect({ name: obj.metadata.name, errors: errors(obj) }).toEqual({ name: obj.metadata.name, errors: [] });
      }
    }
  });
});

describe('what the CRDs reject', () => {
  test.each([
    ['a wrong version', { ...anp({}), apiVersion: V2 }, 'apiVersion: Unsupported value: "policy.networking.k8s.io/v1alpha2": supported values: "policy.networking.k8s.io/v1alpha1"'],
    ['an unknown field, with a hint', cnp({ prority: 1 }), 'spec.prority: Unknown field: did you mean "priority"?'],
    ['v1alpha1 `ports` in a v1alpha2 rule', cnp(egress({ ports: [] })), 'spec.egress[0].ports: Unknown field: a v1alpha2 rule has `protocols` (v1alpha1 AdminNetworkPolicy has `ports`)'],
    ['no spec', { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name: 'x' } }, 'spec: Required value'],
    ['no tier', cnp({ tier: undefined }), 'spec.tier: Required value'],
    ['a tier in lower case', cnp({ tier: 'admin' }), 'spec.tier: Unsupported value: "admin": supported values: "Admin", "Baseline". Did you mean "Admin"? (values are case-sensitive)'],
    ['priority 1001', cnp({ priority: 1001 }), 'spec.priority: Invalid value: 1001: should be less than or equal to 1000'],
    ['priority -1', anp({ priority: -1 }), 'spec.priority: Invalid value: -1: should be greater than or equal to 0'],
    ['a fractional priority', cnp({ priority: 1.5 }), 'spec.priority: Invalid value: 1.5: must be an integer, not a fraction'],
    ['a BANP with a priority', banp({ priority: 1 }), 'spec.priority: Unknown field: a BaselineAdminNetworkPolicy has no priority (there is only one, named "default")'],
    ['a BANP not named default', banp({}, 'mine'), 'metadata.name: Invalid value: "mine": Only one baseline admin network policy with metadata.name="default" can be created in the cluster'],
    ['an empty subject', cnp({ subject: {} }), 'spec.subject: Invalid value: {}: a subject must set exactly one of `namespaces`, `pods`; none is set'],
    ['a subject with both', cnp({ subject: { namespaces: {}, pods: { podSelector: {} } } }), 'spec.subject: Invalid value: ["namespaces","pods"]: a subject must set exactly one of `namespaces`, `pods`; `namespaces` and `pods` are set'],
    ['`pods` without podSelector', cnp({ subject: { pods: { namespaceSelector: {} } } }), 'spec.subject.pods.podSelector: Required value'],
    ['v1alpha1 `pods` without namespaceSelector', anp({ subject: { pods: { podSelector: {} } } }), 'spec.subject.pods.namespaceSelector: Required value'],
    ['26 egress rules', cnp({ egress: Array.from({ length: 26 }, () => ({ action: 'Deny', to: [{ namespaces: {} }] })) }), 'spec.egress: Invalid value: 26: must have at most 25 items'],
    ['101 ANP ingress rules', anp({ ingress: Array.from({ length: 101 }, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) }), 'spec.ingress: Invalid value: 101: must have at most 100 items'],
    ['26 peers', cnp(egress({ to: Array.from({ length: 26 }, () => ({ namespaces: {} })) })), 'spec.egress[0].to: Invalid value: 26: must have at most 25 items'],
    ['no action', cnp(egress({ action: undefined })), 'spec.egress[0].action: Required value'],
    ['Allow in v1alpha2', cnp(egress({ action: 'Allow' })), 'spec.egress[0].action: Unsupported value: "Allow": supported values: "Accept", "Deny", "Pass"'],
    ['Pass in a BANP', banp({ egress: [{ action: 'Pass', to: [{ namespaces: {} }] }] }), 'spec.egress[0].action: Unsupported value: "Pass": supported values: "Allow", "Deny"'],
    ['no `to`', cnp(egress({ to: undefined })), 'spec.egress[0].to: Required value: to field must be defined and contain at least one item'],
    ['an empty `to`', cnp(egress({ to: [] })), 'spec.egress[0].to: Invalid value: 0: must have at least 1 item'],
    ['`from` in an egress rule', cnp(egress({ from: [] })), 'spec.egress[0].from: Unknown field: an egress rule has `to`, not `from`'],
    ['a peer with two fields', cnp(egress({ to: [{ namespaces: {}, nodes: {} }] })), 'spec.egress[0].to[0]: Invalid value: ["namespaces","nodes"]: a peer must set exactly one of'],
    ['`networks` in an ingress peer', cnp({ ingress: [{ action: 'Deny', from: [{ networks: ['0.0.0.0/0'] }] }] }), 'spec.ingress[0].from[0].networks: Unknown field'],
    ['`domainNames` in a BANP', banp({ egress: [{ action: 'Allow', to: [{ domainNames: ['a.io'] }] }] }), 'spec.egress[0].to[0].domainNames: Unknown field'],
    ['a CIDR that is no CIDR', cnp(egress({ to: [{ networks: ['zc00::/8'] }] })), 'spec.egress[0].to[0].networks[0]: Invalid value: "zc00::/8": Invalid CIDR format provided'],
    ['a bare IP', cnp(egress({ to: [{ networks: ['10.0.0.1'] }] })), 'spec.egress[0].to[0].networks[0]: Invalid value: "10.0.0.1": Invalid CIDR format provided (must be a CIDR with a prefix length, not a bare IP'],
    ['leading zeros', cnp(egress({ to: [{ networks: ['010.0.0.0/8'] }] })), 'spec.egress[0].to[0].networks[0]: Invalid value: "010.0.0.0/8": Invalid CIDR format provided (leading zeros are not allowed)'],
    ['26 CIDRs', cnp(egress({ to: [{ networks: Array.from({ length: 26 }, (_, i) => `10.0.${i}.0/24`) }] })), 'spec.egress[0].to[0].networks: Invalid value: 26: must have at most 25 items'],
    ['a CIDR twice', cnp(egress({ to: [{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }] })), 'spec.egress[0].to[0].networks[1]: Invalid value: "10.0.0.0/8": duplicate entry (`networks` is a set)'],
    ['a bad domain name', cnp(egress({ to: [{ domainNames: ['*example.com'] }] })), 'spec.egress[0].to[0].domainNames[0]: Invalid value: "*example.com": must be a domain name'],
    ['an empty protocol entry', cnp(egress({ protocols: [{}] })), 'spec.egress[0].protocols[0]: Invalid value: {}: a protocol entry must set exactly one of'],
    ['`tcp: {}`', cnp(egress({ protocols: [{ tcp: {} }] })), 'spec.egress[0].protocols[0].tcp: Invalid value: {}: must have at least 1 properties: `destinationPort`'],
    ['port 0', cnp(egress({ protocols: [{ tcp: { destinationPort: { number: 0 } } }] })), 'spec.egress[0].protocols[0].tcp.destinationPort.number: Invalid value: 0: should be greater than or equal to 1'],
    ['a range of one port (CEL: start < end)', cnp(egress({ protocols: [{ udp: { destinationPort: { range: { start: 53, end: 53 } } } }] })),
      'spec.egress[0].protocols[0].udp.destinationPort.range: Invalid value: "53-53": Start port must be less than End port'],
    ['number and range', cnp(egress({ protocols: [{ tcp: { destinationPort: { number: 1, range: { start: 1, end: 2 } } } }] })),
      'spec.egress[0].protocols[0].tcp.destinationPort: Invalid value: ["number","range"]: destinationPort must set exactly one of'],
    ['a v1alpha1 port with two fields', anp({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }], ports: [{ portNumber: { port: 80 }, namedPort: 'web' }] }] }),
      'spec.ingress[0].ports[0]: Invalid value: ["portNumber","namedPort"]: exactly one field must be set in an AdminNetworkPolicyPort'],
    ['a v1alpha1 portNumber without port', anp({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'TCP' } }] }] }),
      'spec.ingress[0].ports[0].portNumber.port: Required value'],
    ['CEL: a named port toward networks', cnp(egress({ to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'web' }] })),
      'spec.egress[0]: Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames'],
    ['a rule name of 101 characters', cnp(egress({ name: 'r'.repeat(101) })), 'spec.egress[0].name: Invalid value:'],
  ])('%s', (_what, obj, expected) => {
    expect(errors(obj).join('\n')).toContain(expected);
  });
});

describe('stricter than the CRDs (SEMANTICS.md 8.6)', () => {
  test.each([
    ['domainNames in a Deny rule', cnp(egress({ action: 'Deny', to: [{ domainNames: ['a.io'] }] })),
      'spec.egress[0].action: Forbidden: `domainNames` peers are only supported in Accept rules'],
    ['domainNames in a Pass rule (v1alpha1)', anp({ egress: [{ action: 'Pass', to: [{ domainNames: ['a.io'] }] }] }),
      'spec.egress[0].action: Forbidden: `domainNames` peers are only supported in Allow rules'],
    ['a reversed v1alpha1 range', anp({ ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [{ portRange: { start: 10, end: 1 } }] }] }),
      'spec.ingress[0].ports[0].portRange: Invalid value: "10-1": end may not be less than start'],
    ['a v1alpha1 protocol in lower case', anp({ ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'tcp', port: 80 } }] }] }),
      'spec.ingress[0].ports[0].portNumber.protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP". Did you mean "TCP"?'],
    ['a selector operator in lower case', cnp({ subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'in', values: ['b'] }] } } }),
      'spec.subject.namespaces.matchExpressions[0].operator: Unsupported value: "in"'],
    ['a label value that is no label value', cnp({ subject: { namespaces: { matchLabels: { a: 'b c' } } } }), 'spec.subject.namespaces.matchLabels: Invalid value: "b c"'],
  ])('%s', (_what, obj, expected) => {
    expect(errors(obj).join('\n')).toContain(expected);
  });
});

describe('robustness', () => {
  test('never throws, whatever the input', () => {
    const hostile: any[] = [null, 7, 'x', [], { kind: 'ClusterNetworkPolicy' }, { kind: 'AdminNetworkPolicy', apiVersion: V1, metadata: 5, spec: [] },
      cnp({ subject: 'all', ingress: {}, egress: [null, 5, { action: {}, to: 'x', protocols: 'x' }, { to: [null, 'x', { pods: [] }] }] }),
      anp({ egress: [{ action: 'Allow', to: [{ namespaces: { matchExpressions: [null, { key: 1, operator: 'In', values: 'x' }] } }], ports: [null, { portRange: { start: 'a' } }] }] })];
    for (const obj of hostile) expect(() => validateClusterNetworkPolicy(obj)).not.toThrow();
    expect(errors(null)).toEqual([': Invalid value: null: a cluster network policy must be an object, not null']);
  });

  test('the first maxErrors errors are kept and the rest counted', () => {
    const obj = cnp({ egress: Array.from({ length: 30 }, () => ({ action: 'Nope', to: [] })) });
    const check = checkClusterNetworkPolicy(obj, { maxErrors: 5 });
    expect(check.errors).toHaveLength(5);
    expect(check.total).toBe(61); // too many rules, and two errors per rule
  });

  test('isClusterPolicyObject: the three kinds of the group, any version; not Antrea\'s ClusterNetworkPolicy', () => {
    expect(isClusterPolicyObject(cnp({}))).toBe(true);
    expect(isClusterPolicyObject({ ...anp({}), apiVersion: 'policy.networking.k8s.io/v1' })).toBe(true);
    expect(isClusterPolicyObject({ apiVersion: 'crd.antrea.io/v1beta1', kind: 'ClusterNetworkPolicy' })).toBe(false);
    expect(isClusterPolicyObject({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' })).toBe(false);
  });
});
