/**
 * Workload interop: which pods a workload construct means, as this library's data model. A
 * workload is found at call time; its labels are read from the object it renders, at synth time,
 * so that labels added after a peer was created count. Not part of the public API.
 *
 * Nothing here imports cdk8s-plus: every major (28 to 33 were checked) renders its workloads as a
 * cdk8s `ApiObject` (the construct's `node.defaultChild`), whose `toJson()` is the manifest that
 * is applied, so reading that object works for every major, for plain cdk8s `ApiObject`s
 * (`KubeDeployment`, `new ApiObject(...)`) and for constructs wrapping one. Only
 * `Pods.select(...)`, which renders nothing, is read through its `toPodSelectorConfig()`.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { LabelExpression, LabelOperator } from './label-expression';
import { NAMESPACE_NAME_LABEL } from '../k8s';
import { NamespaceScope } from './_peer-model';
import { isEmptySelector, makeSelector, SelectorModel } from './_selector-model';
import { quote } from '../text';

/**
 * The label cdk8s-plus puts on every pod it creates (`cdk8s.io/metadata.addr`), whose value is a
 * path with a hash: used only when a workload's pods carry no other label.
 */
export const CDK8S_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/** A rendered object (`ApiObject.toJson()`), as far as it is read here. */
type Manifest = { readonly [key: string]: any };

/** A workload kind: the API groups it belongs to and where its pods are in the rendered object. */
interface WorkloadKind {
  /** `''` is the core group (`apiVersion: v1`) */
  readonly groups: readonly string[];
  /** the pod template (or the pod itself): the object whose `metadata.labels` the pods carry */
  readonly pods: (m: Manifest) => Manifest | undefined;
  /** the workload's own label selector, when it has one (a map for a ReplicationController) */
  readonly selector: (m: Manifest) => unknown;
}

const APPS = ['apps', 'extensions'];
const template = (m: Manifest) => m.spec?.template;
const specSelector = (m: Manifest) => m.spec?.selector;

/** The kinds whose pods a workload peer or selector can mean (the engine's endpoints too). */
const WORKLOAD_KINDS: Readonly<Record<string, WorkloadKind>> = {
  Deployment: { groups: APPS, pods: template, selector: specSelector },
  StatefulSet: { groups: ['apps'], pods: template, selector: specSelector },
  DaemonSet: { groups: APPS, pods: template, selector: specSelector },
  ReplicaSet: { groups: APPS, pods: template, selector: specSelector },
  Job: { groups: ['batch'], pods: template, selector: specSelector },
  CronJob: { groups: ['batch'], pods: (m) => m.spec?.jobTemplate?.spec?.template, selector: (m) => m.spec?.jobTemplate?.spec?.selector },
  Pod: { groups: [''], pods: (m) => m, selector: () => undefined },
  ReplicationController: { groups: [''], pods: template, selector: specSelector },
};

const KIND_NAMES = Object.keys(WORKLOAD_KINDS).join(', ');

/** What the workload factories accept, for error messages. */
export const ACCEPTED_WORKLOADS = 'a workload construct of cdk8s-plus (any major: Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod) ' +
  `or Pods.select(...), a cdk8s ApiObject of a workload kind (${KIND_NAMES}), ` +
  'or a construct holding one (as its node.defaultChild, or as its only workload ApiObject)';

/** The selector of `Pods.select(...)` (cdk8s-plus `IPodSelector`), duck-typed: any major. */
interface PodSelectorConfigSource extends IConstruct {
  toPodSelectorConfig(): {
    readonly labelSelector?: unknown;
    readonly namespaces?: { readonly labelSelector?: unknown; readonly names?: string[] };
  };
}

