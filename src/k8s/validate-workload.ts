/**
 * The API server's checks on the parts of Namespaces, Pods and workloads that the analysis
 * reads: names (`metadata.name`, `generateName`, `metadata.namespace`), labels (the object's
 * and its pod template's), container ports, `hostNetwork` and `status.podIP`.
 *
 * The CLI runs on pull-request content and prints these values in reports that are posted as
 * comments, so a value the API server would reject must stop the command (exit 2) instead of
 * reaching a report. Only the fields the analysis reads are checked: a Deployment's replicas or
 * image are not this library's business (SEMANTICS.md section 2).
 *
 * Name rules (upstream `ValidateObjectMeta` with each kind's name function):
 * - Namespace: an RFC 1123 label (at most 63 characters);
 * - Node: an RFC 1123 subdomain (its labels are checked too: `nodes` peers select them);
 * - Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController: an RFC 1123
 *   subdomain (at most 253);
 * - Job: a subdomain of at most 63 characters (the name becomes the `job-name` label of its pods,
 *   a label value);
 * - CronJob: a subdomain of at most 52 characters (its Jobs add an 11-character suffix);
 * - `metadata.namespace` of a namespaced object: an RFC 1123 label.
 */
import { parseIp } from './cidr';
import { ErrorCollector } from './error-collector';
import { PolicyError } from './field-error';
import { isObject, isSet, typeName } from './json-shape';
import { dnsLabelError, dnsSubdomainError, ianaServiceNameError, portNumberError } from './names';

