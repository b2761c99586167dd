// expected address values are written as shifts: the clearest way to state them
/* eslint-disable no-bitwise */
import { anyCidr, cidrContains, cidrContainsIp, CidrError, exceptError, formatIp, hostCidr, parseCidr, parseCidrLenient, parseIp } from '../../src/k8s';

describe('parseIp / formatIp', () => {
  test.each([
    ['0.0.0.0', 4, 0n],
    ['10.1.2.3', 4, (10n << 24n) + (1n << 16n) + (2n << 8n) + 3n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::', 6, 0x20010db8n << 96n],
    ['fd00:ec2::254', 6, (0xfd000ec2n << 96n) + 0x254n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
    ['::ffff:1.2.3.4', 6, (0xffffn << 32n) + 0x01020304n],
  ])('%s is IPv%d %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  test.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.-1', 'a.b.c.d', '1::2::3', '12345::', ':::', '1:2:3:4:5:6:7:8:9', 'g::1'])(
    '%j is not an address', (text) => {
      expect(parseIp(text)).toBeUndefined();
    });

  test.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'], // the longest run of zeros is compressed
    ['1:0:0:2:3:0:0:4', '1::2:3:0:0:4'], // the first of two equal runs
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'], // a single zero group is not compressed
    ['FD00:A9FE:A9FE::1', 'fd00:a9fe:a9fe::1'],
    ['0.0.0.0', '0.0.0.0'],
  ])('%s is written %s (RFC 5952)', (text, canonical) => {
    const ip = parseIp(text)!;
    expect(formatIp(ip.family, ip.value)).toBe(canonical);
  });
});

describe('parseCidr (strict, as Kubernetes 1.36 validates)', () => {
  test.each([
    ['10.0.0.0/8', '10.0.0.0/8', 10n << 24n, (11n << 24n) - 1n],
    ['0.0.0.0/0', '0.0.0.0/0', 0n, 0xffffffffn],
    ['169.254.169.254/32', '169.254.169.254/32', 0xa9fea9fen, 0xa9fea9fen],
    ['::/0', '::/0', 0n, (1n << 128n) - 1n],
    ['2001:db8::/64', '2001:db8::/64', 0x20010db8n << 96n, (0x20010db8n << 96n) + (1n << 64n) - 1n],
  ])('%s', (text, canonical, first, last) => {
    const c = parseCidr(text);
    expect(c.text).toBe(canonical);
    expect(c.first).toBe(first);
    expect(c.last).toBe(last);
  });

  test.each([
    ['10.0.0.5/8', 'must not have bits set beyond the prefix length', '10.0.0.0/8'],
    ['10.0.0.1', 'not a bare IP', '10.0.0.1/32'],
    ['fd00:ec2::254', 'not a bare IP', 'fd00:ec2::254/128'],
    ['010.0.0.0/8', 'leading zeros', '10.0.0.0/8'],
    ['10.0.0.0/08', 'leading zeros', '10.0.0.0/8'],
    ['::ffff:10.0.0.0/104', 'IPv4-mapped', '10.0.0.0/8'],
    ['2001:db8::1/64', 'bits set beyond', '2001:db8::/64'],
  ])('%s is rejected (%s) with the suggestion %s', (text, reason, suggestion) => {
    let error: unknown;
    try { parseCidr(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CidrError);
    expect((error as CidrError).message).toContain(reason);
    expect((error as CidrError).suggestion).toBe(suggestion);
    expect((error as CidrError).message).toContain(`Did you mean "${suggestion}"?`);
  });

  test.each(['', 'x/8', '10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/-1', '300.0.0.0/8'])('%j is not a CIDR', (text) => {
    expect(() => parseCidr(text)).toThrow(CidrError);
  });

  test('the lenient parser keeps what older API servers accepted and says why it is not canonical', () => {
    const r = parseCidrLenient('10.0.0.5/8');
    expect(r.cidr.text).toBe('10.0.0.0/8');
    expect(r.nonCanonical).toMatch(/bits set beyond/);
    expect(parseCidrLenient('2001:DB8::/64')).toEqual({ cidr: parseCidr('2001:db8::/64') });
  });
});

describe('containment and except', () => {
  const net8 = parseCidr('10.0.0.0/8');
  test('cidrContains: inside, equal, outside, other family', () => {
    expect(cidrContains(net8, parseCidr('10.20.0.0/16'))).toBe(true);
    expect(cidrContains(net8, net8)).toBe(true);
    expect(cidrContains(net8, parseCidr('11.0.0.0/16'))).toBe(false);
    expect(cidrContains(parseCidr('10.0.0.0/16'), net8)).toBe(false);
    expect(cidrContains(anyCidr(6), net8)).toBe(false);
  });

  test('cidrContainsIp: the first and last addresses are inside, their neighbours are not', () => {
    const ip = (t: string) => parseIp(t)!;
    expect(cidrContainsIp(net8, ip('10.0.0.0'))).toBe(true);
    expect(cidrContainsIp(net8, ip('10.255.255.255'))).toBe(true);
    expect(cidrContainsIp(net8, ip('9.255.255.255'))).toBe(false);
    expect(cidrContainsIp(net8, ip('11.0.0.0'))).toBe(false);
    expect(cidrContainsIp(anyCidr(4), ip('::1'))).toBe(false);
    expect(cidrContainsIp(hostCidr(ip('fd00:ec2::254')), ip('fd00:ec2::254'))).toBe(true);
  });

  test('exceptError: a strict subset of the same family, nothing else', () => {
    expect(exceptError(net8, parseCidr('10.1.0.0/16'))).toBeUndefined();
    expect(exceptError(net8, net8)).toMatch(/strict subset.*covers all of it/);
    expect(exceptError(net8, parseCidr('11.0.0.0/16'))).toMatch(/strict subset of cidr "10.0.0.0\/8"/);
    expect(exceptError(net8, parseCidr('fd00::/8'))).toMatch(/same IP family/);
  });
});
