import { DNS_EGRESS, defaultDeny, deployment, findingsOf, namespace, policy } from '../helpers';
import { lintObjects } from '../../../src/lint/runner';

const web = deployment('shop', 'web', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] });
const db = deployment('shop', 'db', { app: 'db' }, { ports: [{ name: 'pgsql', containerPort: 5432 }] });

describe('NP001 ingress-not-isolated', () => {
  test('non-compliant: a workload no policy selects for ingress', () => {
    const f = findingsOf([web], 'NP001');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'Deployment', namespace: 'shop', name: 'web', severity: 'warning' });
    expect(f[0].fix).toContain('default-deny ingress policy in namespace shop');
  });
  test('compliant: a default-deny selects it', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP001')).toEqual([]);
  });
});

describe('NP002 egress-not-isolated', () => {
  test('non-compliant: only ingress is isolated', () => {
    const f = findingsOf([web, policy('shop', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] })], 'NP002');
    expect(f.map((x) => x.name)).toEqual(['web']);
  });
  test('compliant: isolated for egress', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP002')).toEqual([]);
  });
});

describe('NP003 egress-without-dns', () => {
  test('non-compliant: egress default-deny without DNS', () => {
    const f = findingsOf([web, policy('shop', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], 'NP003');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('shop/deny-all');
  });
  test('non-compliant: DNS allowed on TCP only', () => {
    const tcpOnly = { ...DNS_EGRESS, ports: [{ protocol: 'TCP', port: 53 }] };
    expect(findingsOf([web, policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [tcpOnly] })], 'NP003')).toHaveLength(1);
  });
  test('non-compliant: (AND was meant) the peer points at kube-dns pods of the wrong namespace', () => {
    const wrong = { to: [{ podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] };
    expect(findingsOf([web, policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [wrong] })], 'NP003')).toHaveLength(1);
  });
  test('compliant: UDP 53 to kube-dns in kube-system', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP003')).toEqual([]);
  });
  test('compliant: NodeLocal DNSCache by ipBlock', () => {
    const nodeLocal = { to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }] };
    expect(findingsOf([web, policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [nodeLocal] })], 'NP003')).toEqual([]);
  });
});

describe('NP004 policy-selects-nothing', () => {
  test('non-compliant: a label typo', () => {
    const f = findingsOf([web, policy('shop', 'allow-web', { podSelector: { matchLabels: { app: 'wbe' } }, policyTypes: ['Ingress'] })], 'NP004');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'NetworkPolicy', name: 'allow-web', location: 'spec.podSelector' });
  });
  test('non-compliant: the policy is in the wrong namespace, and the fix says which', () => {
    const f = findingsOf([web, policy('default', 'allow-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })], 'NP004');
    expect(f[0].fix).toContain('shop/web in another namespace');
  });
  test('compliant: it selects the workload', () => {
    expect(findingsOf([web, policy('shop', 'allow-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })], 'NP004')).toEqual([]);
  });
});

describe('NP005 peer-matches-nothing', () => {
  const withPeer = (peer: any) => policy('shop', 'db-in', {
    podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [peer] }],
  });
  test('non-compliant: podSelector matches no workload', () => {
    const f = findingsOf([web, db, withPeer({ podSelector: { matchLabels: { app: 'backend' } } })], 'NP005');
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe('spec.ingress[0].from[0]');
  });
  test('non-compliant: namespaceSelector matches no namespace', () => {
    const f = findingsOf([web, db, namespace('shop'), withPeer({ namespaceSelector: { matchLabels: { team: 'payments' } } })], 'NP005');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('no namespace in the input matches');
  });
  test('compliant: the peer matches web', () => {
    expect(findingsOf([web, db, withPeer({ podSelector: { matchLabels: { app: 'web' } } })], 'NP005')).toEqual([]);
  });
  test('compliant: a namespace outside the input (kube-system DNS) is not judged', () => {
    expect(findingsOf([web, defaultDeny('shop')], 'NP005')).toEqual([]);
  });
});

describe('NP006 named-port-unresolved', () => {
  test('non-compliant (ingress): the destination declares no port with that name', () => {
    const p = policy('shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'postgres' }] }] });
    const f = findingsOf([web, db, p], 'NP006');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', location: 'spec.ingress[0].ports[0]' });
    expect(f[0].fix).toContain('pgsql (TCP 5432)');
  });
  test('non-compliant (egress): resolved on the destination, not on the source', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'http' }] }],
    });
    expect(findingsOf([web, db, p], 'NP006')).toHaveLength(1);
  });
  test('non-compliant: a named port toward an ipBlock', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 'https' }] }],
    });
    expect(findingsOf([web, p], 'NP006')[0].message).toContain('ipBlock');
  });
  test('non-compliant: right name, wrong protocol', () => {
    const p = policy('shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'pgsql', protocol: 'UDP' }] }] });
    expect(findingsOf([db, p], 'NP006')).toHaveLength(1);
  });
  test('compliant: the destination declares it', () => {
    const p = policy('shop', 'web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'pgsql' }] }],
    });
    expect(findingsOf([web, db, p], 'NP006')).toEqual([]);
  });
});

