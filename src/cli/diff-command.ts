/**
 * `cdk8s-netpol diff OLD NEW` (or `--old PATH... --new PATH...`): what a change opens and what it
 * closes between two sets of manifests, both analysed by the engine (every tier).
 *
 * The engine, the diff and the manifest reader are required when the command runs (start-up
 * stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CommandContext, CommandSpec, EXIT_FAIL, EXIT_OK, Style, UsageError } from './framework';
import { ASSUME_DNS_OPTION, formatOption, IPBLOCK_OPTION, outputOption, UNANALYZED_OPTION } from './options';
import { resultStyle, writeOutput } from './output';
import type { AssumedDns, Inventory, UnmodelledPolicy } from '../engine';
import type { ConnectionChange, UnanalyzedChanges } from '../report/connection-diff';
import { plural } from '../text';

/** The values of `--fail-on`: what makes the command exit 1. */
const FAIL_ON = ['opened', 'closed', 'any'];
/** Earlier names, read as the value they name (a widening is something added: `added` fails on it). */
const FAIL_ON_ALIASES: Readonly<Record<string, string>> = { added: 'opened', removed: 'closed' };

export const DIFF: CommandSpec = {
  name: 'diff',
  summary: 'What a change opens and what it closes, between two sets of manifests.',
  usage: 'OLD NEW [--format text|md|json] [--fail-on opened|closed|any] [-o FILE]   or   --old PATH... --new PATH...',
  description: `OLD and NEW are each a file, a directory (read recursively) or - (stdin, for one side).
To give several paths per side, use --old and --new (each repeatable) instead of positionals.

For every pair of endpoints (workloads, address ranges outside the cluster, and the domain
names of cluster policies), what NEW allows that OLD did not is opened, and what OLD allowed
that NEW does not is closed; a pair can be both. Every tier counts: Admin, NetworkPolicy and
Baseline. A workload only NEW has opens all its connections; one only OLD has closes all of its
own. One line per opening (+) and per closing (-), the opened or closed ports first:
  + shop/frontend => shop/db : TCP 5432 (added)
  + shop/web => 0.0.0.0-255.255.255.255 : TCP 80 (opened: TCP 443 -> TCP 80,443)
  - shop/frontend => shop/cache : TCP 6379 (removed)
  - shop/api => shop/db : TCP 5433 (closed: TCP 5432-5433 -> TCP 5432)

--fail-on opened fails on anything opened: a new pair, and an existing pair that allows more
(a widening); closed on anything closed; any on either. added is an alias of opened and removed
of closed (a widening is something added); changed is retired (a changed pair may open or
close: use opened, closed or any). Give several as a comma list or by repeating the option.
--format md fits a pull-request comment (at most 65,536 characters; past 200 lines, a summary
per namespace pair and as many lines as fit); --format json has every change.`,
  options: [
    { name: 'old', type: 'list', placeholder: 'PATH', description: 'a path of the old side' },
    { name: 'new', type: 'list', placeholder: 'PATH', description: 'a path of the new side' },
    formatOption(['text', 'md', 'json'], 'text'),
    outputOption('write the changes to FILE instead of stdout'),
    {
      name: 'fail-on',
      type: 'list',
      placeholder: 'WHAT',
      description: 'exit 1 when the change opens (opened, alias added) or closes (closed, alias removed) something, or either (any); comma list',
    },
    IPBLOCK_OPTION,
    UNANALYZED_OPTION,
    ASSUME_DNS_OPTION,
  ],
  maxPositionals: 2,
  positionalName: 'paths (OLD NEW)',
  exitCodes: '0 done (whatever changed), 1 something opened or closed that --fail-on names (or, with --fail-on, a change to a policy ' +
    'of a kind not analyzed), 2 unreadable or invalid input or bad usage',
  examples: [
    'cdk8s-netpol diff main-dist/ dist/',
    'cdk8s-netpol diff main-dist/ dist/ --fail-on opened',
    'cdk8s-netpol diff --old base/a.yaml --old base/b.yaml --new dist/ --format md -o connectivity-diff.md',
  ],
  load: () => ({ run }),
};

/** `--fail-on` values, aliases read, checked: `opened`, `closed`, `any`. */
export function failOnValues(given: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of given.flatMap((v) => v.split(','))) {
    const v = raw.trim();
    if (v === 'changed') {
      throw new UsageError('option --fail-on: "changed" is retired: a changed pair may open or close connections. ' +
        'Use --fail-on opened (anything the change opens, widenings included), closed, or any', 'diff');
    }
    const value = FAIL_ON_ALIASES[v] ?? v;
    if (!FAIL_ON.includes(value)) {
      throw new UsageError(`option --fail-on: "${v}" is not one of ${FAIL_ON.join(', ')} (added is an alias of opened; removed is an alias of closed)`, 'diff');
    }
    out.add(value);
  }
  return out;
}

export function run(ctx: CommandContext): number {
  const { Analysis, assumeDnsPods } = require('../engine') as typeof import('../engine');
  const { loadDiffSides } = require('./inputs') as typeof import('./inputs');
  const { diffConnections, diffSide, domainNamesOf } = require('../report/connection-diff') as typeof import('../report/connection-diff');
  const { renderDiffJson } = require('../report/diff-json') as typeof import('../report/diff-json');
  const { renderDiffMarkdown } = require('../report/diff-markdown') as typeof import('../report/diff-markdown');
  const { renderDiffText } = require('../report/diff-text') as typeof import('../report/diff-text');
  const failOn = failOnValues(ctx.list('fail-on'));
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
  // the same DNS stand-in on both sides (where a side has no DNS pods): a change that cuts DNS shows
  const assumeDns = (ctx.str('assume-dns') ?? 'kube-dns') as AssumedDns;
  const analyse = (inventory: Inventory) => {
    assumeDnsPods(inventory, assumeDns);
    return new Analysis(inventory, { ipBlockMatchesPods: ctx.flag('ipblock-matches-pods') });
  };
  const oldAnalysis = analyse(before);
  const newAnalysis = analyse(after);
  // the domain names of either side, asked of both: a domain Accept rule added or removed shows
  const domains = domainNamesOf(oldAnalysis, newAnalysis);
  const old = diffSide(oldAnalysis, domains);
  const next = diffSide(newAnalysis, domains);
  const changes = diffConnections(old.connections, next.connections, { before: old.endpoints, after: next.endpoints });
  const unanalyzed = diffUnanalyzed(before.unmodelledPolicies, after.unmodelledPolicies);
  const format = ctx.str('format') ?? 'text';
  const file = writeOutput(ctx, format === 'json' ? renderDiffJson(changes)
    : format === 'md' ? renderDiffMarkdown(changes, undefined, unanalyzed)
      : colour(renderDiffText(changes, unanalyzed), resultStyle(ctx)));
  if (file) ctx.err(`wrote ${file}`);
  return failing(changes, failOn) || (unanalyzed.changed.length > 0 && failOn.size > 0) ? EXIT_FAIL : EXIT_OK;
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

/** Whether the change opens or closes something that `--fail-on` names. */
function failing(changes: readonly ConnectionChange[], failOn: ReadonlySet<string>): boolean {
  const opens = failOn.has('opened') || failOn.has('any');
  const closes = failOn.has('closed') || failOn.has('any');
  return changes.some((c) => (opens && !c.opened.isEmpty) || (closes && !c.closed.isEmpty));
}

function colour(text: string, style: Style): string {
  if (!style.enabled) return text;
  return text.split('\n').map((l) => (l.startsWith('+ ') ? style.green(l) : l.startsWith('- ') ? style.red(l) : l)).join('\n');
}