/** A workload found by `resolveWorkload()`: what was passed and what renders its pods. */
export interface WorkloadRef {
  /** what the caller passed */
  readonly given: IConstruct;
  /** `Deployment "shop/web"`, for messages */
  readonly description: string;
  /**
   * the same for every handle of the same pods: the path of the construct owning the object that
   * renders them (a cdk8s-plus workload, not its `Resource` child)
   */
  readonly identity: string;
  /** the construct whose id names the pods (the workload, not its `Resource` child) */
  readonly nameSource: IConstruct;
  /** the rendered workload; absent for `Pods.select(...)` */
  readonly object?: ApiObject;
  /** `Pods.select(...)`: read through its selector config */
  readonly podSelector?: PodSelectorConfigSource;
}

/** What a workload selects. */
export interface WorkloadSelection {
  /** The pods (by label). */
  readonly pods: SelectorModel;
  /** Where: one namespace by name, namespaces by labels, all, or the policy's own (unknown). */
  readonly namespaces: NamespaceScope;
}

function isConstruct(x: unknown): x is IConstruct {
  const node = (x as any)?.node;
  return typeof x === 'object' && x !== null && typeof node === 'object' && node !== null
    && typeof node.path === 'string' && typeof node.findAll === 'function';
}

function constructName(c: unknown): string {
  const name = (c as any)?.constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'construct';
}

/** `Deployment "shop/web"`, `KubeDeployment "shop/web/Resource"`, `ApiObject "shop/web" (kind "Deployment")`. */
function describeConstruct(c: IConstruct): string {
  const base = `${constructName(c)} ${quote(c.node.path)}`;
  if (!ApiObject.isApiObject(c)) return base;
  return constructName(c) === `Kube${c.kind}` ? base : `${base} (kind ${quote(c.kind)})`;
}

/** A value passed by an untyped caller, for messages: `"web"`, `a Peer "app=web"`, `{"app":"web"}`. */
function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && constructName(value) !== 'construct') {
    const text = typeof (value as any).toString === 'function' && (value as any).toString !== Object.prototype.toString ? String(value) : undefined;
    return `a ${constructName(value)}${text !== undefined ? ` ${quote(text, { max: 60 })}` : ''}`;
  }
  return quote(value, { max: 60 });
}

/** Whether an object renders a Kubernetes workload kind (by kind and API group). */
function isWorkloadObject(o: ApiObject): boolean {
  const kind = WORKLOAD_KINDS[o.kind];
  const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.indexOf('/')) : '';
  return kind !== undefined && kind.groups.includes(group);
}

/** What a non-workload object renders: `a Service`, `a Deployment of apiVersion "example.com/v1"`. */
function renders(o: ApiObject): string {
  return WORKLOAD_KINDS[o.kind] === undefined ? `a ${o.kind}` : `a ${o.kind} of apiVersion ${quote(o.apiVersion)}`;
}

function tryDefaultChild(c: IConstruct): IConstruct | undefined {
  try {
    return c.node.defaultChild;
  } catch {
    return undefined; // both a `Resource` and a `Default` child: no default
  }
}

/** The construct that names the pods of `object`: the one whose default child it is (a cdk8s-plus workload), else itself. */
function owner(object: ApiObject): IConstruct {
  let c: IConstruct = object;
  for (let parent = c.node.scope; parent !== undefined && !Chart.isChart(parent) && tryDefaultChild(parent) === c; parent = c.node.scope) c = parent;
  return c;
}

function fail(where: string, what: string, why: string): Error {
  return new Error(`Invalid ${where} argument ${what}: ${why}. Pass ${ACCEPTED_WORKLOADS}`);
}

/**
 * Finds the workload a construct stands for, or fails saying what was passed and what is
 * accepted. Called when a peer or a selector is created, so bad input fails there.
 *
 * Order: the construct itself when it is an `ApiObject`; its `node.defaultChild`, followed while
 * it leads to a workload (cdk8s-plus workloads, wrappers); `Pods.select(...)`; the only workload
 * `ApiObject` among its descendants. A chart or an app is refused: it is not one workload.
 *
 * @param where names the caller in error messages, e.g. `Peer.workload()`
 */
