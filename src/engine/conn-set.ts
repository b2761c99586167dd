/**
 * Sets of (protocol, port) pairs: per protocol, sorted, merged, inclusive port intervals in
 * 1..65535. Immutable. `toString()` is the canonical text used everywhere (CLI, reports,
 * assertions, diff): `All Connections`, `No Connections`, `SCTP 81,TCP 80,8080-8090,UDP 53`.
 */

export type ProtocolName = 'SCTP' | 'TCP' | 'UDP';

/** In canonical (alphabetical) order. */
export const PROTOCOLS: readonly ProtocolName[] = ['SCTP', 'TCP', 'UDP'];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** A closed interval of ports. */
export type PortInterval = readonly [number, number];

export class ConnSet {
  public static readonly NONE = new ConnSet({ SCTP: [], TCP: [], UDP: [] });
  public static readonly ALL = new ConnSet({ SCTP: [[MIN_PORT, MAX_PORT]], TCP: [[MIN_PORT, MAX_PORT]], UDP: [[MIN_PORT, MAX_PORT]] });

  /** Every port of one protocol. */
  public static allOf(protocol: ProtocolName): ConnSet {
    return ConnSet.range(protocol, MIN_PORT, MAX_PORT);
  }

  /** One port or an inclusive range of one protocol (clamped to 1..65535). */
  public static range(protocol: ProtocolName, start: number, end: number = start): ConnSet {
    const lo = Math.max(MIN_PORT, start);
    const hi = Math.min(MAX_PORT, end);
    if (lo > hi) return ConnSet.NONE;
    return new ConnSet({ SCTP: [], TCP: [], UDP: [], [protocol]: [[lo, hi]] });
  }

  /**
   * Parses the canonical text back (`TCP 80,8080-8090,UDP 53`, `All Connections`,
   * `No Connections`); protocols and ports may come in any order and overlap.
   */
  public static parse(text: string): ConnSet {
    const t = text.trim();
    if (t === 'All Connections') return ConnSet.ALL;
    if (t === 'No Connections' || t === '') return ConnSet.NONE;
    let current: ProtocolName | undefined;
    let result = ConnSet.NONE;
    for (const rawItem of t.split(',')) {
      let item = rawItem.trim();
      const m = /^([A-Za-z]+)\s+(.*)$/.exec(item);
      if (m) {
        const p = m[1].toUpperCase();
        if (!PROTOCOLS.includes(p as ProtocolName)) throw new Error(`Invalid connection set "${text}": unknown protocol "${m[1]}" (use TCP, UDP or SCTP)`);
        current = p as ProtocolName;
        item = m[2].trim();
      } else if (PROTOCOLS.includes(item.toUpperCase() as ProtocolName)) {
        result = result.union(ConnSet.allOf(item.toUpperCase() as ProtocolName));
        current = undefined;
        continue;
      }
      const r = /^(\d+)(?:-(\d+))?$/.exec(item);
      if (!current || !r) {
        throw new Error(`Invalid connection set "${text}": expected e.g. "TCP 80,8080-8090,UDP 53", "All Connections" or "No Connections"`);
      }
      const lo = Number(r[1]);
      const hi = r[2] === undefined ? lo : Number(r[2]);
      if (lo < MIN_PORT || hi > MAX_PORT || lo > hi) throw new Error(`Invalid connection set "${text}": port range ${item} is outside 1-65535 or reversed`);
      result = result.union(ConnSet.range(current, lo, hi));
    }
    return result;
  }

  private _text: string | undefined;

  private constructor(private readonly byProtocol: Readonly<Record<ProtocolName, readonly PortInterval[]>>) {}

  /** The merged intervals of one protocol. */
  public intervals(protocol: ProtocolName): readonly PortInterval[] {
    return this.byProtocol[protocol];
  }

  public contains(protocol: ProtocolName, port: number): boolean {
    for (const [lo, hi] of this.byProtocol[protocol]) {
      if (port < lo) return false;
      if (port <= hi) return true;
    }
    return false;
  }

  public get isEmpty(): boolean {
    return this === ConnSet.NONE || PROTOCOLS.every((p) => this.byProtocol[p].length === 0);
  }

  public get isAll(): boolean {
    return this === ConnSet.ALL || PROTOCOLS.every((p) => isFull(this.byProtocol[p]));
  }

  public union(other: ConnSet): ConnSet {
    if (other === ConnSet.NONE || this === ConnSet.ALL) return this;
    if (this === ConnSet.NONE || other === ConnSet.ALL) return other;
    const out = {} as Record<ProtocolName, readonly PortInterval[]>;
    for (const p of PROTOCOLS) out[p] = unionIntervals(this.byProtocol[p], other.byProtocol[p]);
    return new ConnSet(out);
  }

  public intersect(other: ConnSet): ConnSet {
    if (other === ConnSet.ALL || this === ConnSet.NONE) return this;
    if (this === ConnSet.ALL || other === ConnSet.NONE) return other;
    const out = {} as Record<ProtocolName, readonly PortInterval[]>;
    for (const p of PROTOCOLS) out[p] = intersectIntervals(this.byProtocol[p], other.byProtocol[p]);
    return new ConnSet(out);
  }

  /** The pairs of this set that are not in `other`. */
  public subtract(other: ConnSet): ConnSet {
    if (other === ConnSet.NONE || this === ConnSet.NONE) return this;
    if (other === ConnSet.ALL) return ConnSet.NONE;
    const out = {} as Record<ProtocolName, readonly PortInterval[]>;
    for (const p of PROTOCOLS) out[p] = subtractIntervals(this.byProtocol[p], other.byProtocol[p]);
    return new ConnSet(out);
  }

  public equals(other: ConnSet): boolean {
    return this.toString() === other.toString();
  }

  public toString(): string {
    if (this._text === undefined) this._text = this.render();
    return this._text;
  }

  private render(): string {
    if (this.isAll) return 'All Connections';
    if (this.isEmpty) return 'No Connections';
    const parts: string[] = [];
    for (const p of PROTOCOLS) {
      const ivs = this.byProtocol[p];
      if (ivs.length === 0) continue;
      parts.push(`${p} ${ivs.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',')}`);
    }
    return parts.join(',');
  }
}

function isFull(ivs: readonly PortInterval[]): boolean {
  return ivs.length === 1 && ivs[0][0] === MIN_PORT && ivs[0][1] === MAX_PORT;
}

function unionIntervals(a: readonly PortInterval[], b: readonly PortInterval[]): readonly PortInterval[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

function subtractIntervals(a: readonly PortInterval[], b: readonly PortInterval[]): readonly PortInterval[] {
  if (a.length === 0 || b.length === 0) return a;
  const out: PortInterval[] = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (lo <= hi && k < b.length && b[k][0] <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1]);
      lo = Math.max(lo, b[k][1] + 1);
      if (b[k][1] <= hi) k++; else break;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

function intersectIntervals(a: readonly PortInterval[], b: readonly PortInterval[]): readonly PortInterval[] {
  if (a.length === 0 || b.length === 0) return [];
  const out: PortInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++; else j++;
  }
  return out;
}
