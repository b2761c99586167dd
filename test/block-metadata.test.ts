import { AllowTo, BlockMetadata, Peer } from '../src';
import { errorOf, newChart, policy, yaml } from './policy-helpers';

describe('BlockMetadata', () => {
  describe('snapshots', () => {
    test('every metadata address, IPv4 and IPv6 (the default)', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'block-metadata');
      expect(yaml(chart)).toMatchSnapshot();
    });

    test('overridden addresses, IPv4 only, for one app', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'block-metadata', { app: 'web', addresses: ['169.254.169.254', '100.100.100.200/32'] });
      expect(yaml(chart)).toMatchSnapshot();
    });
  });

  describe('semantics', () => {
    test('the default list covers SEMANTICS.md section 5', () => {
      expect(BlockMetadata.defaultAddresses().sort()).toEqual([
        '100.100.100.200', '169.254.169.254', '169.254.170.2', '169.254.170.23', '169.254.42.42',
        'fd00:42::42', 'fd00:a9fe:a9fe::1', 'fd00:ec2::23', 'fd00:ec2::254', 'fd20:ce::254',
      ]);
    });

    test('egress to every pod through a selector peer, and to every address except the metadata hosts', () => {
      const chart = newChart('shop');
      const p = new BlockMetadata(chart, 'bm');
      const spec = policy(chart, 'bm').spec;
      expect(spec.policyTypes).toEqual(['Egress']);
      expect(spec.egress).toHaveLength(1);
      const rule = spec.egress[0];
      expect(rule.ports).toBeUndefined(); // every port
      expect(rule.to).toContainEqual({ namespaceSelector: {} }); // in-cluster pods and DNS, on every plugin
      const v4 = rule.to.find((peer: any) => peer.ipBlock?.cidr === '0.0.0.0/0').ipBlock;
      const v6 = rule.to.find((peer: any) => peer.ipBlock?.cidr === '::/0').ipBlock;
      expect(v4.except).toEqual(['169.254.169.254/32', '169.254.170.2/32', '169.254.170.23/32', '169.254.42.42/32', '100.100.100.200/32']);
      expect(v6.except).toEqual(['fd00:ec2::254/128', 'fd00:ec2::23/128', 'fd20:ce::254/128', 'fd00:a9fe:a9fe::1/128', 'fd00:42::42/128']);
      expect(p.blockedCidrs).toHaveLength(10);
    });

    test('only the metadata hosts are excepted, not all of link-local (NodeLocal DNSCache stays reachable)', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'bm');
      const except: string[] = policy(chart, 'bm').spec.egress[0].to.flatMap((peer: any) => peer.ipBlock?.except ?? []);
      expect(except).not.toContain('169.254.0.0/16');
      expect(except.every((c) => c.endsWith('/32') || c.endsWith('/128'))).toBe(true);
    });

    test('policies never deny: another policy allowing the address re-opens it (documented, visible in the manifests)', () => {
      const chart = newChart('shop');
      new BlockMetadata(chart, 'bm');
      new AllowTo(chart, 'to-imds', { to: [Peer.ipv4('169.254.169.254/32')] });
      expect(policy(chart, 'to-imds').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '169.254.169.254/32' } }]);
    });
  });

  describe('bad input', () => {
    test('not an address', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['metadata.google.internal'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "metadata.google.internal": must be an IP address (e.g. "169.254.169.254") or a CIDR');
    });

    test('non-canonical CIDR', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['169.254.169.254/16'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "169.254.169.254/16": must not have bits set beyond the prefix length. Did you mean "169.254.0.0/16"?');
    });

    test('an address covering everything', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: ['0.0.0.0/0'] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses[0] "0.0.0.0/0": must be a strict subset of cidr "0.0.0.0/0" (it covers all of it)');
    });

    test('an empty list', () => {
      expect(errorOf(() => new BlockMetadata(newChart('shop'), 'bm', { addresses: [] }))).toBe(
        'test/bm (BlockMetadata): invalid addresses []: nothing to block; omit `addresses` for the default list, or use AllowTo to allow everything');
    });
  });
});
