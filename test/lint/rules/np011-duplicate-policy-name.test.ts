import { lintObjects } from '../../../src/lint/runner';
import { defaultDeny, findingsOf, policy } from '../helpers';

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
