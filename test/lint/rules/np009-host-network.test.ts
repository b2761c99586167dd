import { defaultDeny, deployment, findingsOf, web } from '../helpers';

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
