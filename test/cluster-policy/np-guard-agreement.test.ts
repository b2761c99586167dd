/**
 * The engine against np-guard/netpol-analyzer's AdminNetworkPolicy / BaselineAdminNetworkPolicy
 * test data (np-guard/README.md, index.json): for every `connlist` directory, an inventory of its
 * manifests, the engine's connectivity rendered in np-guard's text format, compared with the
 * expected output line for line; for every `error` directory, the engine (or the validator it
 * runs) rejects the input, at the field that makes it wrong.
 *
 * np-guard's format, as rendered here (README "How the expected connlist output reads"):
 * - workloads are `namespace/name[Kind]`; pods with a controller `ownerReference` are one
 *   workload named after the owner (np-guard merges them; every pod of a group must get the same
 *   answers, which is checked);
 * - addresses are IPv4 `first-last[External]` ranges, cut at the edges of the CIDRs of the
 *   direction (egress lines: NetworkPolicy egress ipBlocks and ANP/BANP egress `networks`;
 *   ingress lines: NetworkPolicy ingress ipBlocks) and not merged back; IPv6 is not part of the
 *   format;
 * - a workload to itself and address to address are never listed; lines are sorted.
 *
 * Where index.json marks an expected output as knowingly not what a cluster enforces, the test
 * asserts the engine's own answer and the reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Analysis, ConnSet, ExternalEndpoint, externalRange, Inventory, PodEndpoint } from '../../src/engine';
import { Cidr, formatIp, maxAddress, parseCidrLenient } from '../../src/k8s';

const ROOT = path.join(__dirname, 'np-guard');
const TESTS = path.join(ROOT, 'tests');

interface Entry {
  readonly dir: string;
  readonly expected: 'connlist' | 'error' | 'exposure' | 'explain' | 'none';
  readonly output?: string;
  readonly errorContains?: string;
  readonly warningsContain?: string[];
  readonly marks?: string[];
}

const index: { directories: Entry[] } = JSON.parse(fs.readFileSync(path.join(ROOT, 'index.json'), 'utf8'));

/** Every object of a directory's manifests, in file order, Lists flattened. */
function objectsOf(dir: string): any[] {
  const files = fs.readdirSync(path.join(TESTS, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  return files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(TESTS, dir, f), 'utf8'))
    .map((d) => d.toJS())
    .filter((v) => v && typeof v === 'object')
    .flatMap((v: any) => (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items) ? v.items : [v])));
}

const CLUSTER_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'];

/** What the API server refuses in an object np-guard reads anyway, and how np-guard reads it. */
interface Reading {
  /** `AdminNetworkPolicy x` */
  readonly object: string;
  /** the error the API server reports: field path and the start of the message */
  readonly error: string;
}

/**
 * np-guard's reading of objects the API server refuses, written out as valid objects:
 * - `pods` peers and subjects without `podSelector` or `namespaceSelector`: np-guard (Go)
 *   decodes a missing selector as `{}` (every pod, every namespace). The v1alpha1 CRDs require
 *   both (`NamespacedPod`: `required: [namespaceSelector, podSelector]`).
 * - an egress rule with a `namedPort` and `networks`/`nodes` peers: np-guard skips the named port
 *   toward addresses (its warning "named port is not defined for IP addresses; skipped") and
 *   keeps it toward pods. The CRD refuses the rule (CEL rule of the experimental channel; the
 *   standard channel has no `namedPort` at all). Written out as two rules with the same action:
 *   the pod peers with every port, then the address peers without the named ports (none, when
 *   only named ports are left: a rule without ports would match every port).
 */
