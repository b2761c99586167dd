import { recipe } from './05-allow-traffic-from-all-namespaces';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'secondary', name: 'web', labels: { app: 'web' } },
  { namespace: 'secondary', name: 'db', labels: { app: 'db' } },
  { namespace: 'default', name: 'test', labels: {} },
  { namespace: 'kube-system', name: 'anything', labels: {} },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
  expect(s.yaml).toContain('namespaceSelector: {}');
});

test('pods of every namespace reach web', () => {
  network(s, pods)
    .allowsOnly('default/test', 'secondary/web', 'All Connections')
    .allowsOnly('kube-system/anything', 'secondary/web', 'All Connections')
    .allowsOnly('secondary/db', 'secondary/web', 'All Connections');
});

test('but not clients outside the cluster, and the rest of the namespace stays closed', () => {
  network(s, pods)
    .deniesAll('203.0.113.9', 'secondary/web')
    .deniesAll('default/test', 'secondary/db');
});
