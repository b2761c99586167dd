import { recipe } from './07-allow-traffic-from-some-pods-in-another-namespace';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { NetworkAssertions, PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
// the four probes of the recipe
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'plain', labels: {} },
  { namespace: 'default', name: 'monitoring', labels: { type: 'monitoring' } },
  { namespace: 'other', name: 'plain', labels: {} },
  { namespace: 'other', name: 'monitoring', labels: { type: 'monitoring' } },
];
const namespaces = [{ name: 'other', labels: { team: 'operations' } }];

test('YAML: one peer with both selectors (AND)', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
  const from = s.chart.toJson()[0].spec.ingress[0].from;
  expect(from).toHaveLength(1);
  expect(Object.keys(from[0]).sort()).toEqual(['namespaceSelector', 'podSelector']);
});

test('only monitoring pods of operations namespaces reach web', () => {
  network(s, pods, namespaces)
    .allowsOnly('other/monitoring', 'default/web', 'All Connections')
    .deniesAll('other/plain', 'default/web')
    .deniesAll('default/monitoring', 'default/web')
    .deniesAll('default/plain', 'default/web');
});

test('the two-entry YAML (an OR) would let in three of the four probes', () => {
  const or = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-allow-all-ns-monitoring, namespace: default }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { team: operations } }
        - podSelector: { matchLabels: { type: monitoring } }
`;
  const net = NetworkAssertions.fromYaml(or, { pods, namespaces });
  net.allows('other/monitoring', 'default/web', 80)
    .allows('other/plain', 'default/web', 80) // wrong: not a monitoring pod
    .allows('default/monitoring', 'default/web', 80) // wrong: not an operations namespace
    .denies('default/plain', 'default/web', 80);
});
