/**
 * The API server's validation of the cluster-wide policies of network-policy-api
 * (`policy.networking.k8s.io`), for plain manifest objects: what `kubectl apply` would reject
 * once the CRDs are installed (the experimental channel, a superset of the standard one), with
 * field paths in the API server's form (SEMANTICS.md section 8.6).
 *
 * - `ClusterNetworkPolicy` `v1alpha2` (the `main` branch of network-policy-api): `tier`,
 *   `priority`, `subject`, at most 25 rules per direction, 25 peers per rule, `protocols`.
 * - `AdminNetworkPolicy` and `BaselineAdminNetworkPolicy` `v1alpha1` (the `release-0.1`
 *   branch): at most 100 rules per direction and 100 peers per rule, `ports`; the baseline is a
 *   singleton named `default` and has no `Pass` action and no `domainNames` peer.
 *
 * Checked: strict decoding (unknown fields, JSON types), required fields, enums, numeric ranges,
 * list sizes, "exactly one field" objects (subject, peer, port), and the CEL rules of the CRDs
 * (`isCIDR`, `start < end`, no named port toward `networks`/`nodes`/`domainNames` peers,
 * `metadata.name == 'default'` for the baseline). **Stricter** than the CRDs, because an
 * implementation cannot read such objects as meant (each marked where it is checked): label
 * selectors are checked as the API server checks a NetworkPolicy's (the CRD schema only checks
 * their types); v1alpha1 `protocol` must be TCP, UDP or SCTP and a v1alpha1 `portRange` must not
 * end before it starts (the types say so, the v1alpha1 CRDs do not check it); `domainNames`
 * peers only in `Accept`/`Allow` rules (the types: "DomainNames is only supported for Accept
 * rules").
 *
 * Same error shape as `validateNetworkPolicy` (`PolicyError`, `formatPolicyError`); never throws,
 * whatever the input; time linear in the object's size; the first `maxErrors` errors are kept and
 * the rest counted.
 */
import { parseCidrLenient } from './cidr';
import { ErrorCollector } from './error-collector';
import { PolicyError } from './field-error';
import { isObject, isSet, typeName } from './json-shape';
import { dnsSubdomainError, labelKeyError, labelValueError } from './names';
import { MAX_POLICY_ERRORS, PolicyCheck, ValidateOptions } from './validate-network-policy';

