/**
 * The API server's validation of a NetworkPolicy (networking.k8s.io/v1), for plain manifest
 * objects: what `kubectl apply` would reject, with the same field paths and messages
 * (SEMANTICS.md section 2; upstream `pkg/apis/networking/validation/validation.go` wins where
 * they differ). Also strict decoding: unknown fields and values of the wrong type, which
 * `kubectl` (strict field validation, the default) rejects before validation even runs.
 *
 * Used by the engine (manifests it is given), the CLI (input files) and the linter.
 * Defaulting (SEMANTICS.md section 1) is `defaultNetworkPolicy` in `defaulting.ts`; the error
 * shape and its formatting are in `field-error.ts`.
 */
import { Cidr, CidrError, exceptError, parseCidr, parseCidrLenient } from './cidr';
import { ErrorCollector } from './error-collector';
import { PolicyError } from './field-error';
import { isObject, isSet, typeName } from './json-shape';
import {
  dnsLabelError,
  dnsSubdomainError,
  ianaServiceNameError,
  labelKeyError,
  labelValueError,
  portNumberError,
} from './names';

// ---------------------------------------------------------------------------------------------
// the schema of networking.k8s.io/v1 NetworkPolicy, for strict decoding

const OBJECT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const METADATA_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];
const SPEC_FIELDS = ['podSelector', 'ingress', 'egress', 'policyTypes'];
const INGRESS_RULE_FIELDS = ['ports', 'from'];
const EGRESS_RULE_FIELDS = ['ports', 'to'];
const PEER_FIELDS = ['podSelector', 'namespaceSelector', 'ipBlock'];
const IPBLOCK_FIELDS = ['cidr', 'except'];
const PORT_FIELDS = ['protocol', 'port', 'endPort'];
const SELECTOR_FIELDS = ['matchLabels', 'matchExpressions'];
const REQUIREMENT_FIELDS = ['key', 'operator', 'values'];

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const API_VERSION = 'networking.k8s.io/v1';

/**
 * Errors kept for one object: one more than the CLI prints (`LIMITS.maxErrors`, 50, in
 * src/manifests/limits.ts), so that it can tell there are more. Past it, errors are only
 * counted: an aliased list of a million invalid peers costs a walk, never a million messages.
 */
export const MAX_POLICY_ERRORS = 51;

/** Options of `validateNetworkPolicy` and `checkNetworkPolicy`. */
export interface ValidateOptions {
  /** errors kept, the first in field order (default `MAX_POLICY_ERRORS`); the rest are counted */
  readonly maxErrors?: number;
}

/** What `checkNetworkPolicy` found: the first errors, and how many there are in all. */
export interface PolicyCheck {
  /** at most `maxErrors` errors, in field order */
  readonly errors: PolicyError[];
  /** every error found, kept or not */
  readonly total: number;
}

/** Collects errors while walking one NetworkPolicy (see `ErrorCollector`). */
class Collector extends ErrorCollector {
  public unsupported(field: string, value: unknown, supported: readonly string[], hint?: string): void {
    if (this.full) { this.total++; return; }
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    this.add({ type: 'Unsupported', field, value, message: `supported values: ${list}${hint ?? ''}` });
  }

  /** Reports fields that the type does not have (strict decoding). */
  public unknownFields(path: string, obj: Record<string, unknown>, known: readonly string[], wrongPlace?: Record<string, string>): void {
    this.unknownKeys(path, obj, known, path || 'a NetworkPolicy', wrongPlace);
  }

