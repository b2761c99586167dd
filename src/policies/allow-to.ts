import { Construct } from 'constructs';
import { declareProps, POLICY_PROPS } from './_props';
import { RuleModel } from './_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';

/**
 * Props for `AllowTo`.
 */
export interface AllowToProps extends PolicyProps {
  /**
   * Where the selected pods may connect to. Several peers are OR-ed. A peer from another
   * namespace with a pod selector is one peer meaning "these pods IN that namespace" (AND).
   *
   * @default - anywhere, unless peers are added with `addPeer()`
   */
  readonly to?: Peer[];

  /**
   * The ports (of the destination) they may connect to. Several ports are OR-ed.
   *
   * @default - every port of every protocol, unless ports are added with `addPort()`
   */
  readonly ports?: Port[];
}

/**
 * Allows egress from the selected pods: to these peers, on these ports.
 *
 * Like every NetworkPolicy it also isolates the selected pods for egress: once one policy
 * selects a pod for egress, only what some policy allows leaves it. That includes DNS: add an
 * `AllowDns` (or use `DefaultDeny`, which keeps DNS) so that names still resolve.
 *
 * @example
 * new AllowTo(chart, 'frontend-to-backend', {
 *   app: 'frontend',
 *   to: [Peer.app('backend')],
 *   ports: [Port.tcp(8080)],
 * });
 */
export class AllowTo extends NetworkPolicyBase {
  private readonly rules: RuleModel[];

  public constructor(scope: Construct, id: string, props: AllowToProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    this.rules = [{
      peers: this._checkPeers(props.to, 'to'),
      ports: this._checkPorts(props.ports, 'ports'),
    }];
  }

  /**
   * Adds peers to the first rule (the one built from `to` and `ports`). If that rule had no
   * peer (anywhere), it is now restricted to the peers added.
   */
  public addPeer(...peers: Peer[]): void {
    this.rules[0].peers.push(...this._checkPeers(peers, 'addPeer()', true));
  }

  /**
   * Adds ports to the first rule (the one built from `to` and `ports`). If that rule had no
   * port (every port), it is now restricted to the ports added.
   */
  public addPort(...ports: Port[]): void {
    this.rules[0].ports.push(...this._checkPorts(ports, 'addPort()', true));
  }

  /**
   * Adds another egress rule to the same policy: `to` on `ports`. Rules are OR-ed.
   *
   * @param to where the pods may connect
   * @param ports on which ports
   * @default ports - every port
   */
  public addRule(to: Peer[], ports?: Port[]): void {
    this.rules.push({ peers: this._checkPeers(to, 'addRule() to'), ports: this._checkPorts(ports, 'addRule() ports') });
  }

  /** @internal */
  public _egressRules(): RuleModel[] {
    return this.rules;
  }
}

declareProps(AllowTo, { ...POLICY_PROPS, to: 'other', ports: 'other' });
