/**
 * From network-policy-api v1alpha1 to v1alpha2: an AdminNetworkPolicy or the
 * BaselineAdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`, the `release-0.1` branch) as
 * the ClusterNetworkPolicy (`v1alpha2`, `main`) that means the same (SEMANTICS.md section 8), field
 * by field, or the errors that say why it cannot:
 *
 * | v1alpha1 | v1alpha2 |
 * | --- | --- |
 * | `AdminNetworkPolicy` `name` | `tier: Admin`, the same `name` and `priority` |
 * | `BaselineAdminNetworkPolicy` `default` | `tier: Baseline`, `priority: 1000` (the last of the tier: the baseline came after every other policy), named `baseline-default` (a ClusterNetworkPolicy `default` is a name an AdminNetworkPolicy may have) |
 * | `action: Allow` | `action: Accept` (`Deny`, `Pass` kept) |
 * | `ports[].portNumber {protocol: P, port: N}` | `protocols[].<p> {destinationPort: {number: N}}` (`protocol` TCP when absent) |
 * | `ports[].portRange {protocol: P, start: A, end: B}` | `protocols[].<p> {destinationPort: {range: {start: A, end: B}}}`; a range of one port (`A = B`, which v1alpha2 refuses: CEL `start < end`) as `number: A` |
 * | `ports[].namedPort: X` | `protocols[].destinationNamedPort: X` |
 * | `subject`, peers (`namespaces`, `pods`, `nodes`, `networks`, `domainNames`), rule `name`s | the same, as written |
 * | `metadata` | `name` (or `generateName`), `labels`, `annotations` (without `kubectl.kubernetes.io/last-applied-configuration`, which describes the old object); what the API server sets (`uid`, `resourceVersion`, `creationTimestamp`, `managedFields`, ...) and `namespace` (cluster-scoped) are dropped, as is `status` |
 *
 * Cannot be converted (errors naming the v1alpha1 field and value): more than 25 rules of a
 * direction, more than 25 peers in a rule, more than 25 ports in a rule (v1alpha1 allowed 100 of
 * each, v1alpha2 allows 25). v1alpha1 features that were never part of the `release-0.1` types
 * (`sameLabels`, `notSameLabels`, `namespaces.namespaceSelector`) are unknown fields, refused by the
 * validation that runs first. Every converted object is checked with the v1alpha2 validator.
 */
import { ErrorCollector } from './error-collector';
import { PolicyError } from './field-error';
import { isObject, isSet } from './json-shape';
import { checkClusterNetworkPolicy, CLUSTER_POLICY_VERSIONS } from './validate-cluster-network-policy';
import { MAX_POLICY_ERRORS } from './validate-network-policy';

/** The name of the ClusterNetworkPolicy a BaselineAdminNetworkPolicy becomes (by default). */
export const MIGRATED_BASELINE_NAME = 'baseline-default';

/** The priority of the ClusterNetworkPolicy a BaselineAdminNetworkPolicy becomes: the last of the Baseline tier. */
export const MIGRATED_BASELINE_PRIORITY = 1000;

/** The limits of v1alpha2 that v1alpha1 did not have (rules per direction, peers and ports per rule). */
const V1ALPHA2_MAX = 25;
const V1ALPHA1_MAX = 100;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Options of `migrateClusterPolicy`. */
export interface MigrateOptions {
  /** the name of the ClusterNetworkPolicy the BaselineAdminNetworkPolicy becomes; default `MIGRATED_BASELINE_NAME` */
  readonly baselineName?: string;
}

/** What `migrateClusterPolicy` returns: the v1alpha2 object, or why there is none. */
export interface MigrationResult {
  /** the ClusterNetworkPolicy; undefined when `errors` is not empty */
  readonly object?: any;
  /** what prevents the conversion, on the v1alpha1 object's fields; `[]` when converted */
  readonly errors: readonly PolicyError[];
}

/** true for the objects `migrateClusterPolicy` converts: `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy and BaselineAdminNetworkPolicy. */
export function isV1alpha1ClusterPolicy(obj: unknown): boolean {
  return isObject(obj) && (obj.kind === 'AdminNetworkPolicy' || obj.kind === 'BaselineAdminNetworkPolicy') &&
    obj.apiVersion === CLUSTER_POLICY_VERSIONS[obj.kind as string];
}

/**
 * The v1alpha2 ClusterNetworkPolicy that means what a v1alpha1 AdminNetworkPolicy or
 * BaselineAdminNetworkPolicy means (see the table above). The input is validated first (its
 * errors are returned as they are); the output is validated too. Never throws.
 */