/** Where a workload kind keeps its pod template, as a field path (`''` for a Pod itself). */
export const POD_TEMPLATE_PATHS: Readonly<Record<string, string>> = {
  Pod: '',
  Deployment: 'spec.template',
  ReplicaSet: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  Job: 'spec.template',
  ReplicationController: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

const NAME_LIMITS: Readonly<Record<string, number>> = { Job: 63, CronJob: 52 };
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** The value at a dotted path of an object (`spec.template`), or undefined. */
function at(obj: unknown, path: string): unknown {
  let v: any = obj;
  for (const key of path ? path.split('.') : []) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/**
 * Checks a Namespace, a Pod or a workload (a kind of `POD_TEMPLATE_PATHS`) as the API server
 * would, in the fields the analysis reads. Returns every error, in field order; `[]` means
 * valid. Never throws, whatever the input.
 */
export function validateWorkload(obj: unknown): PolicyError[] {
  const errors: PolicyError[] = [];
  if (!isObject(obj)) {
    errors.push({ type: 'Invalid', field: '', value: obj, message: `must be an object, not ${typeName(obj)}` });
    return errors;
  }
  const kind = String(obj.kind);
  const meta = obj.metadata;
  if (!isObject(meta)) {
    if (isSet(meta)) errors.push({ type: 'Invalid', field: 'metadata', value: meta, message: `must be an object, not ${typeName(meta)}` });
    else errors.push({ type: 'Required', field: 'metadata.name', value: undefined, message: 'name or generateName is required' });
    return errors;
  }
  const nameCheck = kind === 'Namespace' ? dnsLabelError : (v: string) => subdomainOfAtMost(v, NAME_LIMITS[kind]);
  validateName(errors, meta, nameCheck);
  // Namespaces and Nodes are cluster-scoped: a namespace written on them is ignored by the API server
  if (kind !== 'Namespace' && kind !== 'Node') validateNamespace(errors, meta.namespace);
  validateLabels(errors, 'metadata.labels', meta.labels);
  if (kind === 'Namespace' || kind === 'Node') return errors;

  const templatePath = POD_TEMPLATE_PATHS[kind];
  if (templatePath === undefined) return errors;
  const template = at(obj, templatePath);
  const prefix = templatePath ? `${templatePath}.` : '';
  if (templatePath && isSet(template) && !isObject(template)) {
    errors.push({ type: 'Invalid', field: templatePath, value: template, message: `must be an object, not ${typeName(template)}` });
    return errors;
  }
  if (templatePath) validateLabels(errors, `${prefix}metadata.labels`, at(template, 'metadata.labels'));
  if (kind === 'Pod') {
    const podIP = at(obj, 'status.podIP');
    if (isSet(podIP) && podIP !== '' && (typeof podIP !== 'string' || !parseIp(podIP))) {
      errors.push({ type: 'Invalid', field: 'status.podIP', value: podIP, message: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' });
    }
  }
  const spec = at(template, 'spec');
  if (!isSet(spec)) return errors;
  if (!isObject(spec)) {
    errors.push({ type: 'Invalid', field: `${prefix}spec`, value: spec, message: `must be an object, not ${typeName(spec)}` });
    return errors;
  }
  if (isSet(spec.hostNetwork) && typeof spec.hostNetwork !== 'boolean') {
    errors.push({ type: 'Invalid', field: `${prefix}spec.hostNetwork`, value: spec.hostNetwork, message: `must be a boolean, not ${typeName(spec.hostNetwork)}` });
  }
  for (const list of ['containers', 'initContainers']) {
    validateContainers(errors, `${prefix}spec.${list}`, spec[list]);
  }
  return errors;
}

function subdomainOfAtMost(value: string, limit: number | undefined): string | undefined {
  const err = dnsSubdomainError(value);
  if (err || limit === undefined) return err;
  return value.length > limit ? `must be no more than ${limit} characters` : undefined;
}

function validateName(errors: PolicyError[], meta: Record<string, any>, check: (v: string) => string | undefined): void {
  const { name, generateName } = meta;
  if (!isSet(name) || name === '') {
    if (!isSet(generateName) || generateName === '') {
      errors.push({ type: 'Required', field: 'metadata.name', value: undefined, message: 'name or generateName is required' });
    } else if (typeof generateName !== 'string') {
      errors.push({ type: 'Invalid', field: 'metadata.generateName', value: generateName, message: `must be a string, not ${typeName(generateName)}` });
    } else {
      // a prefix: the API server adds five characters, so a trailing '-' is fine
      const err = check(generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName);
      if (err) errors.push({ type: 'Invalid', field: 'metadata.generateName', value: generateName, message: err });
    }
  } else if (typeof name !== 'string') {
    errors.push({ type: 'Invalid', field: 'metadata.name', value: name, message: `must be a string, not ${typeName(name)}` });
  } else {
    const err = check(name);
    if (err) errors.push({ type: 'Invalid', field: 'metadata.name', value: name, message: err });
  }
}

function validateNamespace(errors: PolicyError[], namespace: unknown): void {
  // a missing namespace means the one kubectl is pointed at (`default` for this project)
  if (!isSet(namespace) || namespace === '') return;
  if (typeof namespace !== 'string') {
    errors.push({ type: 'Invalid', field: 'metadata.namespace', value: namespace, message: `must be a string, not ${typeName(namespace)}` });
    return;
  }
  const err = dnsLabelError(namespace);
  if (err) errors.push({ type: 'Invalid', field: 'metadata.namespace', value: namespace, message: err });
}

function validateLabels(errors: PolicyError[], field: string, labels: unknown): void {
  if (!isSet(labels)) return;
  // the same checks, field paths and hints as the policy validators' (one label-map rule)
  const c = new ErrorCollector(Number.MAX_SAFE_INTEGER);
  if (c.expectObject(field, labels)) c.labelMap(field, labels);
  errors.push(...c.errors);
}

function validateContainers(errors: PolicyError[], field: string, containers: unknown): void {
  if (!isSet(containers)) return;
  if (!Array.isArray(containers)) {
    errors.push({ type: 'Invalid', field, value: containers, message: `must be a list, not ${typeName(containers)}` });
    return;
  }
  containers.forEach((c, i) => {
    if (!isObject(c)) {
      errors.push({ type: 'Invalid', field: `${field}[${i}]`, value: c, message: `must be an object, not ${typeName(c)}` });
      return;
    }
    if (!isSet(c.ports)) return;
    if (!Array.isArray(c.ports)) {
      errors.push({ type: 'Invalid', field: `${field}[${i}].ports`, value: c.ports, message: `must be a list, not ${typeName(c.ports)}` });
      return;
    }
    c.ports.forEach((p: unknown, j: number) => validateContainerPort(errors, `${field}[${i}].ports[${j}]`, p));
  });
}

function validateContainerPort(errors: PolicyError[], field: string, p: unknown): void {
  if (!isObject(p)) {
    errors.push({ type: 'Invalid', field, value: p, message: `must be an object, not ${typeName(p)}` });
    return;
  }
  if (!isSet(p.containerPort)) {
    errors.push({ type: 'Required', field: `${field}.containerPort`, value: undefined, message: '' });
  } else {
    const err = portNumberError(p.containerPort);
    if (err) errors.push({ type: 'Invalid', field: `${field}.containerPort`, value: p.containerPort, message: err });
  }
  if (isSet(p.name) && p.name !== '') {
    const err = typeof p.name === 'string' ? ianaServiceNameError(p.name) : `must be a string, not ${typeName(p.name)}`;
    if (err) errors.push({ type: 'Invalid', field: `${field}.name`, value: p.name, message: err });
  }
  if (isSet(p.protocol) && !PROTOCOLS.includes(p.protocol)) {
    const list = PROTOCOLS.map((s) => JSON.stringify(s)).join(', ');
    errors.push({ type: 'Unsupported', field: `${field}.protocol`, value: p.protocol, message: `supported values: ${list}` });
  }
}
