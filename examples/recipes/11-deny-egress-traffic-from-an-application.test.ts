import { recipe } from './11-deny-egress-traffic-from-an-application';
import { COREDNS, expectYamlFile, network, synthRecipe } from './recipe-testing';
import { Direction, NetworkAssertions, PodEndpointProps, Protocol } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'foo', labels: { app: 'foo' } },
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  COREDNS,
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('foo reaches nothing, in or outside the cluster, but resolves names', () => {
  network(s, pods)
    .deniesAll('default/foo', 'default/web')
    .deniesAll('default/foo', '93.184.216.34')
    .allowsOnly('default/foo', 'kube-system/coredns', 'TCP 53,UDP 53');
});

test('foo still accepts connections, and web is untouched', () => {
  network(s, pods)
    .notIsolated('default/foo', Direction.INGRESS)
    .allowsOnly('default/web', 'default/foo', 'All Connections')
    .allowsOnly('default/web', '93.184.216.34', 'All Connections');
});

test('DNS means the cluster DNS: port 53 on an outside host stays closed (the recipe YAML opens it)', () => {
  network(s, pods).denies('default/foo', '203.0.113.53', 53, Protocol.UDP).denies('default/foo', '203.0.113.53', 53, Protocol.TCP);
  const recipeYaml = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: foo-deny-egress, namespace: default }
spec:
  podSelector: { matchLabels: { app: foo } }
  policyTypes: [Egress]
  egress:
    - ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
`;
  NetworkAssertions.fromYaml(recipeYaml, { pods }).allows('default/foo', '203.0.113.53', 53, Protocol.UDP);
});
