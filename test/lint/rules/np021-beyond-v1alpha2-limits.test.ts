import { anp, cnp, findingsOf, lint, web } from '../helpers';

const rule = (i: number) => ({ name: `r${i}`, action: 'Deny', to: [{ namespaces: { matchLabels: { team: `t${i}` } } }] });

describe('NP021 beyond-v1alpha2-limits', () => {
  test('non-compliant: an AdminNetworkPolicy with 30 egress rules', () => {
    const f = findingsOf([web, anp('big', 10, { egress: Array.from({ length: 30 }, (_, i) => rule(i)) })], 'NP021');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'AdminNetworkPolicy', name: 'big', location: 'spec.egress', severity: 'info' });
    expect(f[0].message).toContain('spec.egress (30 rules)');
  });
  test('compliant: 25 rules', () => {
    expect(findingsOf([web, anp('ok', 10, { egress: Array.from({ length: 25 }, (_, i) => rule(i)) })], 'NP021')).toEqual([]);
  });
  test('a ClusterNetworkPolicy with 26 rules is the API server\'s to refuse, not a lint finding: the engine does not read it', () => {
    const findings = lint([web, cnp('big', 'Admin', 10, { egress: Array.from({ length: 26 }, (_, i) => rule(i)) })]);
    expect(findings.filter((f) => f.ruleId === 'NP021')).toEqual([]);
  });
});
