/** The CLI on cluster policies (ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy v1alpha1): read, checked, warned about. */
import { runCli } from './run-cli';

const workload = (name: string, ns: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
`;
const denyShopIngress = (name: string, priority: number, action = 'Deny') => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: ${name}}
spec:
  tier: Admin
  priority: ${priority}
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
  ingress:
  - {name: r, action: ${action}, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}
`;
const docs = (...d: string[]) => d.join('---\n');

describe('cluster policies in the CLI', () => {
  test('an Admin Deny closes what no NetworkPolicy closes: connlist and check agree, and check names the tier', async () => {
    const input = docs(workload('web', 'shop'), workload('cli', 'ops'), denyShopIngress('guard', 10));
    const list = await runCli(['connlist', '-'], { stdin: input });
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('ops/cli => shop/web : SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
    const check = await runCli(['check', '-', '--from', 'ops/cli', '--to', 'shop/web', '--port', '80'], { stdin: input });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^DENIED: ops\/cli => shop\/web on TCP 80/);
    expect(check.stdout).toContain('ClusterNetworkPolicy guard');
  });

  test('an invalid cluster policy is exit 2 at its field, named without a namespace', async () => {
    const r = await runCli(['connlist', '-'], { stdin: docs(workload('web', 'shop'), denyShopIngress('guard', 5000)) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: <stdin>:14: ClusterNetworkPolicy guard: spec.priority: Invalid value: 5000: should be less than or equal to 1000\n');
  });

  test('two policies of one tier at one priority whose order matters: a warning with a connection that shows it', async () => {
    const r = await runCli(['connlist', '-'], { stdin: docs(workload('web', 'shop'), workload('cli', 'ops'), denyShopIngress('a', 10), denyShopIngress('b', 10, 'Accept')) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cdk8s-netpol: warning: ClusterNetworkPolicy a and ClusterNetworkPolicy b \(Admin tier, priority 10\) decide /);
  });

  test('a cluster policy defined twice: both places, the last one used', async () => {
    const r = await runCli(['connlist', '-'], { stdin: docs(workload('web', 'shop'), denyShopIngress('guard', 10), denyShopIngress('guard', 20)) });
    expect(r.stderr).toBe('cdk8s-netpol: warning: ClusterNetworkPolicy guard is defined twice, at <stdin>:9 and <stdin>:19: the last one is used\n');
  });
});
