import { recipe } from './09-allow-traffic-only-to-a-port';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'apiserver', labels: { app: 'apiserver' }, ports: [{ name: 'http', port: 8000 }, { name: 'metrics', port: 5000 }] },
  { namespace: 'default', name: 'prometheus', labels: { role: 'monitoring' } },
  { namespace: 'default', name: 'test', labels: {} },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('monitoring reaches port 5000 and nothing else; other pods reach nothing', () => {
  network(s, pods)
    .allows('default/prometheus', 'default/apiserver', 5000)
    .denies('default/prometheus', 'default/apiserver', 8000)
    .allowsOnly('default/prometheus', 'default/apiserver', 'TCP 5000')
    .deniesAll('default/test', 'default/apiserver');
});
