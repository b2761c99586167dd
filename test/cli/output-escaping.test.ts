/**
 * The CLI's output when the free text of a pull request is hostile (issue 11, item 1): file
 * names (a file may be named anything), suppression reasons (a free-text annotation), option
 * values echoed back (`--title`, `--port`, `--focus`, `--rule`, `-o`). Object names are checked
 * by the input layer (hostile-objects.test.ts), so here they are plain; what reaches the output
 * is asserted exactly: no raw control or bidi character on the terminal, the Markdown of a
 * comment with the structure it has for benign text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { runCli, SHOP } from './run-cli';
import { formatConnlist } from '../../src/cli/connlist-command';
import { Analysis, explainConnection, Inventory } from '../../src/engine';
import { readInputs } from '../../src/manifests';
import { visibleText } from '../../src/text';
import { outline } from '../report/markdown-structure';

/** What a terminal must never receive from the input (ESC included). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const REASON = 'ok\n```\n\n**No changes in connectivity.**\n\n<!--\u001b[2J\u001b]8;;http://evil\u0007\u202eexe';
const FILE_NAME = 'a`b|c <!-- \u001b[31m\u202e\nx.yaml';

function manifests(reason: string): string {
  const deployment = (name: string, annotations?: Record<string, string>) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', ...(annotations ? { annotations } : {}) },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'pg', containerPort: 5432 }] }] } } },
  });
  const objects = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    deployment('web', { 'cdk8s-netpol.io/suppress': `NP001=${reason}, NP002=${reason}` }),
    deployment('db'),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'db-in', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'v_1.x' } } }] }] },
    },
  ];
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

/** A directory holding the manifests in one file. */
function dirWith(fileName: string, reason: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-escape-'));
  fs.writeFileSync(path.join(dir, fileName), manifests(reason));
  return dir;
}

const hostileDir = dirWith(FILE_NAME, REASON);
const benignDir = dirWith('app.yaml', 'fine');

function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(RAW);
}

