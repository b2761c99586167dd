import { recipe } from './12-deny-all-non-whitelisted-traffic-from-the-namespace';
import { COREDNS, expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'api', labels: { app: 'api' } },
  { namespace: 'other', name: 'client', labels: {} },
  COREDNS,
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('nothing leaves the namespace pods, DNS included', () => {
  network(s, pods)
    .deniesAll('default/web', 'default/api')
    .deniesAll('default/web', 'other/client')
    .deniesAll('default/web', '93.184.216.34')
    .deniesAll('default/api', 'kube-system/coredns');
});

test('incoming traffic is not restricted, and other namespaces are untouched', () => {
  network(s, pods)
    .allowsOnly('other/client', 'default/web', 'All Connections')
    .allowsOnly('other/client', '93.184.216.34', 'All Connections');
});
