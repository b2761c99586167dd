/**
 * What every analysing command does first: read the PATHS, check every NetworkPolicy as the API
 * server would, and build the engine's inventory and analysis. Errors name the file, the object
 * and the field, one line each, and end the command with exit code 2.
 */
import { Analysis, DEFAULT_NAMESPACE, Inventory, WORKLOAD_KINDS } from '../engine';
import { CliError, CommandContext, EXIT_INPUT } from './framework';
import { formatPolicyError, validateNetworkPolicy } from '../k8s';
import {
  describeObject,
  docLocation,
  fieldLocation,
  ManifestDoc,
  ManifestError,
  readInputs,
} from '../manifests';

/** Manifests read from the command line, checked, in the engine. */
export interface LoadedManifests {
  readonly docs: readonly ManifestDoc[];
  readonly inventory: Inventory;
}

/** At most this many error lines are printed (the count of the rest follows). */
const MAX_ERRORS = 50;

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

  const errors: string[] = [];
  for (const doc of docs) {
    if (doc.object.kind !== 'NetworkPolicy') continue;
    for (const e of validateNetworkPolicy(doc.object)) {
      errors.push(`${fieldLocation(doc, e.field)}: ${describeObject(doc.object)}: ${formatPolicyError(e)}`);
    }
  }
  if (errors.length > 0) throw invalidInput(errors);

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
 * Two NetworkPolicies (or two workloads) with one `namespace/name`: the API server keeps the
 * last one applied, and so does the engine. Say so, with both places.
 */
function warnDuplicates(ctx: CommandContext, docs: readonly ManifestDoc[]): void {
  const seen = new Map<string, ManifestDoc>();
  for (const doc of docs) {
    const kind = doc.object.kind;
    const isPolicy = kind === 'NetworkPolicy';
    if (!isPolicy && !WORKLOAD_KINDS[kind]) continue;
    const meta = doc.object.metadata ?? {};
    const id = `${meta.namespace || DEFAULT_NAMESPACE}/${meta.name}`;
    const key = isPolicy ? `policy ${id}` : `workload ${id}`;
    const first = seen.get(key);
    if (first) {
      const what = isPolicy ? `NetworkPolicy ${id}` : `workload ${id} (${first.object.kind}, ${kind})`;
      ctx.err(`warning: ${what} is defined twice, at ${docLocation(first)} and ${docLocation(doc)}: the last one is used`);
    }
    seen.set(key, doc);
  }
}

function invalidInput(errors: string[]): CliError {
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS) shown.push(`... and ${errors.length - MAX_ERRORS} more errors`);
  return new CliError(shown.join('\n'), EXIT_INPUT);
}

/** `loadManifests`, then the engine's analysis (honours `--ipblock-matches-pods`, see `IPBLOCK_OPTION`). */
export function loadAnalysis(ctx: CommandContext, paths: readonly string[]): { loaded: LoadedManifests; analysis: Analysis } {
  const loaded = loadManifests(ctx, paths);
  const analysis = new Analysis(loaded.inventory, { ipBlockMatchesPods: ctx.flag('ipblock-matches-pods') });
  return { loaded, analysis };
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