  /** Checks that a set value is a list; reports and returns false otherwise. */
  public expectList(field: string, v: unknown): v is unknown[] {
    if (Array.isArray(v)) return true;
    this.invalid(field, v, `must be a list, not ${typeName(v)}`);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Validates one NetworkPolicy manifest object as the API server would (strict field validation,
 * then `ValidateNetworkPolicy`). Returns the errors found, in field order, at most
 * `options.maxErrors` (default `MAX_POLICY_ERRORS`; `checkNetworkPolicy` also counts the rest);
 * `[]` means valid. Never throws, whatever the input; costs time linear in the object's size.
 */
export function validateNetworkPolicy(obj: any, options: ValidateOptions = {}): PolicyError[] {
  return checkNetworkPolicy(obj, options).errors;
}

/** `validateNetworkPolicy`, and the count of every error, including those not kept. */
export function checkNetworkPolicy(obj: any, options: ValidateOptions = {}): PolicyCheck {
  const c = new Collector(Math.max(0, options.maxErrors ?? MAX_POLICY_ERRORS));
  walkNetworkPolicy(c, obj);
  return { errors: c.errors, total: c.total };
}

function walkNetworkPolicy(c: Collector, obj: any): void {
  if (!isObject(obj)) {
    c.invalid('', obj, `a NetworkPolicy must be an object, not ${typeName(obj)}`);
    return;
  }
  c.unknownFields('', obj, OBJECT_FIELDS);
  if (isSet(obj.apiVersion) && obj.apiVersion !== API_VERSION) {
    c.unsupported('apiVersion', obj.apiVersion, [API_VERSION]);
  }
  if (isSet(obj.kind) && obj.kind !== 'NetworkPolicy') {
    c.unsupported('kind', obj.kind, ['NetworkPolicy']);
  }
  validateMetadata(c, obj.metadata);
  if (isSet(obj.spec) && c.expectObject('spec', obj.spec)) {
    validateSpec(c, obj.spec);
  }
}

function validateMetadata(c: Collector, meta: unknown): void {
  if (!isSet(meta)) {
    c.required('metadata.name', 'name or generateName is required');
    return;
  }
  if (!c.expectObject('metadata', meta)) return;
  c.unknownFields('metadata', meta, METADATA_FIELDS);

  const { name, generateName, namespace } = meta;
  if (!isSet(name) || name === '') {
    if (!isSet(generateName) || generateName === '') {
      c.required('metadata.name', 'name or generateName is required');
    } else if (typeof generateName !== 'string') {
      c.invalid('metadata.generateName', generateName, 'must be a string');
    } else {
      // a prefix: the random suffix makes a trailing '-' or '.' fine
      const err = dnsSubdomainError(generateName.replace(/[-.]+$/, '') || 'x');
      if (err) c.invalid('metadata.generateName', generateName, err);
    }
  } else if (typeof name !== 'string') {
    c.invalid('metadata.name', name, `must be a string, not ${typeName(name)}`);
  } else {
    const err = dnsSubdomainError(name);
    if (err) c.invalid('metadata.name', name, err + lowerCaseHint(name, dnsSubdomainError));
  }

  // a missing namespace means the one kubectl is pointed at (`default` for this project)
  if (isSet(namespace) && namespace !== '') {
    if (typeof namespace !== 'string') {
      c.invalid('metadata.namespace', namespace, `must be a string, not ${typeName(namespace)}`);
    } else {
      const err = dnsLabelError(namespace);
      if (err) c.invalid('metadata.namespace', namespace, err + lowerCaseHint(namespace, dnsLabelError));
    }
  }

  if (isSet(meta.labels) && c.expectObject('metadata.labels', meta.labels)) {
    c.labelMap('metadata.labels', meta.labels);
  }
  if (isSet(meta.annotations) && c.expectObject('metadata.annotations', meta.annotations)) {
    for (const [key, value] of Object.entries(meta.annotations)) {
      const err = labelKeyError(key);
      if (err) c.invalid('metadata.annotations', key, err);
      if (typeof value !== 'string') c.invalid(`metadata.annotations[${key}]`, value, `must be a string, not ${typeName(value)}`);
    }
  }
}

/** ` Did you mean "foo"?` when the lower-case form of a name would be valid. */
function lowerCaseHint(value: string, check: (v: string) => string | undefined): string {
  const lower = value.toLowerCase();
  return lower !== value && !check(lower) ? `. Did you mean "${lower}"?` : '';
}

function validateSelector(c: Collector, path: string, sel: unknown): void {
  if (!c.expectObject(path, sel)) return;
  c.unknownFields(path, sel, SELECTOR_FIELDS);
  if (isSet(sel.matchLabels) && c.expectObject(`${path}.matchLabels`, sel.matchLabels)) {
    c.labelMap(`${path}.matchLabels`, sel.matchLabels);
  }
  if (isSet(sel.matchExpressions) && c.expectList(`${path}.matchExpressions`, sel.matchExpressions)) {
    sel.matchExpressions.forEach((expr: unknown, i: number) => {
      validateRequirement(c, `${path}.matchExpressions[${i}]`, expr);
    });
  }
}

function validateRequirement(c: Collector, path: string, expr: unknown): void {
  if (!c.expectObject(path, expr)) return;
  c.unknownFields(path, expr, REQUIREMENT_FIELDS);
  const { key, operator } = expr;
  let values: unknown[] = [];
  if (isSet(expr.values) && c.expectList(`${path}.values`, expr.values)) values = expr.values;

  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) c.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'");
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) c.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
  } else if (!isSet(operator) || operator === '') {
    c.invalid(`${path}.operator`, '', `not a valid selector operator; supported values: ${OPERATORS.map((o) => `"${o}"`).join(', ')}`);
  } else {
    const fixed = typeof operator === 'string' ? OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase()) : undefined;
    const hint = fixed ? `. Did you mean "${fixed}"? (operators are case-sensitive)` : `; supported values: ${OPERATORS.map((o) => `"${o}"`).join(', ')}`;
    c.invalid(`${path}.operator`, operator, `not a valid selector operator${hint}`);
  }

  if (typeof key !== 'string') {
    if (!isSet(key)) c.invalid(`${path}.key`, '', labelKeyError('') as string);
    else c.invalid(`${path}.key`, key, `must be a string, not ${typeName(key)}`);
  } else {
    const err = labelKeyError(key);
    if (err) c.invalid(`${path}.key`, key, err);
  }

  values.forEach((v, i) => {
    if (typeof v !== 'string') {
      c.invalid(`${path}.values[${i}]`, v, `must be a string, not ${typeName(v)}`);
      return;
    }
    const err = labelValueError(v);
    if (err) c.invalid(`${path}.values[${i}]`, v, err);
  });
}

