import { Chart, Testing } from 'cdk8s';
import { recipe } from './06-allow-traffic-from-a-namespace';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { Firewall, Peer, PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'prod', name: 'test', labels: {} },
  { namespace: 'dev', name: 'test', labels: {} },
  { namespace: 'default', name: 'test', labels: {} },
];
const namespaces = [{ name: 'prod', labels: { purpose: 'production' } }, { name: 'dev', labels: { purpose: 'testing' } }];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('prod reaches web; dev, the namespace itself and external clients do not', () => {
  network(s, pods, namespaces)
    .allowsOnly('prod/test', 'default/web', 'All Connections')
    .deniesAll('dev/test', 'default/web')
    .deniesAll('default/test', 'default/web')
    .deniesAll('203.0.113.9', 'default/web');
});

test('a Firewall refuses namespaces by label and says what to write instead', () => {
  const fw = new Firewall(new Chart(Testing.app(), 'x', { namespace: 'default' }), 'fw');
  expect(() => fw.allow(Peer.namespaces({ purpose: 'production' }), Peer.app('web')))
    .toThrow(/namespaces are chosen by labels.*Name the namespace instead.*AllowFrom/);
});
