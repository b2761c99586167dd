import { Construct } from 'constructs';
import { declareProps, POLICY_PROPS } from './_props';
import { RuleModel } from './_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';

/**
 * Props for `AllowFrom`.
 */
export interface AllowFromProps extends PolicyProps {
  /**
   * Who may connect to the selected pods. Several peers are OR-ed. A peer from another namespace
   * with a pod selector is one peer meaning "these pods IN that namespace" (AND), see `Peer.pods`.
   *
   * @default - anywhere, unless peers are added with `addPeer()`
   */
  readonly from?: Peer[];

  /**
   * The ports (of the selected pods) they may connect to. Several ports are OR-ed.
   *
   * @default - every port of every protocol, unless ports are added with `addPort()`
   */
  readonly ports?: Port[];
}

/**
 * Allows ingress to the selected pods: from these peers, on these ports.
 *
 * Like every NetworkPolicy it also isolates the selected pods for ingress: once one policy
 * selects a pod for ingress, only what some policy allows reaches it.
 *
 * @example
 * new AllowFrom(chart, 'backend-from-frontend', {
 *   app: 'backend',
 *   from: [Peer.app('frontend')],
 *   ports: [Port.tcp(8080)],
 * });
 */
export class AllowFrom extends NetworkPolicyBase {
  private readonly rules: RuleModel[];

  public constructor(scope: Construct, id: string, props: AllowFromProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    this.rules = [{
      peers: this._checkPeers(props.from, 'from'),
      ports: this._checkPorts(props.ports, 'ports'),
    }];
  }

  /**
   * Adds peers to the first rule (the one built from `from` and `ports`). If that rule had no
   * peer (anywhere), it is now restricted to the peers added.
   */
  public addPeer(...peers: Peer[]): void {
    this.rules[0].peers.push(...this._checkPeers(peers, 'addPeer()', true));
  }

  /**
   * Adds ports to the first rule (the one built from `from` and `ports`). If that rule had no
   * port (every port), it is now restricted to the ports added.
   */
  public addPort(...ports: Port[]): void {
    this.rules[0].ports.push(...this._checkPorts(ports, 'addPort()', true));
  }

  /**
   * Adds another ingress rule to the same policy: `from` on `ports`. Rules are OR-ed.
   *
   * @param from who may connect
   * @param ports on which ports
   * @default ports - every port
   */
  public addRule(from: Peer[], ports?: Port[]): void {
    this.rules.push({ peers: this._checkPeers(from, 'addRule() from'), ports: this._checkPorts(ports, 'addRule() ports') });
  }

  /** @internal */
  public _ingressRules(): RuleModel[] {
    return this.rules;
  }
}

declareProps(AllowFrom, { ...POLICY_PROPS, from: 'other', ports: 'other' });