describe('NP007 metadata-reachable', () => {
  const blockMetadata = policy('shop', 'block-metadata', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [DNS_EGRESS, { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32', '169.254.170.2/32', '169.254.170.23/32', '169.254.42.42/32', '100.100.100.200/32'] } }] }],
  });
  test('non-compliant: another policy re-opens it, and is named', () => {
    const reopen = policy('shop', 'web-anywhere', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] });
    const f = findingsOf([web, blockMetadata, reopen], 'NP007');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ name: 'web', severity: 'error', related: ['NetworkPolicy shop/web-anywhere'] });
    expect(f[0].message).toContain('169.254.169.254');
    expect(f[0].message).toContain('shop/web-anywhere spec.egress[0]');
  });
  test('compliant: only the blocking policy', () => {
    expect(findingsOf([web, blockMetadata], 'NP007')).toEqual([]);
  });
  test('compliant: HTTPS to the internet does not reach metadata (it answers on 80)', () => {
    const https = policy('shop', 'web-https', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] });
    expect(findingsOf([web, https], 'NP007')).toEqual([]);
  });
});

describe('NP008 split-namespace-pod-selector', () => {
  test('non-compliant: two peers where one was meant', () => {
    const p = policy('shop', 'db-in', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }, { podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    const f = findingsOf([web, db, p], 'NP008');
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe('spec.ingress[0].from');
  });
  test('compliant: one peer with both (AND)', () => {
    const p = policy('shop', 'db-in', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    expect(findingsOf([web, db, p], 'NP008')).toEqual([]);
  });
});

describe('NP009 host-network', () => {
  test('non-compliant: hostNetwork workload, the selecting policy is named', () => {
    const agent = deployment('shop', 'agent', { app: 'agent' }, { hostNetwork: true });
    const f = findingsOf([agent, defaultDeny('shop')], 'NP009');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('although shop/default-deny selects it');
  });
  test('compliant: pod network', () => {
    expect(findingsOf([web], 'NP009')).toEqual([]);
  });
});

describe('NP010 policy-types-defaulted', () => {
  test('non-compliant: egress: [] without policyTypes does not isolate egress', () => {
    const f = findingsOf([web, policy('shop', 'deny-egress', { podSelector: {}, egress: [] })], 'NP010');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('egress is NOT isolated');
  });
  test('non-compliant: no policyTypes at all', () => {
    expect(findingsOf([policy('shop', 'p', { podSelector: {}, ingress: [{}] })], 'NP010')[0].fix).toBe('Add policyTypes: [Ingress].');
  });
  test('compliant: written explicitly', () => {
    expect(findingsOf([defaultDeny('shop')], 'NP010')).toEqual([]);
  });
});

describe('NP011 duplicate-policy-name', () => {
  test('non-compliant: same name in one namespace, across files', () => {
    const a = policy('shop', 'allow', { podSelector: {}, policyTypes: ['Ingress'] });
    const { findings } = lintObjects([{ object: a, file: 'a.yaml', line: 1 }, { object: a, file: 'b.yaml', line: 3 }]);
    const f = findings.filter((x) => x.ruleId === 'NP011');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', file: 'b.yaml' });
    expect(f[0].message).toContain('a.yaml:1, b.yaml:3');
  });
  test('compliant: same name in two namespaces', () => {
    expect(findingsOf([defaultDeny('shop'), defaultDeny('web')], 'NP011')).toEqual([]);
  });
});

describe('NP012 ingress-from-anywhere', () => {
  test('non-compliant: ingress: [{}]', () => {
    const f = findingsOf([web, policy('shop', 'open', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })], 'NP012');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: 'spec.ingress[0]' });
  });
  test('non-compliant: from 0.0.0.0/0 without ports', () => {
    const p = policy('shop', 'open', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] });
    expect(findingsOf([web, p], 'NP012')).toHaveLength(1);
  });
  test('compliant: from anywhere on one port', () => {
    expect(findingsOf([web, policy('shop', 'web', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 443 }] }] })], 'NP012')).toEqual([]);
  });
});

