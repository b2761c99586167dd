import { Construct } from 'constructs';
import { declareProps, POLICY_PROPS } from './_props';
import { RuleModel } from './_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { Peer } from '../vocabulary/peer';

/**
 * Props for `IsolateNamespace`.
 */
export interface IsolateNamespaceProps extends PolicyProps {
  /**
   * Peers outside the namespace that may still connect (e.g. the ingress controller's
   * namespace, a monitoring namespace).
   *
   * @default - only pods of the same namespace
   */
  readonly allowFrom?: Peer[];
}

/**
 * The pods of the namespace accept ingress only from pods of the same namespace (and from
 * `allowFrom`). Egress is not restricted. For tenants of several namespaces, enforced in the
 * Admin tier of network-policy-api, see `ClusterIsolateNamespaces`.
 *
 * @example
 * new IsolateNamespace(chart, 'isolate-namespace', { namespace: 'team-a' });
 */
export class IsolateNamespace extends NetworkPolicyBase {
  private readonly peers: Peer[];

  public constructor(scope: Construct, id: string, props: IsolateNamespaceProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    this.peers = [Peer.pods(), ...this._checkPeers(props.allowFrom, 'allowFrom', true)];
  }

  /**
   * Lets more peers from outside the namespace in.
   */
  public addPeer(...peers: Peer[]): void {
    this.peers.push(...this._checkPeers(peers, 'addPeer()', true));
  }

  /** @internal */
  public _ingressRules(): RuleModel[] {
    return [{ peers: this.peers, ports: [] }];
  }
}

declareProps(IsolateNamespace, { ...POLICY_PROPS, allowFrom: 'other' });