function npGuardReading(objects: readonly any[]): { objects: any[]; readings: Reading[] } {
  const readings: Reading[] = [];
  const out = objects.map((o) => {
    if (!CLUSTER_KINDS.includes(o?.kind) || !o.spec) return o;
    const copy = JSON.parse(JSON.stringify(o));
    const object = `${o.kind} ${o.metadata?.name}`;
    const fill = (pods: any, field: string) => {
      if (!pods || typeof pods !== 'object') return;
      for (const selector of ['namespaceSelector', 'podSelector']) {
        if (pods[selector] !== undefined) continue;
        pods[selector] = {};
        readings.push({ object, error: `${field}.${selector}: Required value` });
      }
    };
    fill(copy.spec.subject?.pods, 'spec.subject.pods');
    for (const direction of ['ingress', 'egress']) {
      (copy.spec[direction] ?? []).forEach((rule: any, i: number) => {
        ((direction === 'ingress' ? rule?.from : rule?.to) ?? []).forEach((peer: any, j: number) => {
          fill(peer?.pods, `spec.${direction}[${i}].${direction === 'ingress' ? 'from' : 'to'}[${j}].pods`);
        });
      });
    }
    const egress: any[] = [];
    (copy.spec.egress ?? []).forEach((rule: any, i: number) => {
      const addressPeer = (peer: any) => peer?.networks !== undefined || peer?.nodes !== undefined;
      const ports: any[] = rule?.ports ?? [];
      if (!ports.some((p) => p?.namedPort !== undefined) || !(rule.to ?? []).some(addressPeer)) {
        egress.push(rule);
        return;
      }
      readings.push({ object, error: `spec.egress[${i}]: Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts` });
      const podPeers = rule.to.filter((peer: any) => !addressPeer(peer));
      const numbered = ports.filter((p) => p?.namedPort === undefined);
      if (podPeers.length > 0) egress.push({ ...rule, to: podPeers });
      if (numbered.length > 0) egress.push({ ...rule, to: rule.to.filter(addressPeer), ports: numbered });
    });
    if (copy.spec.egress) copy.spec.egress = egress;
    return copy;
  });
  return { objects: out, readings };
}

/** The inventory of some objects, and what it refused (one message per refused object). */
function inventoryOfObjects(objects: readonly any[]): { inventory: Inventory; refused: string[] } {
  const inventory = new Inventory();
  const refused: string[] = [];
  for (const o of objects) {
    try {
      inventory.addManifest(o);
    } catch (e) {
      refused.push((e as Error).message);
    }
  }
  return { inventory, refused };
}

/** The inventory of a directory, and what it refused (one message per refused object). */
function inventoryOf(dir: string): { inventory: Inventory; objects: any[]; refused: string[] } {
  const inventory = new Inventory();
  const objects = objectsOf(dir);
  const refused: string[] = [];
  for (const o of objects) {
    try {
      inventory.addManifest(o);
    } catch (e) {
      refused.push((e as Error).message);
    }
  }
  return { inventory, objects, refused };
}

/** IPv4 CIDRs of one direction, as np-guard cuts the address space with them. */
function directionCidrs(objects: readonly any[], direction: 'ingress' | 'egress'): Cidr[] {
  const out: Cidr[] = [];
  const add = (text: unknown) => {
    const cidr = parseCidrLenient(String(text)).cidr;
    if (cidr.family === 4) out.push(cidr);
  };
  for (const o of objects) {
    const rules: any[] = o?.spec?.[direction] ?? [];
    for (const rule of rules) {
      if (o.kind === 'NetworkPolicy') {
        for (const peer of (direction === 'ingress' ? rule?.from : rule?.to) ?? []) {
          if (!peer?.ipBlock) continue;
          add(peer.ipBlock.cidr);
          for (const e of peer.ipBlock.except ?? []) add(e);
        }
      } else if (direction === 'egress' && (o.kind === 'AdminNetworkPolicy' || o.kind === 'BaselineAdminNetworkPolicy')) {
        for (const peer of rule?.to ?? []) for (const n of peer?.networks ?? []) add(n);
      }
    }
  }
  return out;
}

/** The IPv4 space cut at every CIDR edge, pieces in address order, none merged. */
function cutIpv4(cidrs: readonly Cidr[]): ExternalEndpoint[] {
  const max = maxAddress(4);
  const cuts = new Set<bigint>([0n]);
  for (const c of cidrs) {
    cuts.add(c.first);
    if (c.last < max) cuts.add(c.last + 1n);
  }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((first, i) => externalRange(4, first, i + 1 < starts.length ? starts[i + 1] - 1n : max));
}

