import { recipe } from './02-limit-traffic-to-an-application';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'apiserver', labels: { app: 'bookstore', role: 'api' } },
  { namespace: 'default', name: 'frontend', labels: { app: 'bookstore', role: 'frontend' } },
  { namespace: 'default', name: 'test', labels: {} },
  { namespace: 'other', name: 'bookstore', labels: { app: 'bookstore' } },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('bookstore pods of the namespace reach the API; nobody else does', () => {
  network(s, pods)
    .allowsOnly('default/frontend', 'default/apiserver', 'All Connections')
    .deniesAll('default/test', 'default/apiserver')
    // same labels in another namespace: a podSelector alone means the policy's namespace
    .deniesAll('other/bookstore', 'default/apiserver')
    .deniesAll('203.0.113.9', 'default/apiserver');
});

test('the frontend itself stays open', () => {
  network(s, pods).allowsOnly('default/test', 'default/frontend', 'All Connections');
});
