/**
 * What every analysing command does first: read the PATHS, check every NetworkPolicy as the API
 * server would, and build the engine's inventory and analysis. Errors name the file, the object
 * and the field, one line each, and end the command with exit code 2.
 */
import { Analysis, AssumedDns, assumeDnsPods, DEFAULT_NAMESPACE, Inventory, WORKLOAD_KINDS } from '../engine';
import { CliError, CommandContext, EXIT_INPUT } from './framework';
import {
  checkClusterNetworkPolicy, checkNetworkPolicy, formatPolicyError, isClusterPolicyObject, PolicyError, unmodelledPolicyKind, validateWorkload,
} from '../k8s';
import {
  describeObject,
  docLocation,
  fieldLocation,
  LIMITS,
  ManifestDoc,
  ManifestError,
  readInputs,
} from '../manifests';
import { plural } from '../text';

/** Manifests read from the command line, checked, in the engine. */
export interface LoadedManifests {
  readonly docs: readonly ManifestDoc[];
  readonly inventory: Inventory;
}

/** At most this many error lines are printed (the count of the rest follows). */
const MAX_ERRORS = LIMITS.maxErrors;

/**
 * Reads and checks the manifests at `paths` (`-` is stdin) and puts them in an inventory.
 * Warnings (skipped files) go to stderr. Throws a `CliError` (exit 2) listing every invalid
 * NetworkPolicy field, or naming the file that cannot be read.
 */
