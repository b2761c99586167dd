/**
 * # The reachability engine (internal API)
 *
 * One semantics engine for the whole project (SEMANTICS.md sections 3 and 8): the jsii facade
 * (`src/network-model.ts`, `src/assertions.ts`), the CLI (`check`, `connlist`), the linter,
 * reports, diff and the benchmark all call it; none re-implements selector matching.
 *
 * ```ts
 * import { Inventory, Analysis, explainConnection, ConnSet } from '.';
 * const inv = new Inventory(validator);        // validator optional: (obj) => string[]
 * inv.addManifest(obj);                        // NetworkPolicy, cluster policies, Namespace, Node, Pod, workloads, List
 * inv.addNamespace('shop', { team: 'a' });      // gets kubernetes.io/metadata.name automatically
 * inv.addPod({ namespace: 'shop', name: 'db', labels, ports: [{ name: 'pg', port: 5432 }] });
 * const a = new Analysis(inv, { ipBlockMatchesPods: false }); // immutable snapshot, indexed
 * a.connections('shop/web', 'shop/db').toString();   // 'TCP 5432' (a ConnSet)
 * a.connections('shop/web', '1.2.3.4').contains('TCP', 443);
 * a.notCoveredReason('shop/web', 'shop/web');        // hostNetwork / self / external-external
 * explainConnection(a, 'shop/web', 'shop/db', 5432, 'TCP').text;
 * a.connectivity();  // every allowed pair of distinct endpoints, external ranges included, sorted
 * // with ClusterNetworkPolicy / AdminNetworkPolicy / BaselineAdminNetworkPolicy objects (section 8):
 * a.sideTrace('shop/web', 'shop/db', 'Egress').decisions; // [{ tier: 'Admin', outcome: 'denied', rule, conns }, ...]
 * a.caveats('shop/web', 'shop/db');                       // what the verdict rests on that the input does not say
 * a.samePriorityConflicts();                              // policies of one tier and priority that disagree
 * a.domainConnections('shop/web', 'api.example.com');     // a domain name as a destination
 * ```
 *
 * Modules:
 * - `conn-set.ts`: `ConnSet` (per-protocol port intervals; canonical `toString()`, `parse()`,
 *   `union`, `intersect`, `contains`), `PROTOCOLS`, `ProtocolName`.
 * - `selector.ts`: `normalizeSelector(raw)`, `selectorMatches(selector, labels)`, `Selector`.
 * - `policy.ts`: `normalizePolicy(obj)` -> `Policy` (defaulted `policyTypes`, `policyTypesDefaulted`,
 *   `affectsIngress/Egress`, `ingress`/`egress` `Rule`s with `peers` (undefined = everyone),
 *   `staticPorts` + `namedPorts`), `PolicyPeer` (`SelectorPeer` | `IpBlockPeer`), `selectorPeerMatchesPod`,
 *   `ipBlockMatches`, `describePeer`.
 * - `cluster-policy.ts`: `normalizeClusterPolicy(obj)` -> `ClusterPolicy` (`kind`, `id`
 *   `Kind name`, `tier` Admin|Baseline, `priority`, `subject`, `ingress`/`egress` `ClusterRule`s with
 *   `action` Accept|Deny|Pass (`writtenAction` keeps `Allow`), `peers` (`ClusterPeer`: `pods`,
 *   `networks`, `nodes`, `domainNames`), `staticPorts` + `namedPorts`), `compareClusterPolicies`
 *   (evaluation order), `describeClusterRule` (`ClusterNetworkPolicy x spec.egress[0] (Deny)`),
 *   `describeClusterPeer`, `clusterRulePorts`, `domainNameMatches`.
 * - `inventory.ts`: `Inventory` (`addManifest`, `addNamespace`, `addPod`, `addPolicy`,
 *   `addClusterPolicy` (validated, throws when invalid), `addNode`, `pods`, `policies`,
 *   `clusterPolicies`, `nodes`, `namespaces`, `namespace(name)`, `ignoredKinds`,
 *   `unmodelledPolicies`, `duplicates`), `PodEndpoint` (`node`), `NodeInfo`, `WORKLOAD_KINDS`.
 * - `analysis.ts`: `Analysis`:
 *   - endpoints: `pods`, `endpoint(text)` / `resolve(text)` (`ns/name` or IP literal; unknown
 *     names throw listing the closest), `externalRangeEndpoints()` (outside addresses split at
 *     every ipBlock boundary, e.g. `0.0.0.0-9.255.255.255`);
 *   - selection: `selectingPolicies(endpoint, 'Ingress'|'Egress')`, `isIsolated`,
 *     `selects(policy, endpoint)`, `selectedPods(policy)` (NP004), `peerMatches(peer, endpoint)`,
 *     `podsMatchingPeer(peer)` (NP005/6); cluster tiers: `clusterPolicies` (evaluation order),
 *     `selectingClusterPolicies(endpoint, direction)`, `clusterSubjectPods(policy)`,
 *     `clusterPeerMatches(peer, endpoint)`;
 *   - verdicts: `connections(from, to)` -> `ConnSet`, `egressConnections`, `ingressConnections`,
 *     `egressRuleMatches` / `ingressRuleMatches` (which policy rules admit what: NP007),
 *     `notCoveredReason(from, to)`; with cluster policies, every tier (section 8):
 *     `sideTrace(from, to, direction, scope?)` (`TierDecision`s: tier, outcome, conns, policy,
 *     rule), `clusterRuleMatches(from, to, direction)` (each rule's match and what it decides),
 *     `caveats(from, to)`, `unknownAddressEndpoints()`, `samePriorityPairs()`,
 *     `samePriorityConflicts()` (`PriorityConflict`, field `spec.priority`), `domainNames()`,
 *     `domainConnections(from, name)`, `domainTrace`;
 *   - full passes: `connectivity()` (the connlist; `forEachConnection(cb)` streams it, by classes of
 *     endpoints no policy tells apart, visiting only the class pairs an inverted index from peers
 *     says may connect: bounded by the output; `forEachConnectionPairwise(cb)` is the same
 *     listing pair by pair, the oracle of the property tests),
 *     `forEachPair(cb)` + `connSetById(id)`
 *     (fast path: interned result ids, for the benchmark and matrices), `notCoveredEndpoints()`
 *     (hostNetwork pods: NP009);
 *   - `compareEndpoints` (listing order), `rulePorts(rule, destinationPorts)`.
 * - `explain.ts`: `explainConnection(analysis, from, to, port, protocol)` -> `Explanation`
 *   (structured sides + `text`; with cluster policies each side has `tiers` (`TierStep`s),
 *   `decidedBy` and `caveats`), `describeRule(policy, rule)` (`shop/x spec.ingress[0]`), `ruleField(direction, index)` (`spec.ingress[0]`).
 *
 * - `assumed-endpoints.ts`: `assumeDnsPods(inventory, 'kube-dns'|'openshift'|'none')` adds a stand-in
 *   for the cluster DNS pods when the input defines none (`PodEndpoint.assumed`, its id ends in
 *   ` (assumed)`: `kube-system/coredns (assumed)`); `resolve('kube-dns')` names the DNS pod.
 *
 * Endpoint names: `namespace/name` of a pod or workload (one endpoint per workload: its pod
 * template), or an IP literal outside the cluster. Rules are named by their field path (`spec.ingress[0]`) everywhere.
 */
export * from './conn-set';
export * from './label-selector';
export * from './policy';
export * from './cluster-policy';
export * from './inventory';
export * from './endpoint';
export * from './external-ranges';
export * from './analysis';
export * from './explain';
export * from './assumed-endpoints';