/** The API group of the cluster-wide policies. */
export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** The kinds this validator (and the engine) reads, with the API version each is read in. */
export const CLUSTER_POLICY_VERSIONS: Readonly<Record<string, string>> = {
  ClusterNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha2`,
  AdminNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha1`,
  BaselineAdminNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha1`,
};

/** The one name a BaselineAdminNetworkPolicy may have (CEL rule of its CRD). */
export const BASELINE_ADMIN_NETWORK_POLICY_NAME = 'default';

/**
 * true for an object of one of the three kinds in the `policy.networking.k8s.io` group, any
 * version (a wrong version is the validator's to report).
 */
export function isClusterPolicyObject(obj: unknown): boolean {
  if (!isObject(obj)) return false;
  const { apiVersion, kind } = obj;
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(CLUSTER_POLICY_VERSIONS, kind) &&
    typeof apiVersion === 'string' && apiVersion.startsWith(`${CLUSTER_POLICY_GROUP}/`);
}

type Version = 'v1alpha1' | 'v1alpha2';

interface Schema {
  readonly version: Version;
  readonly kind: string;
  readonly baseline: boolean;
  /** rules per direction; peers per rule; ports or protocols per rule */
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly maxPorts: number;
  readonly actions: readonly string[];
  readonly acceptAction: string;
}

const SCHEMAS: Readonly<Record<string, Schema>> = {
  ClusterNetworkPolicy: {
    version: 'v1alpha2',
    kind: 'ClusterNetworkPolicy',
    baseline: false,
    maxRules: 25,
    maxPeers: 25,
    maxPorts: 25,
    actions: ['Accept', 'Deny', 'Pass'],
    acceptAction: 'Accept',
  },
  AdminNetworkPolicy: {
    version: 'v1alpha1',
    kind: 'AdminNetworkPolicy',
    baseline: false,
    maxRules: 100,
    maxPeers: 100,
    maxPorts: 100,
    actions: ['Allow', 'Deny', 'Pass'],
    acceptAction: 'Allow',
  },
  BaselineAdminNetworkPolicy: {
    version: 'v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    baseline: true,
    maxRules: 100,
    maxPeers: 100,
    maxPorts: 100,
    actions: ['Allow', 'Deny'],
    acceptAction: 'Allow',
  },
};

const OBJECT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const METADATA_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];
const SELECTOR_FIELDS = ['matchLabels', 'matchExpressions'];
const REQUIREMENT_FIELDS = ['key', 'operator', 'values'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const TIERS = ['Admin', 'Baseline'];
const MAX_RULE_NAME = 100;
const MAX_CIDRS = 25;
const MAX_DOMAIN_NAMES = 25;
const MAX_CIDR_LENGTH = 43;
const MAX_PRIORITY = 1000;
// the DomainName pattern of the CRDs, as written there (its `A-z` ranges included)
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** Collects errors while walking one cluster policy (see `ErrorCollector`). */
class Collector extends ErrorCollector {
  public unsupported(field: string, value: unknown, supported: readonly string[]): void {
    const fixed = typeof value === 'string' ? supported.find((s) => s.toLowerCase() === value.toLowerCase()) : undefined;
    const hint = fixed ? `. Did you mean "${fixed}"? (values are case-sensitive)` : '';
    this.add({ type: 'Unsupported', field, value, message: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}${hint}` });
  }

  /** Reports fields that the type does not have (strict decoding). */
  public unknownFields(
    path: string, obj: Record<string, unknown>, known: readonly string[], what: string, wrongPlace?: Record<string, string>,
  ): void {
    this.unknownKeys(path, obj, known, what, wrongPlace);
  }

  /** A list of `min`..`max` items; reports and returns false when it is not a list at all. */
  public expectList(field: string, v: unknown, min: number, max: number): v is unknown[] {
    if (!Array.isArray(v)) {
      this.invalid(field, v, `must be a list, not ${typeName(v)}`);
      return false;
    }
    if (v.length < min) this.invalid(field, v.length, `must have at least ${min} item${min === 1 ? '' : 's'}`);
    if (v.length > max) this.invalid(field, v.length, `must have at most ${max} items`);
    return true;
  }

  public expectString(field: string, v: unknown): v is string {
    if (typeof v === 'string') return true;
    this.invalid(field, v, `must be a string, not ${typeName(v)}`);
    return false;
  }

  /** An integer `min`..`max` (a JSON number with no fraction). */
  public expectInteger(field: string, v: unknown, min: number, max: number): v is number {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.invalid(field, v, `must be an integer, not ${typeof v === 'number' ? 'a fraction' : typeName(v)}`);
      return false;
    }
    if (v < min) { this.invalid(field, v, `should be greater than or equal to ${min}`); return false; }
    if (v > max) { this.invalid(field, v, `should be less than or equal to ${max}`); return false; }
    return true;
  }

  /**
   * An object with exactly one of `fields` set (the CRDs' `minProperties: 1` and
   * `maxProperties: 1`). Returns the one set, or undefined (reported).
   */
  public exactlyOne(path: string, obj: Record<string, unknown>, fields: readonly string[], what: string): string | undefined {
    const set = Object.keys(obj).filter((k) => isSet(obj[k]));
    const known = set.filter((k) => fields.includes(k));
    if (set.length === 1 && known.length === 1) return known[0];
    if (set.length === 0) {
      this.invalid(path, {}, `${what} must set exactly one of ${fields.map((f) => `\`${f}\``).join(', ')}; none is set`);
    } else if (set.length > 1) {
      this.invalid(path, set, `${what} must set exactly one of ${fields.map((f) => `\`${f}\``).join(', ')}; ${set.map((f) => `\`${f}\``).join(' and ')} are set`);
    }
    return undefined;
  }
}

/**
 * Validates one ClusterNetworkPolicy (`v1alpha2`), AdminNetworkPolicy or
 * BaselineAdminNetworkPolicy (`v1alpha1`) manifest object as the API server would with the
 * CRDs installed. Returns the errors found, in field order, at most `options.maxErrors`;
 * `[]` means valid. Never throws.
 */
export function validateClusterNetworkPolicy(obj: any, options: ValidateOptions = {}): PolicyError[] {
  return checkClusterNetworkPolicy(obj, options).errors;
}

/** `validateClusterNetworkPolicy`, and the count of every error, including those not kept. */
export function checkClusterNetworkPolicy(obj: any, options: ValidateOptions = {}): PolicyCheck {
  const c = new Collector(Math.max(0, options.maxErrors ?? MAX_POLICY_ERRORS));
  walkObject(c, obj);
  return { errors: c.errors, total: c.total };
}

function walkObject(c: Collector, obj: any): void {
  if (!isObject(obj)) {
    c.invalid('', obj, `a cluster network policy must be an object, not ${typeName(obj)}`);
    return;
  }
  const kinds = Object.keys(SCHEMAS);
  if (typeof obj.kind !== 'string' || !SCHEMAS[obj.kind]) {
    c.unsupported('kind', obj.kind, kinds);
    return;
  }
  const schema = SCHEMAS[obj.kind];
  c.unknownFields('', obj, OBJECT_FIELDS, `a ${schema.kind}`);
  const apiVersion = CLUSTER_POLICY_VERSIONS[schema.kind];
  if (obj.apiVersion !== apiVersion) c.unsupported('apiVersion', obj.apiVersion, [apiVersion]);
  validateMetadata(c, schema, obj.metadata);
  if (!isSet(obj.spec)) {
    c.required('spec');
  } else if (c.expectObject('spec', obj.spec)) {
    validateSpec(c, schema, obj.spec);
  }
  // `status` is a subresource: what a manifest writes there is dropped on create
}

function validateMetadata(c: Collector, schema: Schema, meta: unknown): void {
  if (!isSet(meta)) {
    c.required('metadata.name', 'name or generateName is required');
    return;
  }
  if (!c.expectObject('metadata', meta)) return;
  c.unknownFields('metadata', meta, METADATA_FIELDS, 'metadata');
  const { name, generateName } = meta;
  if (!isSet(name) || name === '') {
    if (!isSet(generateName) || generateName === '') {
      c.required('metadata.name', 'name or generateName is required');
    } else if (c.expectString('metadata.generateName', generateName)) {
      const err = dnsSubdomainError(generateName.replace(/[-.]+$/, '') || 'x');
      if (err) c.invalid('metadata.generateName', generateName, err);
      if (schema.baseline) c.invalid('metadata.name', '', baselineNameMessage());
    }
  } else if (c.expectString('metadata.name', name)) {
    const err = dnsSubdomainError(name);
    if (err) c.invalid('metadata.name', name, err);
    else if (schema.baseline && name !== BASELINE_ADMIN_NETWORK_POLICY_NAME) c.invalid('metadata.name', name, baselineNameMessage());
  }
  // `metadata.namespace` of a cluster-scoped object is cleared by the API server: allowed, ignored
  if (isSet(meta.namespace)) c.expectString('metadata.namespace', meta.namespace);
  if (isSet(meta.labels) && c.expectObject('metadata.labels', meta.labels)) c.labelMap('metadata.labels', meta.labels);
  if (isSet(meta.annotations) && c.expectObject('metadata.annotations', meta.annotations)) {
    for (const [key, value] of Object.entries(meta.annotations)) {
      const err = labelKeyError(key);
      if (err) c.invalid('metadata.annotations', key, err);
      if (typeof value !== 'string') c.invalid(`metadata.annotations[${key}]`, value, `must be a string, not ${typeName(value)}`);
    }
  }
}

function baselineNameMessage(): string {
  return `Only one baseline admin network policy with metadata.name="${BASELINE_ADMIN_NETWORK_POLICY_NAME}" can be created in the cluster`;
}

function validateSpec(c: Collector, schema: Schema, spec: Record<string, any>): void {
  const fields = schema.version === 'v1alpha2'
    ? ['tier', 'priority', 'subject', 'ingress', 'egress']
    : schema.baseline ? ['subject', 'ingress', 'egress'] : ['priority', 'subject', 'ingress', 'egress'];
  c.unknownFields('spec', spec, fields, 'spec', {
    ...(schema.baseline ? { priority: 'a BaselineAdminNetworkPolicy has no priority (there is only one, named "default")' } : {}),
    ...(schema.version === 'v1alpha1' ? { tier: `a ${schema.kind} has no tier (v1alpha2 ClusterNetworkPolicy has)` } : {}),
    from: 'not a field of spec: `from` belongs in an ingress rule',
    to: 'not a field of spec: `to` belongs in an egress rule',
  });
  if (schema.version === 'v1alpha2') {
    if (!isSet(spec.tier)) c.required('spec.tier');
    else if (!TIERS.includes(spec.tier)) c.unsupported('spec.tier', spec.tier, TIERS);
  }
  if (!schema.baseline) {
    if (!isSet(spec.priority)) c.required('spec.priority');
    else c.expectInteger('spec.priority', spec.priority, 0, MAX_PRIORITY);
  }
  if (!isSet(spec.subject)) {
    c.required('spec.subject');
  } else if (c.expectObject('spec.subject', spec.subject)) {
    validateSubjectOrPeer(c, schema, 'spec.subject', spec.subject, ['namespaces', 'pods'], 'a subject');
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = spec[direction];
    if (!isSet(rules)) continue;
    if (!c.expectList(`spec.${direction}`, rules, 0, schema.maxRules)) continue;
    rules.forEach((rule: unknown, i: number) => validateRule(c, schema, direction, `spec.${direction}[${i}]`, rule));
  }
}

function validateRule(c: Collector, schema: Schema, direction: 'ingress' | 'egress', path: string, written: unknown): void {
  const rule = isSet(written) ? written : {}; // `- ` (null) decodes as an empty rule
  if (!c.expectObject(path, rule)) return;
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const otherKey = direction === 'ingress' ? 'to' : 'from';
  const portsKey = schema.version === 'v1alpha2' ? 'protocols' : 'ports';
  c.unknownFields(path, rule, ['name', 'action', peersKey, portsKey], `an ${direction} rule`, {
    [otherKey]: `an ${direction} rule has \`${peersKey}\`, not \`${otherKey}\``,
    [schema.version === 'v1alpha2' ? 'ports' : 'protocols']: schema.version === 'v1alpha2'
      ? 'a v1alpha2 rule has `protocols` (v1alpha1 AdminNetworkPolicy has `ports`)'
      : 'a v1alpha1 rule has `ports` (v1alpha2 ClusterNetworkPolicy has `protocols`)',
  });
  if (isSet(rule.name) && c.expectString(`${path}.name`, rule.name) && rule.name.length > MAX_RULE_NAME) {
    c.invalid(`${path}.name`, rule.name, `may not be more than ${MAX_RULE_NAME} characters`);
  }
  const action = rule.action;
  if (!isSet(action)) c.required(`${path}.action`);
  else if (!schema.actions.includes(action)) c.unsupported(`${path}.action`, action, schema.actions);

  let namedPort = false;
  const ports = rule[portsKey];
  if (isSet(ports) && c.expectList(`${path}.${portsKey}`, ports, 1, schema.maxPorts)) {
    ports.forEach((p: unknown, j: number) => {
      const entryPath = `${path}.${portsKey}[${j}]`;
      const named = schema.version === 'v1alpha2' ? validateProtocol(c, entryPath, p) : validatePort(c, entryPath, p);
      namedPort ||= named;
    });
  }

  const peers = rule[peersKey];
  if (!isSet(peers)) {
    c.required(`${path}.${peersKey}`, `${peersKey} field must be defined and contain at least one item`);
    return;
  }
  if (!c.expectList(`${path}.${peersKey}`, peers, 1, schema.maxPeers)) return;
  const kinds = direction === 'ingress'
    ? ['namespaces', 'pods']
    : schema.baseline ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];
  const used = new Set<string>();
  peers.forEach((peer: unknown, j: number) => {
    const peerPath = `${path}.${peersKey}[${j}]`;
    if (!isSet(peer)) {
      c.invalid(peerPath, {}, `a peer must set exactly one of ${kinds.map((k) => `\`${k}\``).join(', ')}; none is set`);
      return;
    }
    if (!c.expectObject(peerPath, peer)) return;
    const set = validateSubjectOrPeer(c, schema, peerPath, peer, kinds, 'a peer');
    if (set) used.add(set);
  });
  // CEL rule of the egress rule (experimental channel)
  if (direction === 'egress' && namedPort) {
    const bad = schema.baseline ? ['networks', 'nodes'] : ['networks', 'nodes', 'domainNames'];
    if (bad.some((k) => used.has(k))) {
      c.invalid(path, 'object', `${bad.join('/')} peer cannot be set with namedPorts since there are no namedPorts for ${bad.join('/')}`);
    }
  }
  // Stricter: the types say domainNames work in Accept rules only; the CRDs do not check it
  if (used.has('domainNames') && isSet(action) && schema.actions.includes(action) && action !== schema.acceptAction) {
    c.forbidden(`${path}.action`, `\`domainNames\` peers are only supported in ${schema.acceptAction} rules ` +
      `(a ${action} rule cannot be enforced by name: no plugin knows every address of a domain)`, action);
  }
}