export function loadManifests(ctx: CommandContext, paths: readonly string[]): LoadedManifests {
  let docs: ManifestDoc[];
  try {
    docs = readInputs(paths, { stdin: ctx.io.stdin, onWarning: (w) => ctx.err(`warning: ${w}`) });
  } catch (e) {
    if (e instanceof ManifestError) throw new CliError(e.message, EXIT_INPUT);
    throw e;
  }
  if (docs.length === 0) {
    throw new CliError(`no Kubernetes object found in ${paths.join(' ')}`, EXIT_INPUT);
  }

  // at most MAX_ERRORS lines are formatted; the rest are only counted
  const errors: string[] = [];
  let more = 0;
  for (const doc of docs) {
    const { errors: found, total } = validate(doc.object);
    for (const e of found) {
      if (errors.length < MAX_ERRORS) errors.push(`${fieldLocation(doc, e.at ?? e.field)}: ${describeObject(doc.object)}: ${formatPolicyError(e)}`);
      else more++;
    }
    more += total - found.length;
  }
  if (errors.length > 0) throw invalidInput(errors, more);

  reportUnanalyzed(ctx, docs);
  warnDuplicates(ctx, docs);
  const inventory = new Inventory();
  for (const doc of docs) {
    try {
      inventory.addManifest(doc.object);
    } catch (e) {
      errors.push(`${docLocation(doc)}: ${describeObject(doc.object)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (errors.length > 0) throw invalidInput(errors);
  return { docs, inventory };
}

/**
 * The API server's checks on what the analysis reads: every NetworkPolicy in full; Namespaces,
 * Pods and workloads in their names, labels and container ports. Objects of policy kinds the
 * analysis does not model are not validated (they are reported, see `reportUnanalyzed`).
 */
function validate(obj: any): { errors: readonly PolicyError[]; total: number } {
  if (unmodelledPolicyKind(obj)) return { errors: [], total: 0 };
  if (isClusterPolicyObject(obj)) return checkClusterNetworkPolicy(obj);
  if (obj.kind === 'NetworkPolicy') return checkNetworkPolicy(obj);
  if (obj.kind === 'Namespace' || obj.kind === 'Node' || WORKLOAD_KINDS[obj.kind]) {
    const errors = validateWorkload(obj);
    return { errors: errors.slice(0, MAX_ERRORS + 1), total: errors.length };
  }
  return { errors: [], total: 0 };
}


/**
 * Policies of kinds the analysis does not model (CiliumNetworkPolicy, Calico, Antrea,
 * EgressFirewall, ...) change what a real cluster allows: name each one read, and say that the command's
 * verdicts hold only for the policies it models. With `--unanalyzed-policies error` their
 * presence ends the command (exit 2).
 */
function reportUnanalyzed(ctx: CommandContext, docs: readonly ManifestDoc[]): void {
  const found = docs.filter((d) => unmodelledPolicyKind(d.object));
  if (found.length === 0) return;
  const lines = found.map((d) => `  ${docLocation(d)}: ${describeUnanalyzed(d.object)} (enforced by ${unmodelledPolicyKind(d.object)!.enforcedBy})`);
  const shown = lines.slice(0, MAX_ERRORS);
  if (lines.length > MAX_ERRORS) shown.push(`  ... and ${lines.length - MAX_ERRORS} more`);
  const count = plural(found.length, 'policy', 'policies');
  if (ctx.str('unanalyzed-policies') === 'error') {
    throw new CliError([`${count} of kinds this tool does not analyze (--unanalyzed-policies error):`, ...shown].join('\n'), EXIT_INPUT);
  }
  ctx.err([
    `warning: ${count} of kinds this tool does not analyze ${found.length === 1 ? 'was' : 'were'} read and left out: ` +
    'what this command reports holds only for the policies it models (Kubernetes NetworkPolicies and the cluster tiers), and a cluster that enforces these may allow less (or more):',
    ...shown,
  ].join('\n'));
}

/** `CiliumNetworkPolicy shop/x`; cluster-scoped kinds (no namespace written) without one. */
function describeUnanalyzed(obj: any): string {
  const meta = obj.metadata ?? {};
  if (meta.namespace) return describeObject(obj);
  const name = meta.name || (meta.generateName ? `${meta.generateName}*` : '(unnamed)');
  return `${obj.kind} ${name}`;
}

/**
 * Two NetworkPolicies (or two workloads of one kind) with one `namespace/name`: the API server
 * keeps the last one applied, and so does the engine. Say so, with both places. Objects of
 * different kinds are different objects (a Deployment and a StatefulSet `shop/db` are two
 * endpoints), and objects with only `generateName` are each a new object.
 */
function warnDuplicates(ctx: CommandContext, docs: readonly ManifestDoc[]): void {
  const seen = new Map<string, ManifestDoc>();
  for (const doc of docs) {
    const kind = doc.object.kind;
    const isPolicy = kind === 'NetworkPolicy';
    const isCluster = isClusterPolicyObject(doc.object);
    if (!isPolicy && !isCluster && !WORKLOAD_KINDS[kind]) continue;
    const meta = doc.object.metadata ?? {};
    if (!meta.name) continue; // generateName: the API server makes a new name for each
    const id = isCluster ? `${meta.name}` : `${meta.namespace || DEFAULT_NAMESPACE}/${meta.name}`;
    const key = `${kind} ${id}`;
    const first = seen.get(key);
    if (first) {
      ctx.err(`warning: ${kind} ${id} is defined twice, at ${docLocation(first)} and ${docLocation(doc)}: the last one is used`);
    }
    seen.set(key, doc);
  }
}

function invalidInput(errors: string[], more = 0): CliError {
  const shown = errors.slice(0, MAX_ERRORS);
  const rest = more + Math.max(0, errors.length - MAX_ERRORS);
  if (rest > 0) shown.push(`... and ${plural(rest, 'more error')}`);
  return new CliError(shown.join('\n'), EXIT_INPUT);
}

/** What `loadAnalysis` adds to the input. */
export interface AnalysisInputOptions {
  /** honour `--assume-dns` (`ASSUME_DNS_OPTION`; default kube-dns): the command declares it */
  readonly assumedEndpoints?: boolean;
}

/**
 * `loadManifests`, then the engine's analysis (honours `--ipblock-matches-pods`, see `IPBLOCK_OPTION`,
 * and with `assumedEndpoints` `--assume-dns`: a stand-in for the DNS pods the input lacks).
 */
export function loadAnalysis(
  ctx: CommandContext, paths: readonly string[], options: AnalysisInputOptions = {},
): { loaded: LoadedManifests; analysis: Analysis } {
  const loaded = loadManifests(ctx, paths);
  // the stand-in's name says "(assumed)" wherever it is shown: no note of its own on stderr
  if (options.assumedEndpoints) assumeDnsPods(loaded.inventory, (ctx.str('assume-dns') ?? 'kube-dns') as AssumedDns);
  const analysis = new Analysis(loaded.inventory, { ipBlockMatchesPods: ctx.flag('ipblock-matches-pods') });
  warnPriorityConflicts(ctx, analysis);
  return { loaded, analysis };
}

/**
 * Two cluster policies of one tier at one priority whose order changes a verdict: the order is
 * implementation-defined upstream, so the engine's answer (by kind, then name) is one of two a
 * cluster may give. Say so, with a connection that shows it.
 */
function warnPriorityConflicts(ctx: CommandContext, analysis: Analysis): void {
  const conflicts = analysis.samePriorityConflicts();
  for (const c of conflicts.slice(0, MAX_ERRORS)) ctx.err(`warning: ${c.text}`);
  if (conflicts.length > MAX_ERRORS) ctx.err(`warning: ... and ${conflicts.length - MAX_ERRORS} more priority conflicts`);
}

/** Runs an engine call that fails on user input (an unknown endpoint): its error becomes exit 2. */
export function inputCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(e instanceof Error ? e.message : String(e), EXIT_INPUT);
  }
}

/**
 * The two sides of a diff, read and checked like any input, with their endpoints named alike:
 * a `namespace/name` that two kinds share on either side, or whose kind differs between the
 * sides (a Deployment replaced by a StatefulSet), is shown with its kind on both, so that an
 * endpoint keeps one name across the diff and a new object of another kind never hides behind
 * an old one.
 */
export function loadDiffSides(
  ctx: CommandContext, oldPaths: readonly string[], newPaths: readonly string[],
): { before: Inventory; after: Inventory } {
  const before = loadManifests(ctx, oldPaths).inventory;
  const after = loadManifests(ctx, newPaths).inventory;
  const kinds = new Map<string, Set<string>>();
  for (const pod of [...before.pods, ...after.pods]) {
    const id = `${pod.namespace}/${pod.name}`;
    kinds.set(id, (kinds.get(id) ?? new Set()).add(pod.workloadKind));
  }
  const shared = [...kinds].filter(([, k]) => k.size > 1).map(([id]) => id);
  before.qualifyNames(shared);
  after.qualifyNames(shared);
  return { before, after };
}
