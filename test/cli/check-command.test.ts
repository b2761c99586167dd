/** `cdk8s-netpol check` (check-command.ts). */
import * as YAML from 'yaml';
import { expectNoStackTrace, runCli, SHOP } from './run-cli';
import { REAL_DNS, shopYaml } from '../engine/cdk8s-shop';

describe('check', () => {
  const check = (...args: string[]) => runCli(['check', SHOP, ...args]);

  test('GIVEN an allowed connection THEN ALLOWED with the rules that admit it, exit 0', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ALLOWED: shop/frontend => shop/backend on TCP 8080');
    expect(lines[1]).toMatch(/^ {2}egress: +shop\/frontend is isolated for egress by .*shop\/frontend spec\.egress\[0\] admits to shop\/backend on TCP 8080$/);
    expect(lines[2]).toMatch(/^ {2}ingress: +shop\/backend is isolated for ingress by .*shop\/backend spec\.ingress\[0\] admits from shop\/frontend on TCP 8080$/);
  });

  test('GIVEN a denied connection THEN DENIED naming the isolating policies, exit 1', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DENIED: shop\/frontend => shop\/db on TCP 5432\n/);
    expect(r.stdout).toMatch(/shop\/db is isolated for ingress by shop\/default-deny and shop\/db; no rule admits shop\/frontend on TCP 5432/);
  });

  test('the protocol matters, and is case-insensitive on the command line', async () => {
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'UDP')).code).toBe(0);
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'udp')).code).toBe(0);
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '54', '--protocol', 'udp')).code).toBe(1);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080', '--protocol', 'SCTP')).code).toBe(1);
  });

  test('an address outside the cluster, and a named port of the destination', async () => {
    const r = await check('--from', '8.8.8.8', '--to', 'shop/frontend', '--port', 'http');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('ALLOWED: 8.8.8.8 => shop/frontend on TCP 80 (http is TCP 80 on shop/frontend)');
    // 10.0.0.0/8 is in the except list
    expect((await check('--from', '10.1.2.3', '--to', 'shop/frontend', '--port', '80')).code).toBe(1);
    // egress to the internet is not allowed from the backend
    expect((await check('--from', 'shop/backend', '--to', '169.254.169.254', '--port', '80')).code).toBe(1);
  });

  test('short options and --opt=value forms', async () => {
    expect((await runCli(['check', '--from', 'shop/frontend', '-t', 'shop/backend', '-p', '8080', SHOP])).code).toBe(0);
    const json = await runCli(['check', '--from', 'shop/frontend', '-t', 'shop/backend', '-p', '8080', '-f', 'json', SHOP]);
    expect(JSON.parse(json.stdout).verdict).toBe('allowed');
    expect((await runCli(['check', SHOP, '--from=shop/frontend', '--to=shop/backend', '--port=8080'])).code).toBe(0);
  });

  test('-f is --format, as on every command: -f with an endpoint is a usage error naming --from, never a misreading', async () => {
    const r = await runCli(['check', SHOP, '-f', 'shop/web', '--to', 'shop/backend', '--port', '8080']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cdk8s-netpol: -f is --format; use --from for the source ("shop/web" is not one of text, json (txt is an alias of text))\n' +
      'Run "cdk8s-netpol check --help" for usage.\n');
    expect((await runCli(['check', SHOP, '-fshop/web', '--to', 'shop/backend', '--port', '8080'])).stderr).toMatch(/^cdk8s-netpol: -f is --format; use --from/);
    // even with --from given too
    expect((await check('--from', 'shop/frontend', '-f', 'shop/frontend', '--to', 'shop/backend', '--port', '8080')).stderr).toMatch(/^cdk8s-netpol: -f is --format; use --from/);
    // the long name is not a misreading: the plain choice error
    expect((await check('--format', 'shop/web', '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080')).stderr)
      .toMatch(/^cdk8s-netpol: option --format: "shop\/web" is not one of text, json/);
  });

  test('--format text (or txt) is the plain verdict', async () => {
    const plain = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080');
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080', '--format', 'text')).stdout).toBe(plain.stdout);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080', '-f', 'txt')).stdout).toBe(plain.stdout);
  });

  test('--format json gives the verdict and both sides', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ verdict: 'denied', from: 'shop/frontend', to: 'shop/db', protocol: 'TCP', port: 5432 });
    expect(json.ingress).toMatchObject({ endpoint: 'shop/db', isolated: true, allowed: false, policies: ['shop/default-deny', 'shop/db'] });
  });

  test('a rule is named by its field path in JSON as in text (spec.ingress[0], not a number)', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080', '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.ingress.allowedBy).toEqual([expect.objectContaining({ direction: 'Ingress', rule: 'spec.ingress[0]' })]);
    expect(json.ingress.text).toContain(`${json.ingress.allowedBy[0].policy} spec.ingress[0] admits`);
  });

  test('a pod to itself is not covered by NetworkPolicy: exit 3', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/frontend', '--port', '80');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^NOT COVERED: /);
  });

  test('an unknown endpoint is exit 2, naming the closest known ones', async () => {
    const r = await check('--from', 'shop/fronted', '--to', 'shop/backend', '--port', '8080');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cdk8s-netpol: .*shop\/fronted.*shop\/frontend/);
    expectNoStackTrace(r.stderr);
  });

  test('bad --port and --protocol values are exit 2 with what is expected', async () => {
    const port0 = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '0');
    expect(port0.code).toBe(2);
    expect(port0.stderr).toMatch(/--port 0: expected a port number 1-65535/);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '70000')).code).toBe(2);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', 'Bad Port')).stderr).toMatch(/expected a port number/);
    const proto = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '80', '--protocol', 'ICMP');
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/--protocol "ICMP": expected TCP, UDP or SCTP/);
  });

  test('a port name the destination does not declare is exit 2, listing its named ports', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', 'http');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port http: shop\/backend declares no container port named "http"; its named ports: api \(TCP 8080\)/);
    expect(r.stderr).toMatch(/api \(TCP 8080\)/);
    const ext = await check('--from', 'shop/frontend', '--to', '1.1.1.1', '--port', 'http');
    expect(ext.stderr).toMatch(/outside the cluster: give a number/);
  });

  test('usage errors: missing options, missing PATHS, unknown option, missing value', async () => {
    const missing = await runCli(['check', SHOP, '--from', 'shop/frontend']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('cdk8s-netpol: missing required options: --to B, --port N\nRun "cdk8s-netpol check --help" for usage.\n');
    const noPaths = await runCli(['check', '--from', 'a/b', '--to', 'c/d', '--port', '80']);
    expect(noPaths.code).toBe(2);
    expect(noPaths.stderr).toMatch(/missing PATHS/);
    const unknown = await runCli(['check', SHOP, '--form', 'shop/frontend']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --form \(did you mean --from\?\)/);
    const noValue = await runCli(['check', SHOP, '--to', 'a/b', '--port', '80', '--from']);
    expect(noValue.stderr).toMatch(/option --from needs a value \(A\)/);
  });
});