describe('NP013 half-open-connection', () => {
  const api = deployment('shop', 'api', { app: 'api' }, { ports: [{ name: 'http', containerPort: 8080 }] });
  const client = deployment('shop', 'client', { app: 'client' });
  const denyEgress = policy('shop', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
  const denyIngress = policy('shop', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
  const apiFromClient = policy('shop', 'api-from-client', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  });
  const clientToApi = (port: number) => policy('shop', 'client-to-api', {
    podSelector: { matchLabels: { app: 'client' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port }] }],
  });

  test('non-compliant: an ingress rule whose client is egress-isolated without the egress half', () => {
    const f = findingsOf([api, client, denyEgress, apiFromClient], 'NP013');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', name: 'api-from-client', location: 'spec.ingress[0].from[0]' });
    expect(f[0].message).toContain('admits shop/client to shop/api on TCP 8080, but shop/client is isolated for egress (by shop/deny-egress)');
  });

  test('non-compliant: an egress rule whose server is ingress-isolated without the ingress half', () => {
    const f = findingsOf([api, client, denyIngress, clientToApi(8080)], 'NP013');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ name: 'client-to-api', location: 'spec.egress[0].to[0]' });
    expect(f[0].message).toContain('but shop/api is isolated for ingress (by shop/deny-ingress)');
  });

  test('non-compliant: both halves written, but on different ports', () => {
    expect(findingsOf([api, client, denyEgress, denyIngress, apiFromClient, clientToApi(9090)], 'NP013')).toHaveLength(2);
  });

  test('compliant: both halves on the same port', () => {
    expect(findingsOf([api, client, denyEgress, denyIngress, apiFromClient, clientToApi(8080)], 'NP013')).toEqual([]);
  });

  test('compliant: the other side is not isolated at all', () => {
    expect(findingsOf([api, client, apiFromClient], 'NP013')).toEqual([]);
  });

  test('non-compliant: one peer of two is dead (OR of sources, one forgot its egress half)', () => {
    const admin = deployment('ops', 'admin', { app: 'admin' });
    const opsDenyEgress = policy('ops', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const both = policy('shop', 'api-from-two', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [
          { podSelector: { matchLabels: { app: 'client' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: { matchLabels: { app: 'admin' } } },
        ],
      }],
    });
    const f = findingsOf([api, client, admin, opsDenyEgress, both], 'NP013');
    expect(f.map((x) => x.location)).toEqual(['spec.ingress[0].from[1]']);
    expect(f[0].message).toContain('admits ops/admin to shop/api');
  });

  test('compliant: a broad peer (every namespace) that some of its pods can use', () => {
    const other = deployment('ops', 'admin', { app: 'admin' });
    const opsDenyEgress = policy('ops', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const fromEveryone = policy('shop', 'api-from-all', {
      podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }],
    });
    expect(findingsOf([api, client, other, opsDenyEgress, fromEveryone], 'NP013')).toEqual([]);
  });
});
