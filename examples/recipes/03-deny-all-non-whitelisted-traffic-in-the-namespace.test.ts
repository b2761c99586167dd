import { recipe } from './03-deny-all-non-whitelisted-traffic-in-the-namespace';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { Direction, PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'api', labels: { app: 'api' } },
  { namespace: 'other', name: 'client', labels: {} },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('no pod of the namespace can be reached, not even from the namespace itself', () => {
  network(s, pods)
    .deniesAll('default/api', 'default/web')
    .deniesAll('default/web', 'default/api')
    .deniesAll('other/client', 'default/web')
    .deniesAll('203.0.113.9', 'default/api');
});

test('outgoing traffic and other namespaces are untouched', () => {
  network(s, pods)
    .notIsolated('default/web', Direction.EGRESS)
    .allowsOnly('default/web', 'other/client', 'All Connections')
    .allowsOnly('default/web', '203.0.113.9', 'All Connections');
});