describe('lint', () => {
  test('text: the file name and the reason escaped, each on its line; no ESC reaches the terminal', async () => {
    const r = await runCli(['lint', hostileDir]);
    expectTerminalSafe(r.stdout);
    expectTerminalSafe(r.stderr);
    const benign = await runCli(['lint', benignDir]);
    expect(r.stdout.split('\n')).toHaveLength(benign.stdout.split('\n').length);
    expect(r.stdout).toContain(`${visibleText(path.join(hostileDir, FILE_NAME))}: warning NP005 NetworkPolicy shop/db-in (spec.ingress[0].from[0])\n`);
    expect(r.stdout).toContain(`Suppressed:\n  NP001 Deployment shop/web: ${visibleText(REASON)}\n  NP002 Deployment shop/web: ${visibleText(REASON)}\n`);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\u202eexe');
  });

  test('text on a terminal: the only escape sequences are the command\'s own colours', async () => {
    const r = await runCli(['lint', hostileDir], { tty: true });
    expect(r.stdout).toMatch(/\u001b\[33mwarning\u001b\[39m/);
    expectTerminalSafe(r.stdout.replace(/\u001b\[(1|2|22|31|32|33|39)m/g, ''));
  });

  test('sarif and json: the same data, no raw invisible character; SARIF messages and URIs clean', async () => {
    const sarif = await runCli(['lint', hostileDir, '--format', 'sarif']);
    expectTerminalSafe(sarif.stdout.replace(/\n/g, ''));
    const results = JSON.parse(sarif.stdout).runs[0].results;
    const suppressed = results.find((x: any) => x.ruleId === 'NP001');
    expect(suppressed.suppressions[0].justification).toBe(visibleText(REASON));
    // an absolute path is a file:// URI, every character of the name percent-encoded
    expect(fileURLToPath(suppressed.locations[0].physicalLocation.artifactLocation.uri)).toBe(path.join(hostileDir, FILE_NAME));
    const json = await runCli(['lint', hostileDir, '--format', 'json']);
    expectTerminalSafe(json.stdout.replace(/\n/g, ''));
    expect(JSON.parse(json.stdout).find((f: any) => f.ruleId === 'NP001').suppressionReason).toBe(REASON);
  });

  test('an unknown --rule is quoted and escaped in the error', async () => {
    const r = await runCli(['lint', benignDir, '--rule', 'NP1\u001b[2J\u202e']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-netpol: unknown rule "NP1\\u001b\[2J\\u202e": rules are NP000, /);
    expectTerminalSafe(r.stderr.replace(/\n/g, ''));
  });
});

describe('report', () => {
  const TITLE = `Reachability ${REASON}`;

  test('md: the title, the file and the reason cannot change the comment: same headings, rows, items; no HTML from them', async () => {
    const r = await runCli(['report', hostileDir, '--format', 'md', '--title', TITLE]);
    const benign = await runCli(['report', benignDir, '--format', 'md', '--title', 'Reachability fine']);
    const md = outline(r.stdout);
    const expected = outline(benign.stdout);
    expect(md.counts).toEqual(expected.counts);
    expect(md.html).toEqual(expected.html);
    expect(md.tables.map((t) => t.map((row) => row.length))).toEqual(expected.tables.map((t) => t.map((row) => row.length)));
    expect(md.headings).toEqual([visibleText(TITLE), 'Findings', 'Namespaces', 'Matrix', 'Connections']);
    expect(md.items.filter((i) => i.startsWith('NP00'))).toEqual([
      `NP001 on Deployment shop/web: ${visibleText(REASON)}`,
      `NP002 on Deployment shop/web: ${visibleText(REASON)}`,
    ]);
    expectTerminalSafe(r.stdout.replace(/\n/g, ''));
  });

  test.each(['mermaid', 'dot', 'html', 'json'])('--format %s: no raw control or bidi character from the title', async (format) => {
    const r = await runCli(['report', hostileDir, '--format', format, '--title', TITLE]);
    expect(r.code).toBe(0);
    expectTerminalSafe(r.stdout.replace(/\n/g, ''));
    if (format === 'html') expect(r.stdout).toContain('<h1>Reachability ok\\n```\\n\\n**No changes in connectivity.**\\n\\n&lt;!--\\x1b[2J\\x1b]8;;http://evil\\x07\\u202eexe</h1>');
    if (format === 'dot') expect(r.stdout).toContain('label="Reachability ok\\\\n```\\\\n\\\\n**No changes in connectivity.**\\\\n\\\\n<!--\\\\x1b[2J\\\\x1b]8;;http://evil\\\\x07\\\\u202eexe";');
  });

  test('-o with a hostile file name: "wrote" names it escaped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-out-'));
    const out = path.join(dir, 'r\u001b[2J\u202e\n.md');
    const r = await runCli(['report', benignDir, '-o', out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.stderr).toBe(`cdk8s-netpol: wrote ${dir}/r\\x1b[2J\\u202e\\n.md\n`);
  });
});

describe('check', () => {
  test('a hostile --port or --protocol is quoted and escaped in the error', async () => {
    const port = await runCli(['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/backend', '--port', 'x\u001b[2J\u202e\ny']);
    expect(port.code).toBe(2);
    expect(port.stderr).toBe('cdk8s-netpol: --port "x\\u001b[2J\\u202e\\ny": expected a port number 1-65535 or a container port name (e.g. http)\n');
    const protocol = await runCli(['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '80', '--protocol', 'T\u001b[2J\u0085']);
    expect(protocol.stderr).toBe('cdk8s-netpol: --protocol "T\\u001b[2J\\u0085": expected TCP, UDP or SCTP\n');
  });

  test('the verdict is written from the explanation\'s fields, word for word as the engine says it', async () => {
    const inventory = new Inventory();
    for (const doc of readInputs([SHOP])) inventory.addManifest(doc.object);
    const analysis = new Analysis(inventory, { ipBlockMatchesPods: false });
    for (const [from, to, port] of [['shop/frontend', 'shop/backend', 8080], ['shop/frontend', 'shop/db', 5432], ['8.8.8.8', 'shop/frontend', 80], ['shop/frontend', 'shop/frontend', 80]] as const) {
      const r = await runCli(['check', SHOP, '--from', from, '--to', to, '--port', String(port)]);
      expect(r.stdout).toBe(`${explainConnection(analysis, from, to, port).text}\n`);
    }
  });
});

describe('connlist', () => {
  test('an unknown --focus namespace is escaped in the error', async () => {
    const r = await runCli(['connlist', SHOP, '--focus', 'sh\u001b[2Jop\u202e']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-netpol: --focus sh\\x1b\[2Jop\\u202e: no workload in namespace "sh\\u001b\[2Jop\\u202e"; namespaces: /);
  });

  describe('every format, given endpoints and connections with hostile text', () => {
    const hostile = [{ from: `shop/${REASON}`, to: '10.0.0.0-10.0.0.255', connections: `TCP 80,${FILE_NAME}` }];
    const benign = [{ from: 'shop/web', to: '10.0.0.0-10.0.0.255', connections: 'TCP 80,443' }];

    test('text: one line per connection, escaped', () => {
      expect(formatConnlist(hostile, 'text')).toBe(`shop/${visibleText(REASON)} => 10.0.0.0-10.0.0.255 : TCP 80,${visibleText(FILE_NAME)}\n`);
    });

    test('md: one table row, three cells, the text literal in each', () => {
      const md = outline(formatConnlist(hostile, 'md'));
      expect(md.counts).toEqual(outline(formatConnlist(benign, 'md')).counts);
      expect(md.html).toEqual([]);
      expect(md.tables).toEqual([[['from', 'to', 'connections'], ['---', '---', '---'], [`shop/${visibleText(REASON)}`, '10.0.0.0-10.0.0.255', `TCP 80,${visibleText(FILE_NAME)}`]]]);
    });

    test('csv: one record per line, quoted where it holds a comma or a quote', () => {
      expect(formatConnlist(hostile, 'csv')).toBe(`from,to,connections\nshop/${visibleText(REASON)},10.0.0.0-10.0.0.255,"TCP 80,${visibleText(FILE_NAME)}"\n`);
      expect(formatConnlist([{ from: 'a"b', to: 'c', connections: 'd' }], 'csv')).toBe('from,to,connections\n"a""b",c,d\n');
    });

    test('json: the raw text, no raw invisible character', () => {
      const json = formatConnlist(hostile, 'json');
      expect(JSON.parse(json)).toEqual(hostile);
      expectTerminalSafe(json.replace(/\n/g, ''));
    });
  });
});
