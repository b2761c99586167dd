import { DNS_EGRESS, deployment, lint, policy } from './helpers';
import { failsBuild } from '../../src/lint/exit-policy';
import { lintObjects } from '../../src/lint/runner';
import { parseSuppressions } from '../../src/lint/suppressions';

describe('parsing', () => {
  test('several entries; a reason may contain commas', () => {
    const s = parseSuppressions('NP001=public web, behind the LB, NP012 = intended');
    expect([...s.byRule.entries()]).toEqual([['NP001', 'public web, behind the LB'], ['NP012', 'intended']]);
    expect(s.problems).toEqual([]);
  });
  test('an entry without a reason is not honoured', () => {
    const s = parseSuppressions('NP001, NP004=');
    expect(s.byRule.size).toBe(0);
    expect(s.problems).toEqual([
      'suppression of NP001 has no reason: write "NP001=why this is fine"',
      'suppression of NP004 has no reason: write "NP004=why this is fine"',
    ]);
  });
  test('not a rule id', () => {
    expect(parseSuppressions('all=yes').problems[0]).toContain('is not a suppression');
  });
});

describe('in the linter', () => {
  test('GIVEN a workload suppressing NP001 with a reason THEN the finding is reported as suppressed and does not fail', () => {
    const web = deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': 'NP001=public web server, NP002=talks to the internet' } });
    const findings = lint([web]);
    const np001 = findings.find((f) => f.ruleId === 'NP001')!;
    expect(np001).toMatchObject({ suppressed: true, suppressionReason: 'public web server' });
    expect(failsBuild(findings, true)).toBe(false);
  });

  test('a suppression on the re-opening policy silences NP007 for the workload', () => {
    const web = deployment('shop', 'web', { app: 'web' });
    const deny = policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS] });
    const reopen = policy('shop', 'web-out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] },
      { 'cdk8s-netpol.io/suppress': 'NP007=IRSA needs IMDS on this cluster' });
    const np007 = lint([web, deny, reopen]).filter((f) => f.ruleId === 'NP007');
    expect(np007).toHaveLength(1);
    expect(np007[0].suppressed).toBe(true);
  });

  test('a suppression without a reason is reported as NP000 (error) and the finding stays', () => {
    const web = deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': 'NP001' } });
    const { findings } = lintObjects([{ object: web, file: 'web.yaml' }]);
    expect(findings.find((f) => f.ruleId === 'NP001')!.suppressed).toBeUndefined();
    expect(findings.find((f) => f.ruleId === 'NP000')).toMatchObject({ severity: 'error', name: 'web', file: 'web.yaml' });
    expect(failsBuild(findings)).toBe(true);
  });
});