export function migrateClusterPolicy(obj: any, options: MigrateOptions = {}): MigrationResult {
  if (!isV1alpha1ClusterPolicy(obj)) {
    return {
      errors: [{
        type: 'Unsupported',
        field: 'kind',
        value: isObject(obj) ? `${String(obj.apiVersion)} ${String(obj.kind)}` : obj,
        message: `only ${CLUSTER_POLICY_VERSIONS.AdminNetworkPolicy} AdminNetworkPolicy and BaselineAdminNetworkPolicy are converted`,
      }],
    };
  }
  const input = checkClusterNetworkPolicy(obj);
  if (input.errors.length > 0) return { errors: input.errors };

  const c = new ErrorCollector(MAX_POLICY_ERRORS);
  const baseline = obj.kind === 'BaselineAdminNetworkPolicy';
  const spec = obj.spec;
  const out: Record<string, unknown> = {
    apiVersion: CLUSTER_POLICY_VERSIONS.ClusterNetworkPolicy,
    kind: 'ClusterNetworkPolicy',
    metadata: metadataOf(obj.metadata, baseline ? options.baselineName ?? MIGRATED_BASELINE_NAME : undefined),
  };
  const outSpec: Record<string, unknown> = {
    tier: baseline ? 'Baseline' : 'Admin',
    priority: baseline ? MIGRATED_BASELINE_PRIORITY : spec.priority,
    subject: copy(spec.subject),
  };
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = spec[direction];
    if (!Array.isArray(rules)) continue;
    if (rules.length > V1ALPHA2_MAX) {
      c.invalid(`spec.${direction}`, rules.length, `a ClusterNetworkPolicy has at most ${V1ALPHA2_MAX} ${direction} rules ` +
        `(v1alpha1 allowed ${V1ALPHA1_MAX}): split this policy into two at adjacent priorities, the first ${V1ALPHA2_MAX} rules in the first`);
      continue;
    }
    outSpec[direction] = rules.map((rule: any, i: number) => migrateRule(c, direction, `spec.${direction}[${i}]`, isSet(rule) ? rule : {}));
  }
  out.spec = outSpec;
  if (c.errors.length > 0) return { errors: c.errors };

  // the converted object is checked as the API server checks a v1alpha2 one
  const output = checkClusterNetworkPolicy(out);
  if (output.errors.length > 0) {
    return { errors: output.errors.map((e) => ({ ...e, message: `(in the converted ClusterNetworkPolicy) ${e.message}` })) };
  }
  return { object: out, errors: [] };
}

function metadataOf(meta: Record<string, any>, rename: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rename !== undefined) out.name = rename;
  else if (isSet(meta.name) && meta.name !== '') out.name = meta.name;
  else out.generateName = meta.generateName;
  if (isObject(meta.labels) && Object.keys(meta.labels).length > 0) out.labels = copy(meta.labels);
  if (isObject(meta.annotations)) {
    const annotations = Object.fromEntries(Object.entries(meta.annotations).filter(([k]) => k !== LAST_APPLIED));
    if (Object.keys(annotations).length > 0) out.annotations = annotations;
  }
  return out;
}

function migrateRule(c: ErrorCollector, direction: 'ingress' | 'egress', path: string, rule: Record<string, any>): Record<string, unknown> {
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const out: Record<string, unknown> = {};
  if (isSet(rule.name) && rule.name !== '') out.name = rule.name;
  out.action = rule.action === 'Allow' ? 'Accept' : rule.action;
  const peers: unknown[] = rule[peersKey];
  if (peers.length > V1ALPHA2_MAX) {
    c.invalid(`${path}.${peersKey}`, peers.length, `a ClusterNetworkPolicy rule has at most ${V1ALPHA2_MAX} peers ` +
      `(v1alpha1 allowed ${V1ALPHA1_MAX}): split the rule into rules of at most ${V1ALPHA2_MAX} peers each, with the same action and ports, one after the other`);
  }
  out[peersKey] = peers.map(copy);
  const ports: unknown[] | undefined = rule.ports;
  if (Array.isArray(ports)) {
    if (ports.length > V1ALPHA2_MAX) {
      c.invalid(`${path}.ports`, ports.length, `a ClusterNetworkPolicy rule has at most ${V1ALPHA2_MAX} protocols entries ` +
        `(v1alpha1 allowed ${V1ALPHA1_MAX} ports): split the rule into rules of at most ${V1ALPHA2_MAX} ports each, with the same action and peers, one after the other`);
    }
    out.protocols = ports.map((p: any) => migratePort(p));
  }
  return out;
}

/** One v1alpha1 `ports[]` entry (valid: exactly one of `portNumber`, `portRange`, `namedPort`) as a v1alpha2 `protocols[]` entry. */
function migratePort(p: Record<string, any>): Record<string, unknown> {
  if (isSet(p.namedPort)) return { destinationNamedPort: p.namedPort };
  const protocolKey = (protocol: unknown) => (isSet(protocol) ? String(protocol) : 'TCP').toLowerCase();
  if (isSet(p.portNumber)) {
    return { [protocolKey(p.portNumber.protocol)]: { destinationPort: { number: p.portNumber.port } } };
  }
  const { start, end } = p.portRange;
  // v1alpha2 requires start < end (CEL); a v1alpha1 range of one port is that port
  const destinationPort = start === end ? { number: start } : { range: { start, end } };
  return { [protocolKey(p.portRange.protocol)]: { destinationPort } };
}

/** A deep copy of JSON data, keys in their order. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `BaselineAdminNetworkPolicy default` is renamed; an AdminNetworkPolicy keeps its name. */
export function migratedName(obj: any, options: MigrateOptions = {}): string | undefined {
  if (!isV1alpha1ClusterPolicy(obj)) return undefined;
  if (obj.kind === 'BaselineAdminNetworkPolicy') return options.baselineName ?? MIGRATED_BASELINE_NAME;
  return typeof obj.metadata?.name === 'string' && obj.metadata.name !== '' ? obj.metadata.name : undefined;
}