export function resolveWorkload(value: unknown, where: string): WorkloadRef {
  if (!isConstruct(value)) throw fail(where, describeValue(value), 'not a construct');
  const given = value;
  const description = describeConstruct(given);
  const found = (object: ApiObject, nameSource: IConstruct): WorkloadRef =>
    ({ given, description, identity: owner(object).node.path, nameSource, object });

  if (ApiObject.isApiObject(given)) {
    if (!isWorkloadObject(given)) throw fail(where, description, `it renders ${renders(given)}, not a workload`);
    return found(given, owner(given));
  }
  if (Chart.isChart(given) || given.node.scope === undefined) {
    throw fail(where, description, `a ${given.node.scope === undefined ? 'cdk8s app' : 'chart'} is not one workload; pass the workload itself`);
  }

  // the default child, followed (a cdk8s-plus workload's is the ApiObject it renders)
  let other: ApiObject | undefined; // a default child that is not a workload
  const seen = new Set<IConstruct>([given]);
  for (let c = tryDefaultChild(given); c !== undefined && !seen.has(c); c = tryDefaultChild(c)) {
    seen.add(c);
    if (!ApiObject.isApiObject(c)) continue;
    if (isWorkloadObject(c)) return found(c, given);
    other = c;
    break;
  }

  if (typeof (given as any).toPodSelectorConfig === 'function') {
    return { given, description, identity: given.node.path, nameSource: given, podSelector: given as PodSelectorConfigSource };
  }

  const workloads = given.node.findAll().filter((c): c is ApiObject => c !== given && ApiObject.isApiObject(c) && isWorkloadObject(c));
  if (workloads.length === 1) return found(workloads[0], given);
  if (workloads.length === 0) {
    throw fail(where, description, other !== undefined
      ? `it renders ${renders(other)} (its node.defaultChild ${describeConstruct(other)}), not a workload, and holds none`
      : 'it is not a workload and holds none');
  }
  const listed = workloads.slice(0, 5).map(describeConstruct).join(', ');
  throw fail(where, description, `it holds ${workloads.length} workloads (${listed}${workloads.length > 5 ? ', ...' : ''}), so which pods it means is ambiguous; ` +
    'pass one of them, or make it the construct\'s node.defaultChild');
}

/**
 * The namespace of a workload's pods, known when the peer or selector is created: the object's
 * `metadata.namespace` (its own, or its chart's, as cdk8s sets it); none known means the
 * policy's own namespace.
 */
export function workloadScope(ref: WorkloadRef, where: string): NamespaceScope {
  if (ref.podSelector !== undefined) return selectByConfig(ref, ref.podSelector, where, false).namespaces;
  const ns = ref.object!.metadata.namespace ?? Chart.of(ref.object!).namespace;
  return ns !== undefined ? { kind: 'name', name: ns } : { kind: 'policy' };
}

function expressionsOf(raw: unknown): LabelExpression[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((e: any) => ({
    key: e?.key,
    operator: e?.operator as LabelOperator,
    ...(Array.isArray(e?.values) && e.values.length > 0 ? { values: [...e.values] } : {}),
  }));
}

function labelMap(raw: unknown): Record<string, string> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, string>) } : {};
}

