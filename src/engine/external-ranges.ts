/**
 * The address space outside the cluster, cut into the fewest ranges that every ipBlock of the
 * policies treats alike: each range is inside or outside each `cidr` and `except` as a whole, so
 * one address per range stands for all of it.
 */
import { externalRange, ExternalEndpoint } from './endpoint';
import { IpBlockPeer, ipBlockMatches } from './policy';
import { IpFamily, maxAddress } from '../k8s';

/** An address range of one family, bounds inclusive. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * Cuts each family's address space at every ipBlock boundary, then joins neighbouring pieces
 * that the same set of ipBlocks matches. Ranges come in address order, IPv4 first.
 */
export function splitAddressSpace(ipPeers: readonly IpBlockPeer[], families: readonly IpFamily[]): AddressRange[] {
  const out: AddressRange[] = [];
  for (const family of families) {
    const max = maxAddress(family);
    const cuts = new Set<bigint>([0n]);
    for (const p of ipPeers) {
      if (p.cidr.family !== family) continue;
      for (const c of [p.cidr, ...p.except]) {
        cuts.add(c.first);
        if (c.last < max) cuts.add(c.last + 1n);
      }
    }
    const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let current: { first: bigint; last: bigint; key: string } | undefined;
    starts.forEach((first, i) => {
      const last = i + 1 < starts.length ? starts[i + 1] - 1n : max;
      const ip = { family, value: first };
      const key = ipPeers.map((p, j) => (ipBlockMatches(p, ip) ? j : -1)).filter((j) => j >= 0).join(',');
      if (current && current.key === key) {
        current.last = last;
      } else {
        if (current) out.push({ family, first: current.first, last: current.last });
        current = { first, last, key };
      }
    });
    if (current) out.push({ family, first: current.first, last: current.last });
  }
  return out;
}

/**
 * Consecutive adjacent ranges with the same result id, merged into one range each; runs whose id
 * is `skipId` (no connection) are left out.
 */
export function mergeRuns(
  ranges: readonly ExternalEndpoint[], ids: readonly number[], skipId: number,
): { range: ExternalEndpoint; id: number }[] {
  const out: { range: ExternalEndpoint; id: number }[] = [];
  let run: { first: ExternalEndpoint; last: ExternalEndpoint; id: number } | undefined;
  const flush = () => {
    if (!run || run.id === skipId) return;
    const { first, last } = run;
    out.push({ range: first === last ? first : externalRange(first.family, first.first, last.last), id: run.id });
  };
  ranges.forEach((r, i) => {
    if (run && run.id === ids[i] && run.last.family === r.family && run.last.last + 1n === r.first) {
      run.last = r;
    } else {
      flush();
      run = { first: r, last: r, id: ids[i] };
    }
  });
  flush();
  return out;
}
