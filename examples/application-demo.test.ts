import { Testing } from 'cdk8s';
import { applicationDemo } from './application-demo';

test('application-demo synthesizes to the expected YAML', () => {
  const app = Testing.app();
  applicationDemo(app);
  expect(app.synthYaml()).toMatchSnapshot();
});
