import { defaultDeny, findingsOf, web } from '../helpers';

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
