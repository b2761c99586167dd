import { DNS_EGRESS, defaultDeny, findingsOf, policy, web } from '../helpers';

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
