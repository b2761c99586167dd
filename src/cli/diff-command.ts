/**
 * `cdk8s-netpol diff OLD NEW` (or `--old PATH... --new PATH...`): connections added, removed and
 * changed between two sets of manifests, both analysed by the engine.
 *
 * The engine, the diff and the manifest reader are required when the command runs (start-up
 * stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CommandContext, CommandSpec, EXIT_FAIL, EXIT_OK, Style, UsageError } from './framework';
import { formatOption, IPBLOCK_OPTION, outputOption, UNANALYZED_OPTION } from './options';
import { resultStyle, writeOutput } from './output';
import type { Inventory, UnmodelledPolicy } from '../engine';
import type { ConnectionChange, UnanalyzedChanges } from '../report/connection-diff';
import { plural } from '../text';

export const DIFF: CommandSpec = {
  name: 'diff',
  summary: 'Connections added, removed and changed between two sets of manifests.',
  usage: 'OLD NEW [--format text|md|json] [--fail-on added|removed|changed|any] [-o FILE]   or   --old PATH... --new PATH...',
  description: `OLD and NEW are each a file, a directory (read recursively) or - (stdin, for one side).
To give several paths per side, use --old and --new (each repeatable) instead of positionals.

Each change is one line:
  + shop/frontend => shop/db : TCP 5432 (added)
  - shop/frontend => shop/cache : TCP 6379 (removed)
  ~ shop/web => 0.0.0.0-255.255.255.255 : TCP 443 -> TCP 80,443 (changed)`,
  options: [
    { name: 'old', type: 'list', placeholder: 'PATH', description: 'a path of the old side' },
    { name: 'new', type: 'list', placeholder: 'PATH', description: 'a path of the new side' },
    formatOption(['text', 'md', 'json'], 'text'),
    outputOption('write the changes to FILE instead of stdout'),
    { name: 'fail-on', type: 'list', placeholder: 'KIND', description: 'exit 1 when there is a change of this kind', choices: ['added', 'removed', 'changed', 'any'] },
    IPBLOCK_OPTION,
    UNANALYZED_OPTION,
  ],
  maxPositionals: 2,
  positionalName: 'paths (OLD NEW)',
  exitCodes: '0 done (whatever changed), 1 a change of a --fail-on kind, 2 unreadable or invalid input or bad usage',
  examples: [
    'cdk8s-netpol diff main-dist/ dist/',
    'cdk8s-netpol diff main-dist/ dist/ --fail-on added',
    'cdk8s-netpol diff --old base/a.yaml --old base/b.yaml --new dist/ --format md -o connectivity-diff.md',
  ],
  load: () => ({ run }),
};

export function run(ctx: CommandContext): number {
  const { Analysis } = require('../engine') as typeof import('../engine');
  const { loadDiffSides } = require('./inputs') as typeof import('./inputs');
  const { connectionsOf } = require('../report/build') as typeof import('../report/build');
  const { diffConnections } = require('../report/connection-diff') as typeof import('../report/connection-diff');
  const { renderDiffJson } = require('../report/diff-json') as typeof import('../report/diff-json');
  const { renderDiffMarkdown } = require('../report/diff-markdown') as typeof import('../report/diff-markdown');
  const { renderDiffText } = require('../report/diff-text') as typeof import('../report/diff-text');
  const positionals = ctx.args.positionals;
  let oldPaths = ctx.list('old');
  let newPaths = ctx.list('new');
  if (oldPaths.length > 0 || newPaths.length > 0) {
    if (positionals.length > 0) throw new UsageError('give the two sides either as OLD NEW or with --old/--new, not both', 'diff');
    if (oldPaths.length === 0 || newPaths.length === 0) throw new UsageError('--old and --new are both needed', 'diff');
  } else {
    if (positionals.length !== 2) throw new UsageError(`expected OLD NEW, got ${plural(positionals.length, 'path')}`, 'diff');
    oldPaths = [positionals[0]];
    newPaths = [positionals[1]];
  }
  const { before, after } = loadDiffSides(ctx, oldPaths, newPaths);
  const side = (inventory: Inventory) => connectionsOf(new Analysis(inventory, { ipBlockMatchesPods: ctx.flag('ipblock-matches-pods') }));
  const changes = diffConnections(side(before), side(after));
  const unanalyzed = diffUnanalyzed(before.unmodelledPolicies, after.unmodelledPolicies);
  const format = ctx.str('format') ?? 'text';
  const file = writeOutput(ctx, format === 'json' ? renderDiffJson(changes)
    : format === 'md' ? renderDiffMarkdown(changes, undefined, unanalyzed)
      : colour(renderDiffText(changes, unanalyzed), resultStyle(ctx)));
  if (file) ctx.err(`wrote ${file}`);
  return failing(changes, ctx.list('fail-on')) || (unanalyzed.changed.length > 0 && ctx.list('fail-on').length > 0) ? EXIT_FAIL : EXIT_OK;
}

/**
 * Policies of kinds the engine does not model, compared between the sides (by kind, namespace and
 * name; changed when their manifests differ): a pull request that adds a CiliumNetworkPolicy
 * changes what the cluster allows even when the NetworkPolicies' connectivity does not change.
 */
function diffUnanalyzed(before: readonly UnmodelledPolicy[], after: readonly UnmodelledPolicy[]): UnanalyzedChanges {
  const key = (p: UnmodelledPolicy) => `${p.group}/${p.kind} ${p.id}`;
  const text = (p: UnmodelledPolicy) => JSON.stringify(p.raw);
  const old = new Map(before.map((p) => [key(p), p]));
  const next = new Map(after.map((p) => [key(p), p]));
  const changed: string[] = [];
  for (const [k, p] of next) {
    const o = old.get(k);
    if (!o) changed.push(`${p.kind} ${p.id} (added)`);
    else if (text(o) !== text(p)) changed.push(`${p.kind} ${p.id} (changed)`);
  }
  for (const [k, p] of old) if (!next.has(k)) changed.push(`${p.kind} ${p.id} (removed)`);
  return { present: next.size + [...old.keys()].filter((k) => !next.has(k)).length, changed };
}

function failing(changes: readonly ConnectionChange[], failOn: readonly string[]): boolean {
  return changes.some((c) => failOn.includes('any') || failOn.includes(c.kind));
}

function colour(text: string, style: Style): string {
  if (!style.enabled) return text;
  return text.split('\n').map((l) => (l.startsWith('+ ') ? style.green(l) : l.startsWith('- ') ? style.red(l) : l.startsWith('~ ') ? style.yellow(l) : l)).join('\n');
}
