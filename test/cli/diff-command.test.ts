/** `cdk8s-netpol diff` (diff-command.ts). */
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'lint', 'fixtures');
const run = (...argv: string[]) => runCli(argv);

describe('cdk8s-netpol diff', () => {
  test('OLD NEW: added and changed connections, exit 0', async () => {
    const r = await run('diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'pr'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '~ shop/backend => shop/db : TCP 5432 -> TCP 5432-5433 (changed)',
      '+ shop/frontend => shop/db : TCP 5432 (added)',
      '',
      '1 added, 0 removed, 1 changed',
      '',
    ].join('\n'));
  });

  test('reversed: removed', async () => {
    const r = await run('diff', path.join(FIXTURES, 'pr'), path.join(FIXTURES, 'base'));
    expect(r.stdout).toContain('- shop/frontend => shop/db : TCP 5432 (removed)');
  });

  test('--fail-on added: exit 1 when something was added, 0 when not', async () => {
    expect((await run('diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'pr'), '--fail-on', 'added')).code).toBe(1);
    expect((await run('diff', path.join(FIXTURES, 'pr'), path.join(FIXTURES, 'base'), '--fail-on', 'added')).code).toBe(0);
  });

  test('--old/--new with several paths per side, --format md', async () => {
    const base = path.join(FIXTURES, 'base');
    const pr = path.join(FIXTURES, 'pr');
    const r = await run('diff', '--old', path.join(base, 'workloads.yaml'), '--old', path.join(base, 'policies.yaml'),
      '--new', path.join(pr, 'workloads.yaml'), '--new', path.join(pr, 'policies.yaml'), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('```diff\n! shop/backend => shop/db : TCP 5432 -> TCP 5432-5433 (changed)\n+ shop/frontend => shop/db : TCP 5432 (added)\n```');
  });

  test('bad usage: exit 2', async () => {
    expect((await run('diff', path.join(FIXTURES, 'base'))).code).toBe(2);
    expect((await run('diff', 'a', 'b', '--old', 'c')).code).toBe(2);
  });
});
