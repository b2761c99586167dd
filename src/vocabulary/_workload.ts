/**
 * cdk8s-plus-28 interop: what a cdk8s-plus pod selector (`Deployment`, `StatefulSet`,
 * `DaemonSet`, `Job`, `CronJob`, `Pod`, `Pods.select(...)`, anything implementing `IPodSelector`)
 * selects, as this library's data model. Read when called, so labels added to a workload after a
 * peer was created are seen at synth time. Not part of the public API.
 */
import { IPodSelector } from 'cdk8s-plus-28';
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

/** What a cdk8s-plus pod selector selects. */
export interface WorkloadSelection {
  /** The pods (by label). */
  readonly pods: SelectorModel;
  /** Where: one namespace by name, namespaces by labels, all, or the policy's own (unknown). */
  readonly namespaces: NamespaceScope;
}

/** Anything with labels (cdk8s `ApiObjectMetadataDefinition`). */
interface LabelledMetadata {
  readonly labels?: Record<string, string>;
  readonly namespace?: string;
}

/** A cdk8s-plus `AbstractPod` (Pod and every Workload), duck-typed to survive duplicate copies. */
interface PodLike {
  readonly podMetadata: LabelledMetadata;
  readonly metadata: LabelledMetadata;
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

function isPodLike(w: unknown): w is PodLike {
  const x = w as any;
  return x !== null && typeof x === 'object'
    && x.podMetadata !== undefined && typeof x.podMetadata === 'object'
    && x.metadata !== undefined && typeof x.metadata === 'object';
}

/** A readable name for the construct in messages: `Deployment "shop/web"`. */
export function describeWorkload(w: IPodSelector): string {
  const kind = (w as any)?.constructor?.name ?? 'IPodSelector';
  const path = (w as any)?.node?.path;
  return path !== undefined ? `${kind} ${quote(path)}` : kind;
}

function expressionsOf(raw: readonly { key: string; operator: string; values?: string[] }[] | undefined): LabelExpression[] {
  return (raw ?? []).map((e) => ({
    key: e.key,
    operator: e.operator as LabelOperator,
    ...(e.values !== undefined && e.values.length > 0 ? { values: [...e.values] } : {}),
  }));
}

/**
 * Which pods a cdk8s-plus pod selector means, and in which namespaces.
 *
 * - Pods and workloads: the labels of their pods (pod template), without cdk8s-plus's hashed
 *   address label; only when the pods carry no other label, the workload's own selector
 *   (`matchLabels` / `matchExpressions`, by default that address label). Their namespace is the
 *   one of the object (explicit, or its chart's); none known means the policy's own namespace.
 * - `Pods.select(...)` and other `IPodSelector`s: their label selector and namespaces.
 *
 * @param where names the caller in error messages, e.g. `Peer.workload()`
 */
export function selectWorkload(w: IPodSelector, where: string): WorkloadSelection {
  if (w === undefined || w === null || typeof w !== 'object') {
    throw new Error(`Invalid ${where} argument ${quote(w)}: must be a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job, Pod) or Pods.select(...)`);
  }
  if (isPodLike(w)) return selectPodLike(w, where, describeWorkload(w));
  if (typeof (w as any).toPodSelectorConfig === 'function') return selectByConfig(w, where);
  throw new Error(`Invalid ${where} argument ${describeWorkload(w)}: must be a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job, Pod) or Pods.select(...), i.e. implement IPodSelector`);
}

function selectPodLike(w: PodLike, where: string, what: string): WorkloadSelection {
  const labels: Record<string, string> = { ...(w.podMetadata.labels ?? {}) };
  delete labels[CDK8S_ADDRESS_LABEL];
  let pods: SelectorModel;
  if (Object.keys(labels).length > 0) {
    pods = makeSelector(labels, undefined, `${where} ${what} pod`);
  } else if (w.matchLabels !== undefined || w.matchExpressions !== undefined) {
    // a workload whose pods carry no label of the user's: its own selector
    pods = makeSelector(w.matchLabels ?? {}, expressionsOf(w.matchExpressions), `${where} ${what} selector`);
  } else {
    const address = w.podMetadata.labels?.[CDK8S_ADDRESS_LABEL];
    pods = makeSelector(address !== undefined ? { [CDK8S_ADDRESS_LABEL]: address } : {}, undefined, `${where} ${what} pod`);
  }
  if (isEmptySelector(pods)) {
    throw new Error(`Invalid ${where} argument ${what}: its pods carry no label, so no selector can tell them apart. ` +
      "Give them one, e.g. podMetadata: { labels: { app: 'web' } }");
  }
  const ns = w.metadata.namespace;
  return { pods, namespaces: ns !== undefined ? { kind: 'name', name: ns } : { kind: 'policy' } };
}

function selectByConfig(w: IPodSelector, where: string): WorkloadSelection {
  const what = describeWorkload(w);
  const config = w.toPodSelectorConfig();
  const raw = (config.labelSelector as any)?._toKube?.() ?? {};
  const pods = makeSelector(raw.matchLabels, expressionsOf(raw.matchExpressions), `${where} ${what}`);
  const nsConfig = config.namespaces;
  if (nsConfig === undefined) return { pods, namespaces: { kind: 'policy' } };
  const nsRaw = (nsConfig.labelSelector as any)?._toKube?.() ?? {};
  const names = [...new Set(nsConfig.names ?? [])].sort();
  const nsLabels: Record<string, string> = { ...(nsRaw.matchLabels ?? {}) };
  const nsExpressions = expressionsOf(nsRaw.matchExpressions);
  const hasLabels = Object.keys(nsLabels).length > 0 || nsExpressions.length > 0;
  if (names.length === 1 && !hasLabels) return { pods, namespaces: { kind: 'name', name: names[0] } };
  if (names.length === 1) nsLabels[NAMESPACE_NAME_LABEL] = names[0];
  if (names.length > 1) nsExpressions.push({ key: NAMESPACE_NAME_LABEL, operator: LabelOperator.IN, values: names });
  const selector = makeSelector(nsLabels, nsExpressions, `${where} ${what} namespaces`);
  return { pods, namespaces: isEmptySelector(selector) ? { kind: 'all' } : { kind: 'selector', selector } };
}
