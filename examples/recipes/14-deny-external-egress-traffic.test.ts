import { recipe } from './14-deny-external-egress-traffic';
import { COREDNS, expectYamlFile, network, synthRecipe } from './recipe-testing';
import { NetworkAssertions, PodEndpointProps, Protocol } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'foo', labels: { app: 'foo' }, ip: '10.8.0.10' },
  { namespace: 'default', name: 'web', labels: { app: 'web' }, ip: '10.8.0.11' },
  { namespace: 'other', name: 'db', labels: { app: 'db' }, ip: '10.8.1.12' },
  { ...COREDNS, ip: '10.8.2.2' },
];

/** The intent, as assertions: in-cluster yes (DNS too), external no. */
function intent(net: NetworkAssertions) {
  net.allowsOnly('default/foo', 'default/web', 'All Connections')
    .allowsOnly('default/foo', 'other/db', 'All Connections')
    .allows('default/foo', 'kube-system/coredns', 53, Protocol.UDP)
    .deniesAll('default/foo', '93.184.216.34')
    .deniesAll('default/foo', '10.20.30.40') // a private address outside the cluster (VPC, on-prem)
    .denies('default/foo', '203.0.113.53', 53, Protocol.UDP);
}

const policy = (egress: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: foo-deny-external-egress, namespace: default }
spec:
  podSelector: { matchLabels: { app: foo } }
  policyTypes: [Egress]
  egress:
${egress}`;

/** Whether `check` throws, and why. */
function failure(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('foo reaches every pod of the cluster (DNS included) and no address outside it', () => {
  intent(network(s, pods));
});

test('naive 1: DNS and the cluster in ONE rule drops in-cluster egress', () => {
  const oneRule = policy(`
    - to: [{ namespaceSelector: {} }]
      ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]`);
  const net = NetworkAssertions.fromYaml(oneRule, { pods });
  net.allowsOnly('default/foo', 'default/web', 'TCP 53,UDP 53'); // web:80 is gone
  expect(failure(() => intent(net))).toMatch(/Expected default\/foo => default\/web to allow exactly "All Connections", but it allows "TCP 53,UDP 53"/);
});

test('naive 2: "the cluster = the private ranges" drops in-cluster egress where ipBlocks do not match pods', () => {
  const privateRanges = policy(`
    - to:
        - ipBlock: { cidr: 10.0.0.0/8 }
        - ipBlock: { cidr: 172.16.0.0/12 }
        - ipBlock: { cidr: 192.168.0.0/16 }`);
  // Cilium-like plugins: ipBlocks never match pods
  const cilium = NetworkAssertions.fromYaml(privateRanges, { pods });
  cilium.deniesAll('default/foo', 'default/web').deniesAll('default/foo', 'kube-system/coredns');
  expect(failure(() => intent(cilium))).toMatch(/default\/foo => default\/web/);
  // even where they do (Calico), private hosts outside the cluster are let through
  const calico = NetworkAssertions.fromYaml(privateRanges, { pods, ipBlockMatchesPods: true });
  calico.allows('default/foo', 'default/web', 80).allows('default/foo', '10.20.30.40', 22);
  expect(failure(() => intent(calico))).toMatch(/10\.20\.30\.40/);
  // ours does not depend on the plugin
  intent(NetworkAssertions.fromApp(s.app, { pods, ipBlockMatchesPods: true }));
});

test("naive 3: the recipe's own YAML leaves port 53 open to every external host", () => {
  const recipeYaml = policy(`
    - ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
    - to: [{ namespaceSelector: {} }]`);
  const net = NetworkAssertions.fromYaml(recipeYaml, { pods });
  net.allows('default/foo', '203.0.113.53', 53, Protocol.UDP).allows('default/foo', 'default/web', 80);
  expect(failure(() => intent(net))).toMatch(/default\/foo => 93\.184\.216\.34 to allow exactly "No Connections", but it allows "TCP 53,UDP 53"/);
});