/** A subject or a peer: exactly one field, each checked. Returns the field set, when valid. */
function validateSubjectOrPeer(
  c: Collector, schema: Schema, path: string, obj: Record<string, any>, kinds: readonly string[], what: string,
): string | undefined {
  c.unknownFields(path, obj, kinds, what);
  const one = c.exactlyOne(path, obj, kinds, what);
  for (const k of kinds) {
    if (!isSet(obj[k])) continue;
    const field = `${path}.${k}`;
    switch (k) {
      case 'namespaces':
      case 'nodes':
        validateSelector(c, field, obj[k]);
        break;
      case 'pods':
        validateNamespacedPod(c, schema, field, obj[k]);
        break;
      case 'networks':
        validateNetworks(c, field, obj[k]);
        break;
      case 'domainNames':
        validateDomainNames(c, field, obj[k]);
        break;
    }
  }
  return one;
}

/** `pods`: `podSelector` required; `namespaceSelector` required in v1alpha1, optional in v1alpha2 (absent: `{}`). */
function validateNamespacedPod(c: Collector, schema: Schema, path: string, v: unknown): void {
  if (!c.expectObject(path, v)) return;
  c.unknownFields(path, v, ['namespaceSelector', 'podSelector'], 'pods', {
    namespaces: '`pods` has `namespaceSelector` and `podSelector`',
  });
  if (!isSet(v.namespaceSelector)) {
    if (schema.version === 'v1alpha1') c.required(`${path}.namespaceSelector`);
  } else {
    validateSelector(c, `${path}.namespaceSelector`, v.namespaceSelector);
  }
  if (!isSet(v.podSelector)) c.required(`${path}.podSelector`);
  else validateSelector(c, `${path}.podSelector`, v.podSelector);
}