/** np-guard's name of a workload: the owner's name for pods with a controller owner. */
function workloadName(pod: PodEndpoint): string {
  const owner = (pod.raw?.metadata?.ownerReferences ?? []).find((r: any) => r?.controller === true);
  return `${pod.namespace}/${owner?.name ?? pod.name}[${pod.workloadKind}]`;
}

const rangeName = (r: ExternalEndpoint) => `${formatIp(4, r.first)}-${formatIp(4, r.last)}[External]`;

interface Rendering {
  readonly lines: string[];
  /** pods merged into one workload that get different answers (np-guard would refuse them) */
  readonly ownerGaps: string[];
}

/** The engine's connectivity, in np-guard's connlist text format. */
function render(analysis: Analysis, objects: readonly any[]): Rendering {
  const groups = new Map<string, PodEndpoint[]>();
  for (const pod of analysis.pods) {
    if (pod.hostNetwork) continue;
    const name = workloadName(pod);
    groups.set(name, [...(groups.get(name) ?? []), pod]);
  }
  const lines: string[] = [];
  const ownerGaps: string[] = [];
  /** one answer for a group pair: every member pair must agree */
  const answer = (what: string, list: ConnSet[]): ConnSet => {
    const texts = new Set(list.map(String));
    if (texts.size > 1) ownerGaps.push(`${what}: ${[...texts].join(' | ')}`);
    return list[0];
  };
  const add = (from: string, to: string, conns: ConnSet) => {
    if (!conns.isEmpty) lines.push(`${from} => ${to} : ${conns}`);
  };
  const egressPieces = cutIpv4(directionCidrs(objects, 'egress'));
  const ingressPieces = cutIpv4(directionCidrs(objects, 'ingress'));
  for (const [a, as] of groups) {
    for (const [b, bs] of groups) {
      if (a === b) continue;
      add(a, b, answer(`${a} => ${b}`, as.flatMap((x) => bs.map((y) => analysis.connections(x, y)))));
    }
    for (const r of egressPieces) add(a, rangeName(r), answer(`${a} => ${rangeName(r)}`, as.map((x) => analysis.connections(x, r))));
    for (const r of ingressPieces) add(rangeName(r), a, answer(`${rangeName(r)} => ${a}`, as.map((x) => analysis.connections(r, x))));
  }
  return { lines: lines.sort(), ownerGaps };
}

function expectedLines(entry: Entry): string[] {
  return fs.readFileSync(path.join(ROOT, entry.output!), 'utf8').split('\n').filter((l) => l !== '');
}

/** connlist directories whose objects the API server refuses as written, and why (see `npGuardReading`) */
const EGRESS_POD_SELECTOR = 'spec.egress[].to[].pods.podSelector: Required value';
const INGRESS_POD_SELECTOR = 'spec.ingress[].from[].pods.podSelector: Required value';
const SUBJECT_NS_SELECTOR = 'spec.subject.pods.namespaceSelector: Required value';
const REFUSED_AS_WRITTEN: Record<string, string[]> = {
  anp_demo: [INGRESS_POD_SELECTOR, EGRESS_POD_SELECTOR],
  anp_test_10: [EGRESS_POD_SELECTOR],
  anp_test_10_swapping_rules: [EGRESS_POD_SELECTOR],
  anp_test_11: [EGRESS_POD_SELECTOR],
  anp_test_11_swapping_rules: [EGRESS_POD_SELECTOR],
  anp_test_12: [EGRESS_POD_SELECTOR],
  anp_test_12_swapping_rules: [EGRESS_POD_SELECTOR],
  anp_test_3_pass_traffic: [EGRESS_POD_SELECTOR],
  anp_test_8: [INGRESS_POD_SELECTOR],
  anp_test_8_swapping_rules: [INGRESS_POD_SELECTOR],
  anp_test_9: [INGRESS_POD_SELECTOR, EGRESS_POD_SELECTOR],
  anp_test_9_swapping_rules: [INGRESS_POD_SELECTOR, EGRESS_POD_SELECTOR],
  anp_test_combining_test_6_and_test_10: [EGRESS_POD_SELECTOR],
  anp_test_multiple_anps: [EGRESS_POD_SELECTOR, INGRESS_POD_SELECTOR],
  anp_test_named_ports_multiple_peers: ['spec.egress[]: Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts'],
  example_pods_w_same_owner_and_labels_gap_anp_good: [SUBJECT_NS_SELECTOR, 'spec.ingress[].from[].pods.namespaceSelector: Required value'],
  example_pods_w_same_owner_and_labels_gap_banp_good: [SUBJECT_NS_SELECTOR, 'spec.egress[].to[].pods.namespaceSelector: Required value'],
};

