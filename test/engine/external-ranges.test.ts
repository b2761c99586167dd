import { Analysis, Inventory, mergeRuns, splitAddressSpace } from '../../src/engine';
import { parseCidr } from '../../src/k8s';

function policyWith(cidr: string, except: string[]) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'egress', namespace: 'shop' },
    spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr, except } }] }] },
  };
}

describe('external address ranges', () => {
  test('the address space is cut at every ipBlock boundary; a one-address range is still named a-b', () => {
    // GIVEN
    const inv = new Inventory();
    inv.addManifest(policyWith('0.0.0.0/0', ['169.254.169.254/32']));
    // WHEN
    const ids = new Analysis(inv).externalRangeEndpoints().map((e) => e.id);
    // THEN
    expect(ids).toEqual(['0.0.0.0-169.254.169.253', '169.254.169.254-169.254.169.254', '169.254.169.255-255.255.255.255']);
  });

  test('pieces the same ipBlocks match are joined', () => {
    const peer = { kind: 'ipBlock' as const, cidr: parseCidr('10.0.0.0/8'), except: [] };
    const ranges = splitAddressSpace([peer as any], [4]);
    expect(ranges.map((r) => [r.first, r.last])).toEqual([[0n, 0x09ffffffn], [0x0a000000n, 0x0affffffn], [0x0b000000n, 0xffffffffn]]);
  });

  test('mergeRuns joins adjacent ranges with one result and leaves out the skipped id', () => {
    const inv = new Inventory();
    inv.addManifest(policyWith('10.0.0.0/8', ['10.1.0.0/16']));
    const ranges = new Analysis(inv).externalRangeEndpoints();
    const runs = mergeRuns(ranges, ranges.map((_, i) => (i === 0 ? 0 : 7)), 0);
    expect(runs.map((r) => [r.range.id, r.id])).toEqual([['10.0.0.0-255.255.255.255', 7]]);
  });
});
