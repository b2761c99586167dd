import { lintObjects } from '../../../src/lint/runner';
import { deployment, lint } from '../helpers';

describe('NP000 invalid-suppression', () => {
  test('non-compliant: a suppression without a reason', () => {
    const web = deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': 'NP001' } });
    const f = lint([web]).filter((x) => x.ruleId === 'NP000');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      location: 'metadata.annotations["cdk8s-netpol.io/suppress"]',
      message: 'Deployment shop/web: suppression of NP001 has no reason: write "NP001=why this is fine"; it is ignored.',
      fix: 'Write cdk8s-netpol.io/suppress: "NPnnn=reason, NPmmm=reason".',
    });
    expect(f[0].suppressed).toBeUndefined();
  });
  test('non-compliant: an entry that is not a rule id, reported even when only other rules run', () => {
    const web = deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': 'all=yes' } });
    const { findings } = lintObjects([{ object: web, file: 'web.yaml', line: 3 }], { rules: ['NP001'] });
    const f = findings.filter((x) => x.ruleId === 'NP000');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: 'web.yaml', line: 3 });
    expect(f[0].message).toContain('"all=yes" is not a suppression');
  });
  test('compliant: every suppression has a reason', () => {
    const web = deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': 'NP001=public web server' } });
    expect(lint([web]).filter((x) => x.ruleId === 'NP000')).toEqual([]);
  });
  test('compliant: no suppression at all', () => {
    expect(lint([deployment('shop', 'web', { app: 'web' })]).filter((x) => x.ruleId === 'NP000')).toEqual([]);
  });
});
