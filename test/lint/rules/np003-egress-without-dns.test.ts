import { ACCEPT_DNS, cnp, DNS_EGRESS, db, defaultDeny, deployment, findingsOf, lint, policy, web } from '../helpers';

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

describe('NP003 once per namespace', () => {
  const denyAll = policy('shop', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  test('GIVEN two workloads of shop without DNS THEN one finding, on the policy that isolates them, listing both', () => {
    const f = findingsOf([web, db, denyAll], 'NP003');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', name: 'deny-all' });
    expect(f[0].message).toBe('Namespace shop: 2 workloads isolated for egress (by shop/deny-all) cannot reach cluster DNS on UDP 53: ' +
      'Deployment db, Deployment web; their name lookups will time out.');
  });
  test('GIVEN a workload that suppresses NP003 THEN it has its own (suppressed) finding and is left out of the namespace\'s', () => {
    const batch = deployment('shop', 'batch', { app: 'batch' }, { annotations: { 'cdk8s-netpol.io/suppress': 'NP003=resolves nothing, talks to IPs only' } });
    const all = lint([web, batch, denyAll]).filter((x) => x.ruleId === 'NP003');
    expect(all.map((x) => [x.kind, x.name, x.suppressed ?? false])).toEqual([['Deployment', 'batch', true], ['NetworkPolicy', 'deny-all', false]]);
    expect(all[1].message).toContain(': Deployment web;');
  });
  test('compliant: an Admin tier Accept of DNS lets the isolated pods resolve', () => {
    const dns = cnp('dns', 'Admin', 1, { egress: [ACCEPT_DNS] });
    expect(findingsOf([web, db, denyAll, dns], 'NP003')).toEqual([]);
  });
});
