import { recipe } from './02a-allow-all-traffic-to-an-application';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'client', labels: {} },
  { namespace: 'other', name: 'client', labels: {} },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
  expect(s.yaml).toContain('ingress:\n    - {}');
});

test('everything reaches web on every port, despite the deny-all', () => {
  network(s, pods)
    .allowsOnly('default/client', 'default/web', 'All Connections')
    .allowsOnly('other/client', 'default/web', 'All Connections')
    .allowsOnly('203.0.113.9', 'default/web', 'All Connections');
});