function validateNetworks(c: Collector, path: string, v: unknown): void {
  if (!c.expectList(path, v, 1, MAX_CIDRS)) return;
  const seen = new Set<string>();
  v.forEach((text: unknown, i: number) => {
    const field = `${path}[${i}]`;
    if (!c.expectString(field, text)) return;
    if (text.length > MAX_CIDR_LENGTH) {
      c.invalid(field, text, `may not be more than ${MAX_CIDR_LENGTH} characters`);
      return;
    }
    if (seen.has(text)) c.invalid(field, text, 'duplicate entry (`networks` is a set)');
    seen.add(text);
    const err = isCidrError(text);
    if (err) c.invalid(field, text, `Invalid CIDR format provided${err}`);
  });
}

/**
 * What CEL `isCIDR` rejects: not an address and a prefix length, leading zeros, an
 * IPv4-mapped IPv6 address. Host bits after the prefix are allowed (the network is meant).
 */
function isCidrError(text: string): string | undefined {
  try {
    const { nonCanonical } = parseCidrLenient(text);
    if (nonCanonical && !nonCanonical.startsWith('must not have bits set')) return ` (${nonCanonical})`;
    return undefined;
  } catch (e) {
    return ` (${e instanceof Error ? e.message : String(e)})`;
  }
}

