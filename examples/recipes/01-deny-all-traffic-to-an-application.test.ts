import { recipe } from './01-deny-all-traffic-to-an-application';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { Direction, PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'client', labels: { app: 'client' } },
  { namespace: 'other', name: 'client', labels: { app: 'client' } },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('nothing reaches web, on any port, from anywhere', () => {
  network(s, pods)
    .deniesAll('default/client', 'default/web')
    .deniesAll('other/client', 'default/web')
    .deniesAll('203.0.113.9', 'default/web');
});

test('web still reaches out, and every other pod is untouched', () => {
  network(s, pods)
    .notIsolated('default/web', Direction.EGRESS)
    .allowsOnly('default/web', 'default/client', 'All Connections')
    .allowsOnly('other/client', 'default/client', 'All Connections')
    .notIsolated('default/client', Direction.BOTH);
});