function validateSpec(c: Collector, spec: Record<string, any>): void {
  c.unknownFields('spec', spec, SPEC_FIELDS, {
    from: 'not a field of spec: `from` belongs in a rule, e.g. `ingress: [{ from: [...] }]`',
    to: 'not a field of spec: `to` belongs in a rule, e.g. `egress: [{ to: [...] }]`',
    ports: 'not a field of spec: `ports` belongs in a rule, e.g. `ingress: [{ ports: [...] }]`',
  });
  // podSelector is required in the type, but a missing one decodes as {} (every pod)
  if (isSet(spec.podSelector)) validateSelector(c, 'spec.podSelector', spec.podSelector);

  for (const dir of ['ingress', 'egress'] as const) {
    const rules = spec[dir];
    if (!isSet(rules) || !c.expectList(`spec.${dir}`, rules)) continue;
    const peersKey = dir === 'ingress' ? 'from' : 'to';
    const otherKey = dir === 'ingress' ? 'to' : 'from';
    rules.forEach((rule: unknown, i: number) => {
      const rulePath = `spec.${dir}[${i}]`;
      if (!isSet(rule)) return; // `- ` (null) decodes as an empty rule
      if (!c.expectObject(rulePath, rule)) return;
      c.unknownFields(rulePath, rule, dir === 'ingress' ? INGRESS_RULE_FIELDS : EGRESS_RULE_FIELDS, {
        [otherKey]: `an ${dir} rule has \`${peersKey}\`, not \`${otherKey}\``,
      });
      if (isSet(rule.ports) && c.expectList(`${rulePath}.ports`, rule.ports)) {
        rule.ports.forEach((port: unknown, j: number) => validatePort(c, `${rulePath}.ports[${j}]`, port));
      }
      const peers = rule[peersKey];
      if (isSet(peers) && c.expectList(`${rulePath}.${peersKey}`, peers)) {
        peers.forEach((peer: unknown, j: number) => validatePeer(c, `${rulePath}.${peersKey}[${j}]`, peer));
      }
    });
  }

  const types = spec.policyTypes;
  if (isSet(types) && c.expectList('spec.policyTypes', types)) {
    if (types.length > POLICY_TYPES.length) {
      c.invalid('spec.policyTypes', types, 'may not specify more than two policyTypes');
      return;
    }
    types.forEach((t: unknown, i: number) => {
      if (POLICY_TYPES.includes(t as string)) return;
      const fixed = typeof t === 'string' ? POLICY_TYPES.find((p) => p.toLowerCase() === t.toLowerCase()) : undefined;
      c.unsupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES, fixed ? `. Did you mean "${fixed}"?` : undefined);
    });
  }
}

function validatePort(c: Collector, path: string, port: unknown): void {
  if (!isSet(port)) return; // `- ` decodes as {} (every port of TCP, after defaulting)
  if (!c.expectObject(path, port)) return;
  c.unknownFields(path, port, PORT_FIELDS);
  const { protocol, endPort } = port;
  const p = port.port;

  if (isSet(protocol) && !PROTOCOLS.includes(protocol)) {
    const fixed = typeof protocol === 'string' ? PROTOCOLS.find((x) => x === protocol.toUpperCase()) : undefined;
    c.unsupported(`${path}.protocol`, protocol, PROTOCOLS, fixed ? `. Did you mean "${fixed}"? (protocols are case-sensitive)` : undefined);
  }

  const endPortIsInt = typeof endPort === 'number' && Number.isInteger(endPort);
  if (isSet(endPort) && !endPortIsInt) {
    c.invalid(`${path}.endPort`, endPort, 'must be an integer');
  }

  if (!isSet(p)) {
    if (isSet(endPort)) c.invalid(`${path}.endPort`, endPort, 'may not be specified when `port` is not specified');
    return;
  }
  if (typeof p === 'number') {
    if (!Number.isInteger(p)) {
      c.invalid(`${path}.port`, p, 'must be an integer or a port name');
      return;
    }
    const err = portNumberError(p);
    if (err) c.invalid(`${path}.port`, p, err);
    if (isSet(endPort) && endPortIsInt) {
      if (endPort < p) c.invalid(`${path}.endPort`, endPort, 'must be greater than or equal to `port`');
      const endErr = portNumberError(endPort);
      if (endErr) c.invalid(`${path}.endPort`, endPort, endErr);
    }
  } else if (typeof p === 'string') {
    if (isSet(endPort)) c.invalid(`${path}.endPort`, endPort, 'may not be specified when `port` is non-numeric');
    const err = ianaServiceNameError(p);
    if (err) {
      const hint = /^[0-9]+$/.test(p) ? `. Did you mean the number ${Number(p)}? (numeric ports must not be quoted)` : '';
      c.invalid(`${path}.port`, p, err + hint);
    }
  } else {
    c.invalid(`${path}.port`, p, `must be a port number or a port name, not ${typeName(p)}`);
  }
}

