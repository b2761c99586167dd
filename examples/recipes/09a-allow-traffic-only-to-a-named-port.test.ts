import { recipe } from './09a-allow-traffic-only-to-a-named-port';
import { expectYamlFile, network, synthRecipe } from './recipe-testing';
import { PodEndpointProps } from '../../src';

const s = synthRecipe(recipe);
const apiserver = s.chart.toJson().find((m: any) => m.kind === 'Deployment');
const api = `default/${apiserver.metadata.name}`;
const pods: PodEndpointProps[] = [
  { namespace: 'default', name: 'prometheus', labels: { role: 'monitoring' } },
  { namespace: 'default', name: 'test', labels: {} },
];

test('YAML: the port is named, the selector is the pods\' own label', () => {
  expect(s.yaml).toMatchSnapshot();
  expectYamlFile(__filename, s.yaml);
  const policy = s.chart.toJson().find((m: any) => m.kind === 'NetworkPolicy');
  expect(policy.spec.podSelector).toEqual({ matchLabels: { app: 'apiserver' } });
  expect(policy.spec.ingress[0].ports).toEqual([{ port: 'metrics', protocol: 'TCP' }]);
});

test('the engine resolves `metrics` on the Deployment: monitoring reaches 5000 only', () => {
  network(s, pods)
    .allowsOnly('default/prometheus', api, 'TCP 5000')
    .deniesAll('default/test', api);
});
