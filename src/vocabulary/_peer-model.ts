/**
 * What a `Peer` means, as data: the descriptor the rendering, the Firewall (two-sided rules)
 * and any other internal code inspect. Not part of the public API.
 */
import { Cidr, LabelSelectorJson, NAMESPACE_NAME_LABEL, NetworkPolicyPeerJson } from '../k8s';
import { isEmptySelector, renderSelector, SelectorModel, selectorToString } from './_selector-model';

/** Which namespaces a selector peer looks in. */
export type NamespaceScope =
  /** the namespace of the policy the peer is used in (a `podSelector` alone) */
  | { readonly kind: 'policy' }
  /** one namespace, known by name (rendered through `kubernetes.io/metadata.name`) */
  | { readonly kind: 'name'; readonly name: string }
  /** every namespace whose labels match */
  | { readonly kind: 'selector'; readonly selector: SelectorModel }
  /** every namespace (`namespaceSelector: {}`) */
  | { readonly kind: 'all' };

/**
 * A peer:
 * - `pods`: the pods matching `pods` (empty = every pod) in the namespaces of `namespaces`.
 *   `Peer.namespace(name)` is `pods` with an empty selector and a `name` scope,
 *   `Peer.allPods()` an empty selector and the `all` scope.
 * - `ipBlock`: addresses in `cidr` outside every `except`.
 * - `anywhere`: no restriction (a rule containing it has no `from` / `to`).
 * - `nodes`: the nodes matching `nodes` (empty = every node); ClusterNetworkPolicy egress only.
 * - `domain`: a domain name or a `*.` wildcard; ClusterNetworkPolicy egress `Accept` only.
 */
export type PeerModel =
  | { readonly kind: 'pods'; readonly pods: SelectorModel; readonly namespaces: NamespaceScope }
  | { readonly kind: 'ipBlock'; readonly cidr: Cidr; readonly except: readonly Cidr[] }
  | { readonly kind: 'anywhere' }
  | { readonly kind: 'nodes'; readonly nodes: SelectorModel }
  | { readonly kind: 'domain'; readonly name: string };

/**
 * Why a peer has no NetworkPolicy (v1) form, saying what to write instead; undefined when it has
 * one.
 */
export function clusterOnlyProblem(model: PeerModel): string | undefined {
  if (model.kind === 'domain') {
    return `Peer.domain(${JSON.stringify(model.name)}) has no NetworkPolicy form: a NetworkPolicy names addresses, never domains. ` +
      'Write it in a ClusterNetworkPolicy egress Accept rule (AllowEgressToDomains, or ' +
      `new ClusterNetworkPolicy(...) with egress: [ClusterRule.accept({ peers: [Peer.domain(${JSON.stringify(model.name)})] })])`;
  }
  if (model.kind === 'nodes') {
    return `${peerToString(model)} has no NetworkPolicy form: a NetworkPolicy cannot select nodes. ` +
      'Write it in a ClusterNetworkPolicy egress rule (new ClusterNetworkPolicy(...) with egress: [ClusterRule.accept({ peers: [Peer.nodes(...)] })]), ' +
      "or name the nodes' addresses with Peer.ipv4() / Peer.ipv6()";
  }
  return undefined;
}

/** The peer in Kubernetes shape; undefined for `anywhere` (it is the absence of a peer list). */
export function renderPeer(model: PeerModel): NetworkPolicyPeerJson | undefined {
  switch (model.kind) {
    case 'nodes':
    case 'domain':
      // the constructs refuse these where they enter (`clusterOnlyProblem`): a safety net
      throw new Error(clusterOnlyProblem(model));
    case 'anywhere':
      return undefined;
    case 'ipBlock':
      return {
        ipBlock: model.except.length > 0
          ? { cidr: model.cidr.text, except: model.except.map((c) => c.text) }
          : { cidr: model.cidr.text },
      };
    case 'pods': {
      const pods = renderSelector(model.pods);
      const scope = model.namespaces;
      if (scope.kind === 'policy') return { podSelector: pods };
      const namespaceSelector: LabelSelectorJson = scope.kind === 'name'
        ? { matchLabels: { [NAMESPACE_NAME_LABEL]: scope.name } }
        : scope.kind === 'selector' ? renderSelector(scope.selector) : {};
      // every pod of the namespaces: the namespace selector alone says it
      return isEmptySelector(model.pods) ? { namespaceSelector } : { namespaceSelector, podSelector: pods };
    }
  }
}

/** The readable form of a peer, also its identity for de-duplication. */
export function peerToString(model: PeerModel): string {
  switch (model.kind) {
    case 'nodes':
      return isEmptySelector(model.nodes) ? 'all nodes' : `nodes ${selectorToString(model.nodes)}`;
    case 'domain':
      return `domain ${model.name}`;
    case 'anywhere':
      return 'anywhere';
    case 'ipBlock':
      return model.except.length > 0
        ? `${model.cidr.text} except ${model.except.map((c) => c.text).join(', ')}`
        : model.cidr.text;
    case 'pods': {
      const pods = isEmptySelector(model.pods) ? 'all pods' : selectorToString(model.pods);
      const scope = model.namespaces;
      switch (scope.kind) {
        case 'policy': return isEmptySelector(model.pods) ? "all pods in the policy's namespace" : pods;
        case 'name': return `${pods} in namespace ${scope.name}`;
        case 'selector': return `${pods} in namespaces ${selectorToString(scope.selector)}`;
        default: return `${pods} in all namespaces`;
      }
    }
  }
}