const connlist = index.directories.filter((e) => e.expected === 'connlist');
const MULTI_NETWORK = ['user-defined-network', 'virtual-machine'];
const plain = connlist.filter((e) => !(e.marks ?? []).some((m) => MULTI_NETWORK.includes(m)));

describe('np-guard connlist directories: the engine agrees line for line', () => {
  test('the data: 56 connlist directories, 54 of them on the pod network alone', () => {
    expect(connlist).toHaveLength(56);
    expect(plain).toHaveLength(54);
  });

  test.each(plain.map((e) => [e.dir, e] as const))('%s', (_dir, entry) => {
    const written = objectsOf(entry.dir);
    const { objects, readings } = npGuardReading(written);
    // what the API server refuses (and np-guard reads anyway) is refused, at that field
    const refusedAsWritten = inventoryOfObjects(written).refused;
    for (const r of readings) {
      expect(refusedAsWritten.find((m) => m.startsWith(`${r.object} is invalid: `))).toContain(r.error);
    }
    expect(refusedAsWritten).toHaveLength(new Set(readings.map((r) => r.object)).size);
    const { inventory, refused } = inventoryOfObjects(objects);
    expect(refused).toEqual([]);
    const analysis = new Analysis(inventory);
    const { lines, ownerGaps } = render(analysis, objects);
    expect(ownerGaps).toEqual([]);
    expect(lines).toEqual(expectedLines(entry));
  });

  test('17 of them hold objects the API server refuses as written (np-guard reads them anyway)', () => {
    const refused = plain.map((e) => [e.dir, [...new Set(npGuardReading(objectsOf(e.dir)).readings.map((r) => r.error.replace(/\[\d+\]/g, '[]')))]] as const)
      .filter(([, errors]) => errors.length > 0);
    expect(Object.fromEntries(refused)).toEqual(REFUSED_AS_WRITTEN);
  });
});


