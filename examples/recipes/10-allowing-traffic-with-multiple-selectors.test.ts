import { recipe } from './10-allowing-traffic-with-multiple-selectors';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'db', labels: { app: 'bookstore', role: 'db' } },
  { namespace: 'default', name: 'search', labels: { app: 'bookstore', role: 'search' } },
  { namespace: 'default', name: 'api', labels: { app: 'bookstore', role: 'api' } },
  { namespace: 'default', name: 'catalog', labels: { app: 'inventory', role: 'web' } },
  { namespace: 'default', name: 'other', labels: { app: 'other' } },
  { namespace: 'default', name: 'bookstore-admin', labels: { app: 'bookstore', role: 'admin' } },
  { namespace: 'default', name: 'inventory-api', labels: { app: 'inventory', role: 'api' } },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('exactly the three services reach Redis, on 6379 only', () => {
  const net = network(s, pods);
  net.reachableOnlyFrom('default/db', 6379, ['default/search', 'default/api', 'default/catalog']);
  for (const from of ['default/search', 'default/api', 'default/catalog']) net.allowsOnly(from, 'default/db', 'TCP 6379');
  // a shared label alone is not enough: both labels of a peer must match
  net.deniesAll('default/bookstore-admin', 'default/db').deniesAll('default/inventory-api', 'default/db').deniesAll('default/other', 'default/db');
});
