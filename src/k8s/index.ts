/**
 * # Kubernetes API-server facts
 *
 * What the API server accepts, defaults and means, as pure functions and data: no cdk8s, no
 * file system, nothing else of this library (only the text helpers beneath it). Every layer
 * above asks here; none restates a rule.
 *
 * - `names.ts`: names, label keys and values, port numbers and names.
 * - `cidr.ts`: IP addresses and CIDRs (strict and lenient parsing, containment).
 * - `network-policy-json.ts`: the NetworkPolicy spec in its manifest shape.
 * - `field-error.ts`: an error about one field, formatted as the API server does;
 *   `error-collector.ts`: keeping the first errors of an object and counting the rest.
 * - `validate-network-policy.ts`: strict decoding and validation of a NetworkPolicy.
 * - `validate-workload.ts`: the same for the fields of Namespaces, Pods and workloads the
 *   analysis reads (names, labels, container ports).
 * - `validate-cluster-network-policy.ts`: the same for network-policy-api's cluster-wide kinds
 *   (ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1).
 * - `policy-kinds.ts`: policy kinds of CNIs the analysis does not model.
 * - `cluster-scoped-kinds.ts`: the kinds that have no namespace.
 * - `defaulting.ts`: the defaults the API server fills in.
 * - `metadata-endpoints.ts`, `cluster-dns.ts`: well-known endpoints of a cluster.
 */
export * from './names';
export * from './cidr';
export * from './network-policy-json';
export * from './field-error';
export * from './json-shape';
export * from './validate-network-policy';
export * from './defaulting';
export * from './metadata-endpoints';
export * from './lists';
export * from './cluster-dns';
export * from './validate-workload';
export * from './policy-kinds';
export * from './cluster-scoped-kinds';
export * from './validate-cluster-network-policy';