function validateDomainNames(c: Collector, path: string, v: unknown): void {
  if (!c.expectList(path, v, 1, MAX_DOMAIN_NAMES)) return;
  const seen = new Set<string>();
  v.forEach((name: unknown, i: number) => {
    const field = `${path}[${i}]`;
    if (!c.expectString(field, name)) return;
    if (seen.has(name)) c.invalid(field, name, 'duplicate entry (`domainNames` is a set)');
    seen.add(name);
    if (!DOMAIN_NAME.test(name)) {
      c.invalid(field, name, 'must be a domain name (`kubernetes.io`) or a wildcard for its subdomains (`*.kubernetes.io`): ' +
        "labels of letters, digits, '-' and '_', separated by '.', '*' only as a whole first label");
    }
  });
}

/** v1alpha2 `protocols[]` entry. Returns true when it is a named port. */
function validateProtocol(c: Collector, path: string, v: unknown): boolean {
  if (!isSet(v)) {
    c.invalid(path, {}, 'a protocol entry must set exactly one of `tcp`, `udp`, `sctp`, `destinationNamedPort`; none is set');
    return false;
  }
  if (!c.expectObject(path, v)) return false;
  const fields = ['tcp', 'udp', 'sctp', 'destinationNamedPort'];
  c.unknownFields(path, v, fields, 'a protocol entry', {
    protocol: 'v1alpha2 writes the protocol as the key: `tcp: {destinationPort: {number: 80}}`',
    port: 'v1alpha2 writes `tcp: {destinationPort: {number: 80}}`',
    namedPort: 'v1alpha2 writes `destinationNamedPort: <name>`',
  });
  const one = c.exactlyOne(path, v, fields, 'a protocol entry');
  for (const proto of ['tcp', 'udp', 'sctp']) {
    if (!isSet(v[proto])) continue;
    const p = `${path}.${proto}`;
    if (!c.expectObject(p, v[proto])) continue;
    c.unknownFields(p, v[proto], ['destinationPort'], proto);
    if (!isSet(v[proto].destinationPort)) {
      c.invalid(p, {}, 'must have at least 1 properties: `destinationPort`');
      continue;
    }
    const dp = `${p}.destinationPort`;
    if (!c.expectObject(dp, v[proto].destinationPort)) continue;
    const port = v[proto].destinationPort;
    c.unknownFields(dp, port, ['number', 'range'], 'destinationPort', { start: '`start` belongs in `range`', end: '`end` belongs in `range`' });
    c.exactlyOne(dp, port, ['number', 'range'], 'destinationPort');
    if (isSet(port.number)) c.expectInteger(`${dp}.number`, port.number, 1, 65535);
    if (isSet(port.range) && c.expectObject(`${dp}.range`, port.range)) {
      const range = port.range;
      c.unknownFields(`${dp}.range`, range, ['start', 'end'], 'range');
      let ok = true;
      for (const f of ['start', 'end']) {
        if (!isSet(range[f])) { c.required(`${dp}.range.${f}`); ok = false; } else if (!c.expectInteger(`${dp}.range.${f}`, range[f], 1, 65535)) {ok = false;}
      }
      if (ok && !(range.start < range.end)) c.invalid(`${dp}.range`, `${range.start}-${range.end}`, 'Start port must be less than End port');
    }
  }
  if (isSet(v.destinationNamedPort)) c.expectString(`${path}.destinationNamedPort`, v.destinationNamedPort);
  return one === 'destinationNamedPort';
}

