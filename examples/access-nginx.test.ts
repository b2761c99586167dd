import { Testing } from 'cdk8s';
import { accessNginx } from './access-nginx';

test('access-nginx synthesizes to the expected YAML', () => {
  const app = Testing.app();
  accessNginx(app);
  expect(app.synthYaml()).toMatchSnapshot();
});
