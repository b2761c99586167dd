/**
 * `cdk8s-netpol migrate PATHS... [--all] [--format yaml|json] [-o FILE]`: network-policy-api
 * v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy objects as the v1alpha2
 * ClusterNetworkPolicy objects that mean the same (`migrateClusterPolicy`, in `src/k8s`), written
 * as YAML (or a JSON `List`). This module reads, checks across objects (names, the baseline's
 * priority) and writes.
 *
 * The manifest reader, the conversion and the YAML writer are required when the command runs.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CliError, CommandContext, CommandSpec, EXIT_INPUT, EXIT_OK } from './framework';
import { formatOption, outputOption } from './options';
import { writeOutput } from './output';
import { jsonText, plural } from '../text';

export const MIGRATE: CommandSpec = {
  name: 'migrate',
  summary: 'Convert v1alpha1 AdminNetworkPolicy/BaselineAdminNetworkPolicy to v1alpha2 ClusterNetworkPolicy.',
  usage: 'PATHS... [--all] [--format yaml|json] [-o FILE]',
  description: `PATHS are files, directories (read recursively: *.yaml, *.yml, *.json) and - for
standard input, read as the other commands read them.

Every policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy becomes a v1alpha2
ClusterNetworkPolicy of tier Admin with the same name and priority; the
BaselineAdminNetworkPolicy "default" becomes one of tier Baseline, priority 1000 (the last of
the tier), named baseline-default (--baseline-name). Allow becomes Accept; ports become
protocols (portNumber and portRange: destinationPort number or range of tcp, udp or sctp;
namedPort: destinationNamedPort); subjects, peers, rule names, labels and annotations are kept
as written. Verdicts are the same before and after (the engine proves it on upstream's test
data). Each converted object is preceded by a comment naming the object it came from.

Printed: the converted objects only; with --all, every object of the input, in its order, with
the v1alpha1 policies replaced by their conversion (the others unchanged: delete the old
policies from the cluster yourself once the new ones are applied).

Refused, naming the file, line, object, field and value (exit 2): an invalid v1alpha1 policy; a
policy v1alpha2 cannot hold (more than 25 rules of a direction, or 25 peers or ports in a rule:
v1alpha1 allowed 100); two objects that would become one ClusterNetworkPolicy name; a Baseline
ClusterNetworkPolicy of priority 1000 in the input (the converted baseline must come after it).`,
  options: [
    formatOption(['yaml', 'json'], 'yaml'),
    outputOption('write the converted objects to FILE instead of stdout'),
    { name: 'all', type: 'flag', description: 'also print every other object of the input, unchanged, in its order' },
    {
      name: 'baseline-name',
      type: 'string',
      placeholder: 'NAME',
      default: 'baseline-default',
      description: 'the name of the ClusterNetworkPolicy the BaselineAdminNetworkPolicy "default" becomes',
    },
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  exitCodes: '0 converted, 2 unreadable or invalid input, a policy that cannot be converted, or bad usage',
  examples: [
    'cdk8s-netpol migrate cluster-policies/ -o cluster-network-policies.yaml',
    'kubectl get adminnetworkpolicies,baselineadminnetworkpolicies -o yaml | cdk8s-netpol migrate -',
    'cdk8s-netpol migrate dist/ --all -o dist-v1alpha2.yaml',
  ],
  load: () => ({ run }),
};

export function run(ctx: CommandContext): number {
  const { describeObject, docLocation, fieldLocation, ManifestError, readInputs } = require('../manifests') as typeof import('../manifests');
  const { formatPolicyError, isClusterPolicyObject } = require('../k8s') as typeof import('../k8s');
  const { isV1alpha1ClusterPolicy, migrateClusterPolicy, MIGRATED_BASELINE_PRIORITY } =
    require('../k8s/migrate-cluster-policy') as typeof import('../k8s/migrate-cluster-policy');
  const { writeYamlStream, YamlWriteError } = require('../manifests/yaml-writer') as typeof import('../manifests/yaml-writer');
  type Doc = import('../manifests').ManifestDoc;

  const paths = ctx.args.positionals;
  let docs: Doc[];
  try {
    docs = readInputs(paths, { stdin: ctx.io.stdin, onWarning: (w) => ctx.err(`warning: ${w}`) });
  } catch (e) {
    if (e instanceof ManifestError) throw new CliError(e.message, EXIT_INPUT);
    throw e;
  }
  const all = ctx.flag('all');
  const baselineName = ctx.str('baseline-name') ?? 'baseline-default';
  const found = docs.filter((d) => isV1alpha1ClusterPolicy(d.object));
  if (found.length === 0 && !all) {
    throw new CliError(`no policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy found in ${paths.join(' ')}`, EXIT_INPUT);
  }

  const errors: string[] = [];
  const converted = new Map<Doc, any>();
  for (const doc of found) {
    const result = migrateClusterPolicy(doc.object, { baselineName });
    for (const e of result.errors) errors.push(`${fieldLocation(doc, e.field)}: ${describeObject(doc.object)}: ${formatPolicyError(e)}`);
    if (result.object) converted.set(doc, result.object);
  }

  // across objects: one ClusterNetworkPolicy per name; the converted baseline last of its tier
  const names = new Map<string, Doc>();
  for (const doc of docs) {
    const object = converted.get(doc) ?? (isClusterPolicyObject(doc.object) && doc.object.kind === 'ClusterNetworkPolicy' ? doc.object : undefined);
    const name = object?.metadata?.name;
    if (typeof name !== 'string' || name === '') continue;
    const first = names.get(name);
    if (first) {
      errors.push(`${docLocation(doc)}: ${describeObject(doc.object)} would be ${describeObject(object)}, ` +
        `as ${describeObject(first.object)} at ${docLocation(first)} is: rename one of them${doc.object.kind === 'BaselineAdminNetworkPolicy' ? ' (--baseline-name)' : ''}`);
    } else {
      names.set(name, doc);
    }
  }
  const baseline = found.find((d) => d.object.kind === 'BaselineAdminNetworkPolicy');
  if (baseline) {
    for (const doc of docs) {
      const o = doc.object;
      if (o.kind !== 'ClusterNetworkPolicy' || o.spec?.tier !== 'Baseline' || o.spec?.priority !== MIGRATED_BASELINE_PRIORITY) continue;
      errors.push(`${fieldLocation(doc, 'spec.priority')}: ${describeObject(o)} has priority ${MIGRATED_BASELINE_PRIORITY} in the Baseline tier, ` +
        `where the converted ${describeObject(baseline.object)} (${docLocation(baseline)}) goes: the baseline came after every Baseline ClusterNetworkPolicy, ` +
        `and two policies of one priority are applied in an order upstream leaves to the implementation; give ${describeObject(o)} a lower priority`);
    }
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 50);
    if (errors.length > shown.length) shown.push(`... and ${plural(errors.length - shown.length, 'more error')}`);
    throw new CliError(shown.join('\n'), EXIT_INPUT);
  }

  const written = all ? docs : found;
  const out = written.map((doc) => {
    const object = converted.get(doc);
    return object
      ? { value: object, comments: [`converted from ${describeObject(doc.object)} (${docLocation(doc)}) by cdk8s-netpol migrate`] }
      : { value: doc.object };
  });
  // one document at a time, so that what YAML cannot hold is named by its object
  const yamlOf = (i: number) => {
    try {
      return writeYamlStream([out[i]]);
    } catch (e) {
      if (e instanceof YamlWriteError) throw new CliError(`${docLocation(written[i])}: ${describeObject(written[i].object)}: ${e.message}`, EXIT_INPUT);
      throw e;
    }
  };
  const text = ctx.str('format') === 'json'
    ? jsonText({ apiVersion: 'v1', kind: 'List', items: out.map((d) => d.value) }, 2) + '\n'
    : out.map((_, i) => yamlOf(i)).join('');
  const file = writeOutput(ctx, text);
  if (found.length === 0) ctx.err(`note: no v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy found: ${plural(docs.length, 'object')} passed through unchanged`);
  if (file) ctx.err(`wrote ${file}`);
  return EXIT_OK;
}
