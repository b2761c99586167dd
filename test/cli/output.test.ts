/** What output.ts knows beyond writing: the package's version. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageVersion } from '../../src/cli/output';

describe('packageVersion', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-version-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const pkg = (dir: string, content: string) => {
    fs.mkdirSync(path.join(dir, 'lib', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), content);
    return path.join(dir, 'lib', 'cli');
  };

  test('from src/cli: the version of the package.json at the root', () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(packageVersion()).toBe(version);
    expect(packageVersion(path.join(__dirname, '..', '..', 'src', 'cli'))).toBe(version);
  });

  test('as installed: the first package.json above the module, when it is this package', () => {
    expect(packageVersion(pkg(path.join(tmp, 'node_modules', 'cdk8s-netpol'), '{"name":"cdk8s-netpol","version":"1.2.3"}'))).toBe('1.2.3');
    expect(packageVersion(pkg(path.join(tmp, 'other'), '{"name":"other","version":"9.9.9"}'))).toBeUndefined();
  });

  test('a broken or versionless package.json, or none at all: undefined, never an error', () => {
    expect(packageVersion(pkg(path.join(tmp, 'broken'), '{"name":'))).toBeUndefined();
    expect(packageVersion(pkg(path.join(tmp, 'no-version'), '{"name":"cdk8s-netpol"}'))).toBeUndefined();
    expect(packageVersion(pkg(path.join(tmp, 'not-a-string'), '{"name":"cdk8s-netpol","version":1}'))).toBeUndefined();
    expect(packageVersion(pkg(path.join(tmp, 'null'), 'null'))).toBeUndefined();
    expect(packageVersion(path.parse(tmp).root)).toBeUndefined();
  });
});
