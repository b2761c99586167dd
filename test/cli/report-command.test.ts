/** `cdk8s-netpol report` (report-command.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'lint', 'fixtures');
const run = (...argv: string[]) => runCli(argv);

describe('cdk8s-netpol report', () => {
  test.each(['md', 'mermaid', 'dot', 'html', 'json'])('--format %s', async (format) => {
    const r = await run('report', path.join(FIXTURES, 'pr'), '--format', format);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(format === 'json' ? '"shop/frontend"' : 'frontend');
  });

  test('-o FILE writes the file', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-report-')), 'r.html');
    const r = await run('report', path.join(FIXTURES, 'pr'), '--format', 'html', '-o', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