describe('check on cdk8s output: the cluster DNS assumed (--assume-dns)', () => {
  const input = shopYaml();
  const dnsQuery = ['--from', 'shop/web', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'UDP'];

  test('--to kube-system/coredns: ALLOWED, and the stand-in is named as assumed', async () => {
    const r = await runCli(['check', '-', ...dnsQuery], { stdin: input });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ALLOWED: shop/web => kube-system/coredns (assumed) on UDP 53');
    expect(lines[1]).toMatch(/^ {2}egress: +shop\/web is isolated for egress by .*shop\/default-deny spec\.egress\[0\] admits to kube-system\/coredns \(assumed\) on UDP 53$/);
  });

  test('the DNS Service\'s name (kube-dns) names it too; other ports are denied', async () => {
    expect((await runCli(['check', '-', '--from', 'shop/web', '--to', 'kube-dns', '--port', '53', '--protocol', 'TCP'], { stdin: input })).code).toBe(0);
    const denied = await runCli(['check', '-', '--from', 'shop/web', '--to', 'kube-dns', '--port', '80'], { stdin: input });
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(/^DENIED: shop\/web => kube-system\/coredns \(assumed\) on TCP 80\n/);
  });

  test('--format json marks the stand-in: its name, and `assumed` with the reason', async () => {
    const r = await runCli(['check', '-', ...dnsQuery, '-f', 'json'], { stdin: input });
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('allowed');
    expect(json.to).toBe('kube-system/coredns (assumed)');
    expect(json.assumed).toEqual([{
      endpoint: 'kube-system/coredns (assumed)',
      reason: 'the cluster DNS (kube-dns / CoreDNS), which the input does not define: kube-system pods labelled k8s-app=kube-dns, on UDP and TCP 53',
    }]);
  });

  test('--assume-dns none: the DNS pods are unknown (exit 2)', async () => {
    const r = await runCli(['check', '-', ...dnsQuery, '--assume-dns', 'none'], { stdin: input });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: Unknown endpoint "kube-system/coredns": expected "namespace/name" of a workload or pod, or an IP address outside the cluster. ' +
      'Closest known endpoints: shop/web, shop/api.\n');
  });

  test('--assume-dns openshift: openshift-dns/dns-default (assumed), which this default-deny (kube-dns) does not reach', async () => {
    const r = await runCli(['check', '-', '--from', 'shop/web', '--to', 'openshift-dns/dns-default', '--port', '5353', '--protocol', 'UDP', '--assume-dns', 'openshift'], { stdin: input });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DENIED: shop\/web => openshift-dns\/dns-default \(assumed\) on UDP 5353\n/);
    const unknown = await runCli(['check', '-', '--from', 'shop/web', '--to', 'coredns', '--port', '53', '--assume-dns', 'nodelocal'], { stdin: input });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--assume-dns/);
  });

  test('a real DNS pod in the input wins: the same verdict and text as without the option, no "assumed" anywhere', async () => {
    const withDns = `${input}---\n${YAML.stringify(REAL_DNS)}`;
    const on = await runCli(['check', '-', ...dnsQuery, '-f', 'json'], { stdin: withDns });
    const off = await runCli(['check', '-', ...dnsQuery, '-f', 'json', '--assume-dns', 'none'], { stdin: withDns });
    expect(on.code).toBe(0);
    expect(on.stdout).toBe(off.stdout);
    expect(on.stdout).not.toContain('assumed');
    expect(JSON.parse(on.stdout).to).toBe('kube-system/coredns');
  });

  test('the shop fixture defines CoreDNS: its verdicts do not change', async () => {
    const args = ['check', SHOP, '--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'UDP', '-f', 'json'];
    const on = await runCli(args);
    expect(on.stdout).toBe((await runCli([...args, '--assume-dns', 'none'])).stdout);
    expect(on.stdout).not.toContain('assumed');
  });
});