/** `ApiObject.toJson()`, its errors naming the workload. */
function render(ref: WorkloadRef, where: string): Manifest {
  try {
    return ref.object!.toJson();
  } catch (e) {
    throw new Error(`${where} ${ref.description}: cannot render the workload to read its pod labels: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * Which pods a workload means, and in which namespace, read now (at synth time).
 *
 * - A rendered workload: the labels of its pods as rendered (`spec.template.metadata.labels`;
 *   CronJob `spec.jobTemplate.spec.template.metadata.labels`; Pod `metadata.labels`), without
 *   cdk8s-plus's hashed address label. Only when the pods carry no other label: the workload's
 *   own `spec.selector`, else the address label. Its namespace: `metadata.namespace` as rendered
 *   (cdk8s writes the chart's there), else its chart's; none means the policy's own namespace.
 * - `Pods.select(...)`: its label selector and namespaces.
 *
 * @param where names the caller in error messages, e.g. `Peer.workload()`
 */
export function selectWorkload(ref: WorkloadRef, where: string): WorkloadSelection {
  if (ref.podSelector !== undefined) return selectByConfig(ref, ref.podSelector, where, true);
  const object = ref.object!;
  const manifest = render(ref, where);
  const kind = WORKLOAD_KINDS[object.kind];
  const rendered = labelMap(kind.pods(manifest)?.metadata?.labels);
  const labels = { ...rendered };
  delete labels[CDK8S_ADDRESS_LABEL];
  let pods: SelectorModel;
  if (Object.keys(labels).length > 0) {
    pods = makeSelector(labels, undefined, `${where} ${ref.description} pod`);
  } else {
    const own = kind.selector(manifest);
    // a ReplicationController's selector is a map; the other kinds' a LabelSelector
    pods = object.kind === 'ReplicationController'
      ? makeSelector(labelMap(own), undefined, `${where} ${ref.description} selector`)
      : makeSelector(labelMap((own as any)?.matchLabels), expressionsOf((own as any)?.matchExpressions), `${where} ${ref.description} selector`);
    if (isEmptySelector(pods) && rendered[CDK8S_ADDRESS_LABEL] !== undefined) {
      pods = makeSelector({ [CDK8S_ADDRESS_LABEL]: rendered[CDK8S_ADDRESS_LABEL] }, undefined, `${where} ${ref.description} pod`);
    }
  }
  if (isEmptySelector(pods)) {
    throw new Error(`Invalid ${where} argument ${ref.description}: its pods carry no label, so no selector can tell them apart. ` +
      'Give them one, e.g. labels: { app: \'web\' } in the pod template\'s metadata (cdk8s-plus: podMetadata)');
  }
  const ns = typeof manifest.metadata?.namespace === 'string' ? manifest.metadata.namespace : Chart.of(object).namespace;
  return { pods, namespaces: ns !== undefined ? { kind: 'name', name: ns } : { kind: 'policy' } };
}

function selectByConfig(ref: WorkloadRef, source: PodSelectorConfigSource, where: string, withPods: boolean): WorkloadSelection {
  const what = ref.description;
  const config = source.toPodSelectorConfig();
  const raw = (config.labelSelector as any)?._toKube?.() ?? {};
  const pods = withPods ? makeSelector(labelMap(raw.matchLabels), expressionsOf(raw.matchExpressions), `${where} ${what}`) : { labels: {}, expressions: [] };
  const nsConfig = config.namespaces;
  if (nsConfig === undefined) return { pods, namespaces: { kind: 'policy' } };
  const nsRaw = (nsConfig.labelSelector as any)?._toKube?.() ?? {};
  const names = [...new Set(nsConfig.names ?? [])].sort();
  const nsLabels = labelMap(nsRaw.matchLabels);
  const nsExpressions = expressionsOf(nsRaw.matchExpressions);
  const hasLabels = Object.keys(nsLabels).length > 0 || nsExpressions.length > 0;
  if (names.length === 1 && !hasLabels) return { pods, namespaces: { kind: 'name', name: names[0] } };
  if (names.length === 1) nsLabels[NAMESPACE_NAME_LABEL] = names[0];
  if (names.length > 1) nsExpressions.push({ key: NAMESPACE_NAME_LABEL, operator: LabelOperator.IN, values: names });
  const selector = makeSelector(nsLabels, nsExpressions, `${where} ${what} namespaces`);
  return { pods, namespaces: isEmptySelector(selector) ? { kind: 'all' } : { kind: 'selector', selector } };
}
