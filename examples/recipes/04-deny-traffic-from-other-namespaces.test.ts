import { recipe } from './04-deny-traffic-from-other-namespaces';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'secondary', name: 'web', labels: { app: 'web' } },
  { namespace: 'secondary', name: 'test', labels: {} },
  { namespace: 'default', name: 'test', labels: {} },
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('pods of secondary reach web; pods of default and external clients do not', () => {
  network(s, pods)
    .allowsOnly('secondary/test', 'secondary/web', 'All Connections')
    .deniesAll('default/test', 'secondary/web')
    .deniesAll('203.0.113.9', 'secondary/web');
});

test('secondary can still call out', () => {
  network(s, pods).allowsOnly('secondary/web', 'default/test', 'All Connections');
});
