import { recipe } from './08-allow-external-traffic';
import { COREDNS, expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'web', labels: { app: 'web' } },
  { namespace: 'default', name: 'db', labels: { app: 'db' } },
  { namespace: 'ingress-nginx', name: 'controller', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  COREDNS,
];

test('YAML', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
});

test('clients on the internet, and a load balancer or ingress controller, reach web on 80 only', () => {
  network(s, pods)
    .allowsOnly('203.0.113.9', 'default/web', 'TCP 80')
    .allowsOnly('2001:db8::9', 'default/web', 'TCP 80')
    .allowsOnly('ingress-nginx/controller', 'default/web', 'TCP 80');
});

test('the rest of the namespace stays closed, and web does not call out (DNS aside)', () => {
  network(s, pods)
    .deniesAll('203.0.113.9', 'default/db')
    .deniesAll('default/web', 'default/db')
    .deniesAll('default/web', '203.0.113.9')
    .allowsOnly('default/web', 'kube-system/coredns', 'TCP 53,UDP 53');
});
