import { DNS_EGRESS, findingsOf, policy, web } from '../helpers';

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