function validatePeer(c: Collector, path: string, peer: unknown): void {
  if (!isSet(peer)) {
    c.required(path, 'must specify a peer');
    return;
  }
  if (!c.expectObject(path, peer)) return;
  c.unknownFields(path, peer, PEER_FIELDS);
  let count = 0;
  if (isSet(peer.podSelector)) {
    count++;
    validateSelector(c, `${path}.podSelector`, peer.podSelector);
  }
  if (isSet(peer.namespaceSelector)) {
    count++;
    validateSelector(c, `${path}.namespaceSelector`, peer.namespaceSelector);
  }
  if (isSet(peer.ipBlock)) {
    count++;
    validateIpBlock(c, `${path}.ipBlock`, peer.ipBlock);
  }
  if (count === 0) {
    c.required(path, 'must specify a peer');
  } else if (count > 1 && isSet(peer.ipBlock)) {
    c.forbidden(path, 'may not specify both ipBlock and another peer');
  }
}

/** Upstream words for the reasons `parseCidrLenient` gives a CIDR that strict parsing rejects. */
function strictCidrMessage(reason: string): string {
  if (reason.includes('leading zeros')) return 'must not have leading 0s in IP or prefix length';
  if (reason.includes('IPv4-mapped')) return 'must not have an IPv4-mapped IPv6 address';
  return reason;
}

/** Parses one CIDR field, reporting what is wrong; returns the network when it can be parsed at all. */
function checkCidr(c: Collector, path: string, text: unknown): Cidr | undefined {
  if (typeof text !== 'string') {
    c.invalid(path, text, `must be a string, not ${typeName(text)}`);
    return undefined;
  }
  try {
    const { cidr, nonCanonical } = parseCidrLenient(text);
    if (nonCanonical) {
      const suggestion = strictSuggestion(text);
      c.invalid(path, text, strictCidrMessage(nonCanonical) + (suggestion ? `. Did you mean "${suggestion}"?` : ''));
    }
    return cidr;
  } catch (e) {
    const hint = e instanceof CidrError && e.suggestion ? `. Did you mean "${e.suggestion}"?` : '';
    c.invalid(path, text, `must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)${hint}`);
    return undefined;
  }
}

/** The canonical CIDR that the strict parser suggests for a non-canonical one. */
function strictSuggestion(text: string): string | undefined {
  try {
    parseCidr(text);
    return undefined;
  } catch (e) {
    return e instanceof CidrError ? e.suggestion : undefined;
  }
}

function validateIpBlock(c: Collector, path: string, block: unknown): void {
  if (!c.expectObject(path, block)) return;
  c.unknownFields(path, block, IPBLOCK_FIELDS);
  if (!isSet(block.cidr) || block.cidr === '') {
    c.required(`${path}.cidr`, '');
    return;
  }
  const cidr = checkCidr(c, `${path}.cidr`, block.cidr);
  if (!isSet(block.except) || !c.expectList(`${path}.except`, block.except)) return;
  block.except.forEach((text: unknown, i: number) => {
    const exceptPath = `${path}.except[${i}]`;
    const except = checkCidr(c, exceptPath, text);
    if (!cidr || !except) return;
    if (!exceptError(cidr, except)) return;
    let detail: string;
    if (cidr.family !== except.family) detail = `: "${cidr.text}" is IPv${cidr.family}, this is IPv${except.family}`;
    else if (except.prefix <= cidr.prefix && except.first <= cidr.first && cidr.last <= except.last) detail = ` "${cidr.text}": it covers all of it`;
    else detail = ` "${cidr.text}"`;
    c.invalid(exceptPath, text, `must be a strict subset of \`cidr\`${detail}`);
  });
}
