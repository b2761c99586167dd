import { Protocol } from '../../src';
import { Port } from '../../src/vocabulary/port';
import { errorOf } from '../support/policy-helpers';

describe('Port', () => {
  test('single ports render their protocol explicitly', () => {
    expect(Port.tcp(8080)._render()).toEqual({ protocol: 'TCP', port: 8080 });
    expect(Port.udp(53).toString()).toBe('UDP 53');
    expect(Port.sctp(9).toString()).toBe('SCTP 9');
    expect(Port.tcp(8080).toString()).toBe('TCP 8080');
    expect(Port.tcp(1).portNumber).toBe(1);
    expect(Port.tcp(65535).portNumber).toBe(65535);
  });

  test('ranges use endPort, and a one-port range is that port', () => {
    const r = Port.tcpRange(8000, 8080);
    expect(r.toString()).toBe('TCP 8000-8080');
    expect(r._render()).toEqual({ protocol: 'TCP', port: 8000, endPort: 8080 });
    expect(Port.udpRange(5000, 5100).toString()).toBe('UDP 5000-5100');
    expect(Port.sctpRange(1, 2).toString()).toBe('SCTP 1-2');
    expect(Port.tcpRange(80, 80).toString()).toBe('TCP 80');
    expect(Port.tcpRange(80, 80).endPort).toBeUndefined();
  });

  test('named ports default to TCP', () => {
    expect(Port.named('serve-80').toString()).toBe('TCP serve-80');
    expect(Port.named('dns', Protocol.UDP).toString()).toBe('UDP dns');
    expect(Port.named('metrics')._render()).toEqual({ protocol: 'TCP', port: 'metrics' });
    expect(Port.named('metrics').portName).toBe('metrics');
  });

  test('every port of a protocol is a protocol-only entry', () => {
    expect(Port.allTcp().toString()).toBe('ALL TCP');
    expect(Port.allUdp()._render()).toEqual({ protocol: 'UDP' });
    expect(Port.allSctp().isAllPorts).toBe(true);
    expect(Port.tcp(80).isAllPorts).toBe(false);
  });

  test('well-known constants', () => {
    expect(Port.HTTP.toString()).toBe('TCP 80');
    expect(Port.HTTPS.toString()).toBe('TCP 443');
    expect(Port.DNS_UDP.toString()).toBe('UDP 53');
    expect(Port.DNS_TCP.toString()).toBe('TCP 53');
    expect(Port.MYSQL.toString()).toBe('TCP 3306');
    expect(Port.POSTGRES.toString()).toBe('TCP 5432');
    expect(Port.REDIS.toString()).toBe('TCP 6379');
  });

  describe('bad input', () => {
    test('port out of range', () => {
      expect(errorOf(() => Port.tcp(70000))).toBe('Invalid port 70000: must be between 1 and 65535, inclusive');
      expect(errorOf(() => Port.udp(0))).toBe('Invalid port 0: must be between 1 and 65535, inclusive');
      expect(errorOf(() => Port.tcp(-1))).toBe('Invalid port -1: must be between 1 and 65535, inclusive');
    });

    test('port not an integer', () => {
      expect(errorOf(() => Port.tcp(80.5))).toBe('Invalid port 80.5: must be an integer between 1 and 65535, inclusive');
      expect(errorOf(() => Port.tcp(NaN))).toBe('Invalid port NaN: must be an integer between 1 and 65535, inclusive');
      expect(errorOf(() => Port.tcp('80' as any))).toBe('Invalid port "80": must be an integer between 1 and 65535, inclusive. Did you mean the number 80?');
    });

    test('range upside down', () => {
      expect(errorOf(() => Port.tcpRange(8080, 8000))).toBe(
        'Invalid port range 8080-8000: the end port (8000) must be greater than or equal to the start port (8080). Did you mean Port.tcpRange(8000, 8080)?');
    });

    test('range ends out of range', () => {
      expect(errorOf(() => Port.udpRange(1000, 70000))).toBe('Invalid end port 70000: must be between 1 and 65535, inclusive');
      expect(errorOf(() => Port.tcpRange(0, 10))).toBe('Invalid start port 0: must be between 1 and 65535, inclusive');
    });

    test('invalid named ports', () => {
      expect(errorOf(() => Port.named('80'))).toBe('Invalid port name "80": must contain at least one letter (a-z). Did you mean Port.tcp(80)?');
      expect(errorOf(() => Port.named('53', Protocol.UDP))).toMatch(/Did you mean Port\.udp\(53\)\?$/);
      expect(errorOf(() => Port.named('HTTP'))).toBe(
        'Invalid port name "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-). Did you mean "http"?');
      expect(errorOf(() => Port.named('a-very-long-port-name'))).toBe('Invalid port name "a-very-long-port-name": must be no more than 15 characters');
      expect(errorOf(() => Port.named('my--port'))).toBe('Invalid port name "my--port": must not contain consecutive hyphens');
      expect(errorOf(() => Port.named('-web'))).toBe('Invalid port name "-web": must not begin or end with a hyphen');
      expect(errorOf(() => Port.named(''))).toBe('Invalid port name "": a port name must not be empty');
    });

    test('invalid protocol', () => {
      expect(errorOf(() => Port.named('web', 'tcp' as Protocol))).toBe(
        'Invalid protocol "tcp" in Port.named("web"): must be one of "TCP", "UDP", "SCTP" (case-sensitive). Did you mean Protocol.TCP?');
    });
  });
});