/** v1alpha1 `ports[]` entry. Returns true when it is a named port. */
function validatePort(c: Collector, path: string, v: unknown): boolean {
  if (!isSet(v)) {
    c.invalid(path, {}, 'exactly one field must be set in an AdminNetworkPolicyPort (`portNumber`, `namedPort`, `portRange`); none is set');
    return false;
  }
  if (!c.expectObject(path, v)) return false;
  const fields = ['portNumber', 'namedPort', 'portRange'];
  c.unknownFields(path, v, fields, 'a port', {
    port: 'v1alpha1 writes `portNumber: {protocol: TCP, port: 80}`',
    protocol: 'the protocol belongs in `portNumber` or `portRange`',
  });
  const set = Object.keys(v).filter((k) => isSet(v[k]));
  let one: string | undefined;
  if (set.length === 1 && fields.includes(set[0])) one = set[0];
  else if (set.length === 0) c.invalid(path, {}, 'exactly one field must be set in an AdminNetworkPolicyPort (`portNumber`, `namedPort`, `portRange`); none is set');
  else if (set.length > 1) c.invalid(path, set, `exactly one field must be set in an AdminNetworkPolicyPort; ${set.map((f) => `\`${f}\``).join(' and ')} are set`);
  if (isSet(v.portNumber) && c.expectObject(`${path}.portNumber`, v.portNumber)) {
    const p = `${path}.portNumber`;
    c.unknownFields(p, v.portNumber, ['protocol', 'port'], 'portNumber');
    validateV1alpha1Protocol(c, `${p}.protocol`, v.portNumber.protocol);
    if (!isSet(v.portNumber.port)) c.required(`${p}.port`);
    else c.expectInteger(`${p}.port`, v.portNumber.port, 1, 65535);
  }
  if (isSet(v.portRange) && c.expectObject(`${path}.portRange`, v.portRange)) {
    const p = `${path}.portRange`;
    const range = v.portRange;
    c.unknownFields(p, range, ['protocol', 'start', 'end'], 'portRange');
    validateV1alpha1Protocol(c, `${p}.protocol`, range.protocol);
    let ok = true;
    for (const f of ['start', 'end']) {
      if (!isSet(range[f])) { c.required(`${p}.${f}`); ok = false; } else if (!c.expectInteger(`${p}.${f}`, range[f], 1, 65535)) {ok = false;}
    }
    // Stricter: the type says Start must be less than End; the v1alpha1 CRDs do not check it. A
    // range of one port (start = end) is kept, a reversed one (matching nothing) is rejected
    if (ok && range.end < range.start) c.invalid(p, `${range.start}-${range.end}`, 'end may not be less than start (the range would match no port)');
  }
  if (isSet(v.namedPort)) c.expectString(`${path}.namedPort`, v.namedPort);
  return one === 'namedPort';
}

/** Defaults to TCP; **Stricter**: the CRD takes any string, the type says TCP, UDP or SCTP. */
function validateV1alpha1Protocol(c: Collector, path: string, v: unknown): void {
  if (!isSet(v)) return;
  if (!PROTOCOLS.includes(v as string)) c.unsupported(path, v, PROTOCOLS);
}

/** A label selector, checked as the API server checks a NetworkPolicy's (**Stricter** than the CRD schema). */
function validateSelector(c: Collector, path: string, sel: unknown): void {
  if (!c.expectObject(path, sel)) return;
  c.unknownFields(path, sel, SELECTOR_FIELDS, 'a label selector');
  if (isSet(sel.matchLabels) && c.expectObject(`${path}.matchLabels`, sel.matchLabels)) c.labelMap(`${path}.matchLabels`, sel.matchLabels);
  if (!isSet(sel.matchExpressions)) return;
  if (!Array.isArray(sel.matchExpressions)) {
    c.invalid(`${path}.matchExpressions`, sel.matchExpressions, `must be a list, not ${typeName(sel.matchExpressions)}`);
    return;
  }
  sel.matchExpressions.forEach((expr: unknown, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!c.expectObject(p, expr)) return;
    c.unknownFields(p, expr, REQUIREMENT_FIELDS, 'a selector requirement');
    const { key, operator } = expr;
    let values: unknown[] = [];
    if (isSet(expr.values)) {
      if (Array.isArray(expr.values)) values = expr.values;
      else c.invalid(`${p}.values`, expr.values, `must be a list, not ${typeName(expr.values)}`);
    }
    if (!isSet(key)) {c.required(`${p}.key`);} else if (c.expectString(`${p}.key`, key)) {
      const err = labelKeyError(key);
      if (err) c.invalid(`${p}.key`, key, err);
    }
    if (!isSet(operator)) {
      c.required(`${p}.operator`);
    } else if (!OPERATORS.includes(operator)) {
      c.unsupported(`${p}.operator`, operator, OPERATORS);
    } else if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      c.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'");
    } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      c.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
    values.forEach((value, j) => {
      if (!c.expectString(`${p}.values[${j}]`, value)) return;
      const err = labelValueError(value);
      if (err) c.invalid(`${p}.values[${j}]`, value, err);
    });
  });
}
