import { Testing } from 'cdk8s';
import { defaultNamespaceGuide } from './default-namespace-guide';

test('default-namespace-guide synthesizes to the expected YAML', () => {
  const app = Testing.app();
  defaultNamespaceGuide(app);
  expect(app.synthYaml()).toMatchSnapshot();
});
