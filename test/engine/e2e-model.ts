/**
 * The upstream e2e model (SEMANTICS.md section 4; kubernetes `test/e2e/network/netpol/`):
 * namespaces x, y, z (labelled `ns: <name>`), pods a, b, c in each (labelled `pod: <name>`),
 * each serving TCP, UDP and SCTP on 80 and 81 with named ports `serve-80-tcp`, `serve-81-udp`...
 * Expected results are 9x9 truth tables: rows = from, columns = to, `X` allowed, `.` denied.
 */
import { Analysis, Inventory, ProtocolName } from '../../src/engine';
import { NaiveCluster, naiveIsAllowed } from '../support/naive-evaluator';

export const NAMESPACES = ['x', 'y', 'z'];
export const POD_NAMES = ['a', 'b', 'c'];
/** `x/a`, `x/b`, ... in table order */
export const ENDPOINTS = NAMESPACES.flatMap((ns) => POD_NAMES.map((p) => `${ns}/${p}`));
/** table labels: `xa` for `x/a` */
const LABELS = ENDPOINTS.map((e) => e.replace('/', ''));

export interface ModelOptions {
  readonly ipBlockMatchesPods?: boolean;
  /** pod IPs: IPv4 `10.0.<ns>.<pod>` (x=0, a=1) or IPv6 `fd00:0:0:<ns>::<pod>` */
  readonly ipFamily?: 4 | 6;
}

/** The pod's IP in the model: x/a = 10.0.0.1, y/b = 10.0.1.2 (IPv6: fd00::1, fd00:0:0:1::2). */
export function podIp(endpoint: string, family: 4 | 6 = 4): string {
  const [ns, pod] = endpoint.split('/');
  const n = NAMESPACES.indexOf(ns);
  const p = POD_NAMES.indexOf(pod) + 1;
  return family === 4 ? `10.0.${n}.${p}` : `fd00:0:0:${n}::${p}`;
}

function ports() {
  return [80, 81].flatMap((port) => (['TCP', 'UDP', 'SCTP'] as const).map((protocol) => ({
    name: `serve-${port}-${protocol.toLowerCase()}`, port, protocol,
  })));
}

export function namespacesAndPods(options: ModelOptions = {}): Pick<NaiveCluster, 'namespaces' | 'pods'> {
  return {
    namespaces: NAMESPACES.map((name) => ({ name, labels: { ns: name } })),
    pods: ENDPOINTS.map((e) => {
      const [namespace, name] = e.split('/');
      return { namespace, name, labels: { pod: name }, ports: ports(), ip: podIp(e, options.ipFamily ?? 4) };
    }),
  };
}

/** A NetworkPolicy manifest. */
export function np(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

export class E2eModel {
  public readonly analysis: Analysis;
  public readonly naive: NaiveCluster;

  public constructor(public readonly policies: any[], options: ModelOptions = {}) {
    const { namespaces, pods } = namespacesAndPods(options);
    const inventory = new Inventory();
    for (const ns of namespaces) inventory.addNamespace(ns.name, ns.labels);
    for (const pod of pods) inventory.addPod(pod);
    for (const p of policies) inventory.addPolicy(p);
    this.analysis = new Analysis(inventory, { ipBlockMatchesPods: options.ipBlockMatchesPods });
    this.naive = { namespaces, pods, policies, ipBlockMatchesPods: options.ipBlockMatchesPods };
  }

  /** The engine's table for one probe (including the diagonal: one replica to another). */
  public table(port: number, protocol: ProtocolName = 'TCP'): string {
    return render((from, to) => this.analysis.connections(from, to).contains(protocol, port));
  }

  public naiveTable(port: number, protocol: ProtocolName = 'TCP'): string {
    return render((from, to) => naiveIsAllowed(this.naive, from, to, port, protocol));
  }
}

function render(allowed: (from: string, to: string) => boolean): string {
  const lines = [`    ${LABELS.join(' ')}`];
  for (const from of ENDPOINTS) {
    lines.push(`${from.replace('/', '')}  ${ENDPOINTS.map((to) => (allowed(from, to) ? 'X ' : '. ')).join('').trimEnd()}`);
  }
  return lines.join('\n');
}

/** Normalizes a table written in a test (any spacing), checking its shape. */
export function normalizeTable(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const header = lines[0].split(/\s+/);
  if (header.join(' ') !== LABELS.join(' ')) throw new Error(`table header must be: ${LABELS.join(' ')}`);
  if (lines.length !== 10) throw new Error(`a table has 9 rows, got ${lines.length - 1}`);
  return render((from, to) => {
    const row = lines[ENDPOINTS.indexOf(from) + 1].split(/\s+/);
    if (row[0] !== from.replace('/', '') || row.length !== 10) throw new Error(`bad table row: ${row.join(' ')}`);
    const cell = row[ENDPOINTS.indexOf(to) + 1];
    if (cell !== 'X' && cell !== '.') throw new Error(`bad table cell "${cell}" in row ${row[0]}`);
    return cell === 'X';
  });
}

/**
 * Builds a table from "everything allowed except" lists, for the few scenarios where that reads
 * better: `denied` holds `from>to` pairs with `*` wildcards (`*>xa`, `xa>*`).
 */
export function allExcept(...denied: string[]): string {
  const match = (pattern: string, label: string) => pattern === '*' || pattern === label ||
    (pattern.endsWith('*') && label.startsWith(pattern.slice(0, -1)));
  return render((from, to) => !denied.some((d) => {
    const [f, t] = d.split('>');
    return match(f, from.replace('/', '')) && match(t, to.replace('/', ''));
  }));
}
