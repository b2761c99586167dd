/** `cdk8s-netpol connlist` (connlist-command.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { FIXTURES, runCli, SHOP } from './run-cli';
import { generateCluster } from '../../bench/cluster';
import { formatConnlist } from '../../src/cli/connlist-command';
import { Analysis, Inventory } from '../../src/engine';
import { REAL_DNS, shopYaml } from '../engine/cdk8s-shop';

const SHOP_CONNLIST = [
  'kube-system/coredns => 0.0.0.0-255.255.255.255 : All Connections',
  'shop/backend => kube-system/coredns : TCP 53,UDP 53',
  'shop/backend => shop/db : TCP 5432',
  'shop/db => kube-system/coredns : TCP 53,UDP 53',
  'shop/frontend => kube-system/coredns : TCP 53,UDP 53',
  'shop/frontend => shop/backend : TCP 8080',
  '0.0.0.0-9.255.255.255 => shop/frontend : TCP 80',
  '0.0.0.0-255.255.255.255 => kube-system/coredns : All Connections',
  '11.0.0.0-255.255.255.255 => shop/frontend : TCP 80',
];

describe('connlist', () => {
  test('GIVEN the shop THEN every allowed pair, sorted, external addresses as ranges split by the ipBlock', async () => {
    const r = await runCli(['connlist', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
  });

  test('the same manifests from stdin give the same listing', async () => {
    const text = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'].map((f) => fs.readFileSync(path.join(SHOP, f), 'utf8')).join('\n---\n');
    const r = await runCli(['connlist', '-'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
  });

  test('--format json', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(SHOP_CONNLIST.length);
    expect(json).toContainEqual({ from: 'shop/frontend', to: 'shop/backend', connections: 'TCP 8080' });
    expect(json[0]).toEqual({ from: 'kube-system/coredns', to: '0.0.0.0-255.255.255.255', connections: 'All Connections' });
  });

  test('--format md is a table', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'md']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| from | to | connections |', '| --- | --- | --- |']);
    expect(lines).toContain('| shop/backend | kube-system/coredns | TCP 53,UDP 53 |');
    expect(lines).toHaveLength(SHOP_CONNLIST.length + 2);
  });

  test('--format csv quotes fields with commas', async () => {
    const r = await runCli(['connlist', SHOP, '-f', 'csv']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('from,to,connections');
    expect(lines).toContain('shop/backend,kube-system/coredns,"TCP 53,UDP 53"');
    expect(lines).toContain('shop/frontend,shop/backend,TCP 8080');
  });

  test('--focus keeps the connections from or to an endpoint or a namespace', async () => {
    const r = await runCli(['connlist', SHOP, '--focus', 'shop/backend']);
    expect(r.stdout).toBe([
      'shop/backend => kube-system/coredns : TCP 53,UDP 53',
      'shop/backend => shop/db : TCP 5432',
      'shop/frontend => shop/backend : TCP 8080',
    ].join('\n') + '\n');
    const ns = await runCli(['connlist', SHOP, '--focus', 'kube-system', '--focus', 'shop/db']);
    expect(ns.stdout.trimEnd().split('\n')).toEqual(SHOP_CONNLIST.filter((l) => /kube-system|shop\/db/.test(l)));
    const typo = await runCli(['connlist', SHOP, '--focus', 'shop/fronted']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/shop\/frontend/);
    const badNs = await runCli(['connlist', SHOP, '--focus', 'shp']);
    expect(badNs.code).toBe(2);
    expect(badNs.stderr).toBe('cdk8s-netpol: --focus shp: no workload in namespace "shp"; namespaces: kube-system, shop\n');
  });

  test('an unknown format is a usage error listing the choices', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option --format: "yaml" is not one of text, json, md, csv \(txt is an alias of text\)\n/);
  });

  test('--format text is the plain listing, and txt (its older name) is an alias of it', async () => {
    const plain = await runCli(['connlist', SHOP]);
    expect((await runCli(['connlist', SHOP, '--format', 'text'])).stdout).toBe(plain.stdout);
    expect((await runCli(['connlist', SHOP, '--format', 'txt'])).stdout).toBe(plain.stdout);
    expect((await runCli(['connlist', SHOP, '--format=txt'])).stdout).toBe(plain.stdout);
    expect(plain.stdout).toContain('shop/frontend => shop/backend : TCP 8080\n');
  });

  test('a List, a typed JSON list and a JSON object, with a warning for a non-Kubernetes file', async () => {
    // no DNS pods in these files: --assume-dns none lists what they define, and nothing else
    const r = await runCli(['connlist', path.join(FIXTURES, 'formats'), '--assume-dns', 'none']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*not-kubernetes\.json: skipped, it holds no Kubernetes object/);
    expect(r.stdout).toBe([
      'web/client => web/nginx : TCP 80',
      'web/client => 0.0.0.0-255.255.255.255 : All Connections',
      'web/nginx => 0.0.0.0-255.255.255.255 : All Connections',
      '0.0.0.0-255.255.255.255 => web/nginx : TCP 80',
    ].join('\n') + '\n');
  });

  test('hostNetwork workloads are left out, with a note on stderr', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: ops}
spec:
  hostNetwork: true
  containers: [{name: a, image: a}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: ops}
spec:
  containers: [{name: a, image: a}]
`;
    const r = await runCli(['connlist', '-'], { stdin: yaml });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/ops\/agent/);
    expect(r.stderr).toMatch(/note: ops\/agent uses hostNetwork: NetworkPolicy does not apply to it/);
  });
});

describe('connlist streams its listing', () => {
  // a generated cluster whose listing is several chunks long (the output is written in pieces of about 64 KB)
  const cluster = generateCluster(400);
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connlist-stream-'));
    file = path.join(dir, 'cluster.yaml');
    fs.writeFileSync(file, cluster.manifests.map((m) => YAML.stringify(m)).join('---\n'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['text', 'json', 'md', 'csv'])('--format %s: byte for byte the listing of every pair, on stdout and in a file', async (format) => {
    const inventory = new Inventory();
    for (const m of cluster.manifests) inventory.addManifest(m);
    const pairwise: { from: string; to: string; connections: string }[] = [];
    new Analysis(inventory).forEachConnectionPairwise((from, to, conns) => {
      pairwise.push({ from: from.id, to: to.id, connections: conns.toString() });
    });
    const expected = formatConnlist(pairwise, format);
    expect(expected.length).toBeGreaterThan(65536);
    const r = await runCli(['connlist', file, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    const out = path.join(dir, `out.${format}`);
    const w = await runCli(['connlist', file, '--format', format, '-o', out]);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe(`cdk8s-netpol: wrote ${out}\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
  });

  test('an empty listing: [] in JSON, the header alone in md and csv, nothing in text', async () => {
    expect(formatConnlist([], 'json')).toBe('[]\n');
    expect(formatConnlist([], 'md')).toBe('| from | to | connections |\n| --- | --- | --- |\n');
    expect(formatConnlist([], 'csv')).toBe('from,to,connections\n');
    expect(formatConnlist([], 'text')).toBe('');
    const lines = [{ from: 'a/b', to: 'c/d', connections: 'TCP 80' }, { from: 'c/d', to: 'a/b', connections: 'All Connections' }];
    expect(formatConnlist(lines, 'json')).toBe(JSON.stringify(lines, undefined, 2) + '\n');
  });

  test('a file that cannot be written ends the command (exit 2) naming it', async () => {
    const r = await runCli(['connlist', SHOP, '-o', path.join(dir, 'no-such-dir', 'out.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-netpol: cannot write .*no-such-dir\/out\.txt: /);
  });
});

describe('connlist on cdk8s output: the cluster DNS assumed (--assume-dns)', () => {
  const input = shopYaml();
  const lines = async (...args: string[]) => {
    const r = await runCli(['connlist', '-', ...args], { stdin: input });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  test('the DNS the default-deny keeps is listed, toward kube-system/coredns (assumed)', async () => {
    const text = await lines();
    expect(text).toMatchSnapshot();
    expect(text).toContain('shop/web => kube-system/coredns (assumed) : TCP 53,UDP 53\n');
    expect(text).toContain('shop/api => kube-system/coredns (assumed) : TCP 53,UDP 53\n');
  });

  test('--format json, md and csv name it as assumed too', async () => {
    expect(JSON.parse(await lines('-f', 'json'))).toContainEqual({ from: 'shop/web', to: 'kube-system/coredns (assumed)', connections: 'TCP 53,UDP 53' });
    expect(await lines('-f', 'md')).toContain('| shop/web | kube-system/coredns (assumed) | TCP 53,UDP 53 |\n');
    expect(await lines('-f', 'csv')).toContain('shop/web,kube-system/coredns (assumed),"TCP 53,UDP 53"\n');
  });

  test('--assume-dns none: the listing of what the input defines, the same lines less those of the stand-in', async () => {
    const on = (await lines()).split('\n');
    const off = (await lines('--assume-dns', 'none')).split('\n');
    expect(off).toEqual(on.filter((l) => !l.includes('kube-system/coredns (assumed)')));
    expect(off.join('\n')).not.toContain('assumed');
    expect(off).toContain('shop/web => shop/api : TCP 8080');
  });

  test('--focus kube-system/coredns (or kube-dns, or the namespace) names the stand-in', async () => {
    const expected = (await lines()).split('\n').filter((l) => l.includes('kube-system/coredns (assumed)')).join('\n') + '\n';
    expect(await lines('--focus', 'kube-system/coredns')).toBe(expected);
    expect(await lines('--focus', 'kube-system')).toBe(expected);
    expect(await lines('--focus', 'kube-system/kube-dns')).toBe(expected);
  });

  test('--assume-dns openshift: openshift-dns/dns-default (assumed), which this default-deny does not reach', async () => {
    const text = await lines('--assume-dns', 'openshift');
    expect(text).toContain('openshift-dns/dns-default (assumed) => 0.0.0.0-255.255.255.255 : All Connections\n');
    expect(text).not.toContain('shop/web => openshift-dns');
  });

  test('a real DNS pod in the input wins: the listing does not change with the option', async () => {
    const withDns = `${input}---\n${YAML.stringify(REAL_DNS)}`;
    const on = await runCli(['connlist', '-'], { stdin: withDns });
    const off = await runCli(['connlist', '-', '--assume-dns', 'none'], { stdin: withDns });
    expect(on.stdout).toBe(off.stdout);
    expect(on.stdout).toContain('shop/web => kube-system/coredns : TCP 53,UDP 53\n');
    expect(on.stdout).not.toContain('assumed');
  });

  test('the shop fixture (which defines CoreDNS) lists what it listed before', async () => {
    const r = await runCli(['connlist', SHOP, '--assume-dns', 'none']);
    expect(r.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
    expect((await runCli(['connlist', SHOP])).stdout).toBe(r.stdout);
  });
});