describe('np-guard connlist directories marked as not what a cluster enforces: the engine\'s answer and the reason', () => {
  const analysisOf = (dir: string, extra: any[] = []) => {
    const { objects } = npGuardReading([...objectsOf(dir), ...extra]);
    const { inventory, refused } = inventoryOfObjects(objects);
    expect(refused).toEqual([]);
    return { analysis: new Analysis(inventory), objects };
  };
  const node = (name: string, labels: Record<string, string>, address: string) =>
    ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, status: { addresses: [{ type: 'InternalIP', address }, { type: 'Hostname', address: name }] } });

  test('the marks: nodes-peer-ignored (2), ipv6-networks-ignored (2), user-defined-network (2), virtual-machine (1), owner-merged-pods (3)', () => {
    const marked = (m: string) => index.directories.filter((e) => (e.marks ?? []).includes(m)).map((e) => e.dir);
    expect(marked('nodes-peer-ignored')).toEqual(['anp_and_banp_using_networks_and_nodes_test', 'anp_banp_test_multiple_warnings']);
    expect(marked('ipv6-networks-ignored')).toEqual(['anp_and_banp_using_networks_with_ipv6_test', 'anp_banp_test_multiple_warnings']);
    expect(marked('user-defined-network')).toEqual(['udn_and_vms_test_3', 'udn_test_3']);
    expect(marked('virtual-machine')).toEqual(['udn_and_vms_test_3']);
    expect(marked('owner-merged-pods')).toEqual([
      'example_pods_w_same_owner_and_labels_gap_anp_good', 'example_pods_w_same_owner_and_labels_gap_banp_good', 'example_w_err_pods_w_same_owner_and_labels_gap_anp',
    ]);
  });

  describe('nodes-peer-ignored: np-guard drops `nodes` peers; the engine matches them against the Node objects it is given', () => {
    test('anp_and_banp_using_networks_and_nodes_test: without Node objects, the answer is np-guard\'s, and every address the nodes rules may concern says so', () => {
      const { analysis } = analysisOf('anp_and_banp_using_networks_and_nodes_test');
      const caveats = analysis.caveats('ns1/pod1', '1.2.3.4');
      // the three rules have `nodes` peers, and none matches 1.2.3.4 otherwise: each is consulted, on every port
      expect(caveats.map((c) => [c.kind, c.rule?.name, String(c.conns)])).toEqual([
        ['node-unknown', 'allow-egress', 'All Connections'],
        ['node-unknown', 'deny-egress', 'All Connections'],
        ['node-unknown', 'pass-egress', 'All Connections'],
      ]);
      expect(caveats[0].text).toBe('AdminNetworkPolicy egress-peer-1 spec.egress[0] "allow-egress" (Allow) is read as not matching on All Connections, ' +
        'but its `nodes` peer may match the address, whose node the input does not describe');
    });

    test('anp_and_banp_using_networks_and_nodes_test: with an infra node, what the cluster enforces: ns1 (the subject) may not reach it, np-guard says it may', () => {
      const { analysis } = analysisOf('anp_and_banp_using_networks_and_nodes_test', [node('infra-1', { 'worker-group': 'infra' }, '10.9.9.9')]);
      // np-guard: ns1/pod1 => 0.0.0.0-104.154.164.159 : All Connections (10.9.9.9 included)
      expect(String(analysis.connections('ns1/pod1', '10.9.9.9'))).toBe('No Connections');
      expect(String(analysis.connections('ns1/pod1', '10.9.9.8'))).toBe('All Connections');
      expect(String(analysis.connections('ns2/pod1', '10.9.9.9'))).toBe('All Connections'); // ns2 is no subject
      expect(analysis.caveats('ns1/pod1', '10.9.9.8')).toEqual([]); // every node is known now
      expect(analysis.externalRangeEndpoints().map((r) => r.id)).toContain('10.9.9.9-10.9.9.9');
    });

    test('anp_banp_test_multiple_warnings: with an infra node, the ANP allows gryffindor to reach it before the BANP would deny it', () => {
      const without = analysisOf('anp_banp_test_multiple_warnings').analysis;
      const gryffindor = 'network-policy-conformance-gryffindor/harry-potter';
      // np-guard: harry-potter => 10.0.0.0-10.255.255.255 only: the BANP denies the rest of 0.0.0.0/0
      expect(String(without.connections(gryffindor, '192.0.2.1'))).toBe('No Connections');
      const { analysis } = analysisOf('anp_banp_test_multiple_warnings', [node('infra-1', { 'worker-group': 'infra' }, '192.0.2.1')]);
      expect(String(analysis.connections(gryffindor, '192.0.2.1'))).toBe('All Connections');
      expect(analysis.sideTrace(gryffindor, '192.0.2.1', 'Egress').decisions.map((d) => [d.tier, d.outcome, d.rule?.name])).toEqual([
        ['Admin', 'allowed', 'allow-egress-to-slytherin'],
      ]);
    });
  });

  describe('ipv6-networks-ignored: np-guard drops IPv6 CIDRs and writes IPv4 only; the engine answers for IPv6 too', () => {
    test('anp_and_banp_using_networks_with_ipv6_test: the ANP denies UDP 53 to ff06::/3 (read as e000::/3, fd00::/8 inside) and allows fd00::/8', () => {
      const { analysis } = analysisOf('anp_and_banp_using_networks_with_ipv6_test');
      const v6 = analysis.connectivity().filter((c) => c.from.id === 'ns1/pod1' && c.to.kind === 'external' && c.to.family === 6);
      expect(v6.map((c) => `${c.to.id} : ${c.conns}`)).toEqual([
        '::-dfff:ffff:ffff:ffff:ffff:ffff:ffff:ffff : All Connections',
        'e000::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535',
      ]);
      expect(analysis.sideTrace('ns1/pod1', 'fd00::1', 'Egress').decisions.map((d) => [d.tier, d.outcome, d.rule?.name, String(d.conns)])).toEqual([
        ['Admin', 'denied', 'deny-egress-to-external-dns-servers', 'UDP 53'],
        ['Admin', 'allowed', 'allow-all-egress-to-intranet', 'SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535'],
      ]);
      // 2001:db8::1 is in no CIDR: the Pass rule (0.0.0.0/0) and the BANP (0.0.0.0/0) are IPv4 only
      expect(analysis.sideTrace('ns1/pod1', '2001:db8::1', 'Egress').decisions.map((d) => d.tier)).toEqual(['default']);
    });

    test('anp_banp_test_multiple_warnings: the ANP allows ff06::/3 (e000::/3), which np-guard drops', () => {
      const { analysis } = analysisOf('anp_banp_test_multiple_warnings');
      const gryffindor = 'network-policy-conformance-gryffindor/harry-potter';
      expect(String(analysis.connections(gryffindor, 'fd00::1'))).toBe('All Connections');
      expect(analysis.sideTrace(gryffindor, 'fd00::1', 'Egress').decisions.map((d) => [d.tier, d.outcome, d.rule?.name])).toEqual([
        ['Admin', 'allowed', 'allow-egress-to-slytherin'],
      ]);
      // outside e000::/3: no Admin rule, no NetworkPolicy, the BANP's fd00::/8 and 0.0.0.0/0 do not match: the default
      expect(analysis.sideTrace(gryffindor, '2001:db8::1', 'Egress').decisions.map((d) => d.tier)).toEqual(['default']);
    });
  });

  describe.each(connlist.filter((e) => (e.marks ?? []).includes('user-defined-network')).map((e) => [e.dir, e] as const))('%s', (dir, entry) => {
    // the expected output has one section per network; `green[udn]/x` is the workload `green/x`
    const sections = fs.readFileSync(path.join(ROOT, entry.output!), 'utf8').split('\n\n')
      .filter((s) => s.startsWith('Permitted connectivity analyzed in'))
      .map((s) => s.split('\n').slice(1).filter((l) => l !== '').map((l) => l.replace(/\[udn\]\//g, '/')));

    test('the engine reads neither UserDefinedNetwork nor VirtualMachine: it answers as if every pod were on the pod network', () => {
      const { objects, readings } = npGuardReading(objectsOf(dir));
      expect(readings.map((r) => r.error)).toEqual(['spec.subject.pods.namespaceSelector: Required value']);
      const { inventory, refused } = inventoryOfObjects(objects);
      expect(refused).toEqual([]);
      expect(inventory.ignoredKinds.get('UserDefinedNetwork')).toBe(1);
      const vms = objects.filter((o) => o.kind === 'VirtualMachine').length;
      expect(inventory.ignoredKinds.get('VirtualMachine')).toBe(vms === 0 ? undefined : vms);
      const udnNamespaces = new Set(objects.filter((o) => o.kind === 'Namespace' && o.metadata?.labels?.['k8s.ovn.org/primary-user-defined-network'] !== undefined)
        .map((o) => o.metadata.name));
      const { lines } = render(new Analysis(inventory), objects);
      const nsOf = (endpoint: string) => (endpoint.endsWith('[External]') ? undefined : endpoint.split('/')[0]);
      // a line between the two networks: OVN-Kubernetes isolates a primary UDN, the engine does not know it
      const crosses = (line: string) => {
        const [from, to] = line.split(' : ')[0].split(' => ').map(nsOf);
        return from !== undefined && to !== undefined && udnNamespaces.has(from) !== udnNamespaces.has(to);
      };
      expect(lines.filter((l) => !crosses(l))).toEqual(sections.flat().filter((l) => !l.includes('[VirtualMachine]')).sort());
      expect(lines.filter(crosses).length).toBeGreaterThan(0);
    });
  });
});

describe('np-guard error directories: the engine or its validator refuses them, at the field', () => {
  const errors = index.directories.filter((e) => e.expected === 'error');

  /** the error each directory is about (the first one upstream reports), as the API server words it */
  const EXPECTED: Record<string, string> = {
    anp_bad_path_test_2: 'spec.priority: Invalid value: 1001: should be less than or equal to 1000',
    anp_bad_path_test_20: 'spec.priority: Invalid value: 1001: should be less than or equal to 1000',
    anp_bad_path_test_4: 'spec.subject: Required value',
    anp_bad_path_test_5: 'spec.subject: Invalid value: ["namespaces","pods"]: a subject must set exactly one of',
    anp_bad_path_test_6: 'spec.egress[0].to: Required value: to field must be defined and contain at least one item',
    anp_bad_path_test_7: 'spec.egress[0].to[0]: Invalid value: ["pods","namespaces"]: a peer must set exactly one of',
    anp_bad_path_test_8: 'spec.egress[3].ports[0]: Invalid value: ["portNumber","namedPort"]: exactly one field must be set in an AdminNetworkPolicyPort',
    anp_bad_path_test_9: 'spec.egress[1].action: Unsupported value: "Accept": supported values: "Allow", "Deny", "Pass"',
    anp_bad_path_test_10: 'spec.egress[0].to: Required value: to field must be defined and contain at least one item',
    anp_bad_path_test_12: 'spec.egress[0].action: Required value',
    anp_bad_path_test_14: 'spec.ingress[0].from: Required value: from field must be defined and contain at least one item',
    anp_bad_path_test_15: 'spec.ingress[0].from: ',
    anp_bad_path_test_16: 'spec.ingress[0].from[0]: Invalid value: ["namespaces","pods"]: a peer must set exactly one of',
    anp_bad_path_test_17: 'spec.ingress[3].ports[0]: Invalid value: ["portNumber","portRange"]: exactly one field must be set in an AdminNetworkPolicyPort',
    anp_bad_path_test_18: 'spec.ingress[0].action: Unsupported value: "Ok"',
    anp_bad_path_test_19: 'spec.egress[0].to[0].networks[0]: Invalid value: "zc00::/8": Invalid CIDR format provided',
    anp_test_with_empty_port_range: 'spec.ingress[0].ports[0].portRange: Invalid value: "10-1": end may not be less than start',
    banp_bad_path_test_2: 'metadata.name: Invalid value: "banp-name": Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
    banp_bad_path_test_3: 'spec.subject: Required value',
    banp_bad_path_test_4: 'spec.subject: Invalid value: ["namespaces","pods"]: a subject must set exactly one of',
    banp_bad_path_test_5: 'spec.egress[0].to: ',
    banp_bad_path_test_6: 'spec.egress[0].to: Required value',
    banp_bad_path_test_7: 'spec.egress[0].to[0]: Invalid value:',
    banp_bad_path_test_8: 'action: Unsupported value: "Pass": supported values: "Allow", "Deny"',
    banp_bad_path_test_9: 'spec.egress[0].ports[0]: Invalid value: ["portNumber","namedPort"]: exactly one field must be set in an AdminNetworkPolicyPort',
    banp_bad_path_test_10: 'spec.ingress[0].from: Required value',
    banp_bad_path_test_11: 'spec.ingress[0].from: ',
    banp_bad_path_test_12: 'spec.ingress[0].from[0]: Invalid value: ["namespaces","pods"]: a peer must set exactly one of',
    banp_bad_path_test_13: 'spec.ingress[2].ports[0]: Invalid value: ["portNumber","portRange"]: exactly one field must be set in an AdminNetworkPolicyPort',
    banp_bad_path_test_14: 'spec.ingress[0].action: Unsupported value: "Pass": supported values: "Allow", "Deny"',
    banp_bad_path_test_15: 'spec.egress[0].to[0].networks[0]: Invalid value: "zc00::/8": Invalid CIDR format provided',
  };

  /** the four below: one priority twice, one name twice (ANP, BANP), pods of one owner told apart */
  const OTHERS = ['anp_bad_path_test_1', 'anp_bad_path_test_3', 'banp_bad_path_test_1', 'example_w_err_pods_w_same_owner_and_labels_gap_anp'];

  test('the data: 35 error directories, each one asserted below', () => {
    expect(errors).toHaveLength(35);
    expect([...Object.keys(EXPECTED), ...OTHERS].sort()).toEqual(errors.map((e) => e.dir).sort());
  });

  test.each(Object.entries(EXPECTED))('%s: refused by the validator', (dir, error) => {
    expect(errors.map((e) => e.dir)).toContain(dir);
    const { refused } = inventoryOf(dir);
    expect(refused.join('\n')).toContain(error);
  });

  test('anp_bad_path_test_1: two AdminNetworkPolicies of priority 50 that deny and pass the same traffic: reported, spec.priority', () => {
    const { inventory, refused } = inventoryOf('anp_bad_path_test_1');
    expect(refused).toEqual([]);
    const analysis = new Analysis(inventory);
    expect(analysis.samePriorityPairs().map((p) => p.policies.map((x) => x.id))).toEqual([['AdminNetworkPolicy priority-50-example', 'AdminNetworkPolicy same-priority']]);
    const conflicts = analysis.samePriorityConflicts();
    expect(conflicts.map((c) => [c.field, c.direction, c.from.id, c.to.id, String(c.conns)])).toEqual([
      ['spec.priority', 'Egress', 'network-policy-conformance-gryffindor/harry-potter', 'network-policy-conformance-slytherin/draco-malfoy', 'All Connections'],
      ['spec.priority', 'Ingress', 'network-policy-conformance-slytherin/draco-malfoy', 'network-policy-conformance-gryffindor/harry-potter', 'All Connections'],
    ]);
    const caveats = analysis.caveats('network-policy-conformance-gryffindor/harry-potter', 'network-policy-conformance-slytherin/draco-malfoy');
    expect(caveats.map((c) => c.kind)).toEqual(['same-priority']);
  });

  test.each([
    ['anp_bad_path_test_3', 'AdminNetworkPolicy', 'same-name'],
    ['banp_bad_path_test_1', 'BaselineAdminNetworkPolicy', 'default'],
  ])('%s: two objects of one kind and name, the later replaces the earlier (as `kubectl apply` does): reported', (dir, kind, name) => {
    const { inventory, refused } = inventoryOf(dir);
    expect(refused).toEqual([]);
    expect(inventory.duplicates).toEqual([{ kind, id: name }]);
    expect(inventory.clusterPolicies.filter((p) => p.kind === kind)).toHaveLength(1);
  });

  test('example_w_err_pods_w_same_owner_and_labels_gap_anp: as written, refused (v1alpha1 `pods` needs `namespaceSelector`); read as np-guard does, the subject tells apart two pods np-guard merges', () => {
    const { refused } = inventoryOf('example_w_err_pods_w_same_owner_and_labels_gap_anp');
    expect(refused.join('\n')).toContain('spec.subject.pods.namespaceSelector: Required value');
    const { objects } = npGuardReading(objectsOf('example_w_err_pods_w_same_owner_and_labels_gap_anp'));
    const analysis = new Analysis(inventoryOfObjects(objects).inventory);
    // pod-1 and pod-2 have one owner (np-guard's workload default/internal-security) but not one subject
    expect(analysis.selectingClusterPolicies('default/pod-1', 'Ingress').map((p) => p.id)).toEqual(['AdminNetworkPolicy new-example-with-err']);
    expect(analysis.selectingClusterPolicies('default/pod-2', 'Ingress')).toEqual([]);
    // the engine answers per pod; the ANP only passes, so here both end up with the same answers
    const { ownerGaps } = render(analysis, objects);
    expect(ownerGaps).toEqual([]);
  });
});
