import { ianaServiceNameError, NetworkPolicyPortJson, portNumberError } from '../k8s';
import { quote } from '../text';
import { Protocol } from './protocol';

const PROTOCOLS: readonly string[] = Object.values(Protocol);

function checkProtocol(protocol: Protocol, where: string): Protocol {
  if (!PROTOCOLS.includes(protocol)) {
    const upper = typeof protocol === 'string' ? (protocol as string).toUpperCase() : undefined;
    const hint = upper && PROTOCOLS.includes(upper) ? `. Did you mean Protocol.${upper}?` : '';
    throw new Error(`Invalid protocol ${quote(protocol)} in ${where}: must be one of "TCP", "UDP", "SCTP" (case-sensitive)${hint}`);
  }
  return protocol;
}

function checkNumber(port: number, what: string): number {
  const err = portNumberError(port);
  if (err) {
    const hint = typeof port === 'string' && /^[0-9]+$/.test(port) ? `. Did you mean the number ${Number(port)}?` : '';
    throw new Error(`Invalid ${what} ${quote(port)}: ${err}${hint}`);
  }
  return port;
}

/**
 * A port (or range of ports, or every port) of one protocol, as matched by a NetworkPolicy rule.
 *
 * Create one with the static factories, e.g. `Port.tcp(8080)`, `Port.udpRange(5000, 5100)`,
 * `Port.named('metrics')`, `Port.allUdp()`, or use a constant such as `Port.HTTPS`.
 * Every value is checked when the port is created.
 */
export class Port {
  /** TCP 80. */
  public static readonly HTTP = Port.tcp(80);
  /** TCP 443. */
  public static readonly HTTPS = Port.tcp(443);
  /** UDP 53: DNS queries. */
  public static readonly DNS_UDP = Port.udp(53);
  /** TCP 53: DNS answers too large for UDP, zone transfers. */
  public static readonly DNS_TCP = Port.tcp(53);
  /** TCP 3306: MySQL / MariaDB. */
  public static readonly MYSQL = Port.tcp(3306);
  /** TCP 5432: PostgreSQL. */
  public static readonly POSTGRES = Port.tcp(5432);
  /** TCP 6379: Redis. */
  public static readonly REDIS = Port.tcp(6379);

  /** One TCP port, 1..65535. */
  public static tcp(port: number): Port {
    return Port.single(Protocol.TCP, port);
  }

  /** One UDP port, 1..65535. */
  public static udp(port: number): Port {
    return Port.single(Protocol.UDP, port);
  }

  /** One SCTP port, 1..65535. */
  public static sctp(port: number): Port {
    return Port.single(Protocol.SCTP, port);
  }

  /** An inclusive range of TCP ports, e.g. `Port.tcpRange(8000, 8080)` (rendered with `endPort`). */
  public static tcpRange(startPort: number, endPort: number): Port {
    return Port.range(Protocol.TCP, startPort, endPort);
  }

  /** An inclusive range of UDP ports (rendered with `endPort`). */
  public static udpRange(startPort: number, endPort: number): Port {
    return Port.range(Protocol.UDP, startPort, endPort);
  }

  /** An inclusive range of SCTP ports (rendered with `endPort`). */
  public static sctpRange(startPort: number, endPort: number): Port {
    return Port.range(Protocol.SCTP, startPort, endPort);
  }

  /**
   * A named port: matches the container port with this name (and protocol) declared by the
   * DESTINATION pod, whatever its number. Toward an IP block it matches nothing.
   *
   * @param name an IANA service name: at most 15 characters, `a-z`, `0-9` and `-`, at least one letter
   * @param protocol the protocol of the container port
   * @default protocol Protocol.TCP
   */
  public static named(name: string, protocol: Protocol = Protocol.TCP): Port {
    checkProtocol(protocol, `Port.named(${quote(name)})`);
    const err = ianaServiceNameError(name);
    if (err) {
      let hint = '';
      if (typeof name === 'string' && /^[0-9]+$/.test(name)) {
        hint = `. Did you mean Port.${protocol.toLowerCase()}(${Number(name)})?`;
      } else if (typeof name === 'string' && name.toLowerCase() !== name && !ianaServiceNameError(name.toLowerCase())) {
        hint = `. Did you mean "${name.toLowerCase()}"?`;
      }
      throw new Error(`Invalid port name ${quote(name)}: ${err}${hint}`);
    }
    return new Port(protocol, undefined, undefined, name);
  }

  /** Every TCP port. */
  public static allTcp(): Port {
    return new Port(Protocol.TCP);
  }

  /** Every UDP port. */
  public static allUdp(): Port {
    return new Port(Protocol.UDP);
  }

  /** Every SCTP port. */
  public static allSctp(): Port {
    return new Port(Protocol.SCTP);
  }

  private static single(protocol: Protocol, port: number): Port {
    return new Port(protocol, checkNumber(port, 'port'));
  }

  private static range(protocol: Protocol, startPort: number, endPort: number): Port {
    checkNumber(startPort, 'start port');
    checkNumber(endPort, 'end port');
    if (endPort < startPort) {
      throw new Error(`Invalid port range ${startPort}-${endPort}: the end port (${endPort}) must be greater than or equal to the start port (${startPort}). Did you mean Port.${protocol.toLowerCase()}Range(${endPort}, ${startPort})?`);
    }
    // a one-port range is just that port: one way to write it, so de-duplication sees it
    return endPort === startPort ? new Port(protocol, startPort) : new Port(protocol, startPort, endPort);
  }

  /** The protocol (always rendered: the manifest says what it means). */
  public readonly protocol: Protocol;

  /**
   * The port number, or the first port of a range.
   *
   * @default - no number: a named port, or every port of the protocol
   */
  public readonly portNumber?: number;

  /**
   * The last port of a range (inclusive).
   *
   * @default - not a range
   */
  public readonly endPort?: number;

  /**
   * The container port name, for a named port.
   *
   * @default - not a named port
   */
  public readonly portName?: string;

  private constructor(protocol: Protocol, port?: number, endPort?: number, portName?: string) {
    this.protocol = protocol;
    this.portNumber = port;
    this.endPort = endPort;
    this.portName = portName;
  }

  /**
   * Whether this entry covers every port of its protocol.
   */
  public get isAllPorts(): boolean {
    return this.portNumber === undefined && this.portName === undefined;
  }

  /**
   * A readable form, also used as the port's identity: `TCP 8080`, `TCP 8000-8080`, `UDP 53`,
   * `ALL TCP`, `TCP serve-80`.
   */
  public toString(): string {
    if (this.portName !== undefined) return `${this.protocol} ${this.portName}`;
    if (this.portNumber === undefined) return `ALL ${this.protocol}`;
    if (this.endPort !== undefined) return `${this.protocol} ${this.portNumber}-${this.endPort}`;
    return `${this.protocol} ${this.portNumber}`;
  }

  /**
   * The port in Kubernetes shape.
   *
   * @internal
   */
  public _render(): NetworkPolicyPortJson {
    if (this.portName !== undefined) return { port: this.portName, protocol: this.protocol };
    if (this.portNumber === undefined) return { protocol: this.protocol };
    if (this.endPort !== undefined) return { endPort: this.endPort, port: this.portNumber, protocol: this.protocol };
    return { port: this.portNumber, protocol: this.protocol };
  }
}
