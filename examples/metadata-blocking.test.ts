import { Testing } from 'cdk8s';
import { metadataBlocking } from './metadata-blocking';

test('metadata-blocking synthesizes to the expected YAML', () => {
  const app = Testing.app();
  metadataBlocking(app);
  expect(app.synthYaml()).toMatchSnapshot();
});
