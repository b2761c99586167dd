/**
 * `cdk8s-netpol diff OLD NEW` (or `--old PATH... --new PATH...`): connections added, removed and
 * changed between two sets of manifests, both analysed by the engine.
 */
import { Analysis } from '../engine';
import { CommandContext, EXIT_FAIL, EXIT_OK, UsageError } from './framework';
import { loadManifests } from './inputs';
import { connectionsOf } from '../report/build';
import { ConnectionChange, diffConnections } from '../report/connection-diff';
import { renderDiffJson } from '../report/diff-json';
import { renderDiffMarkdown } from '../report/diff-markdown';
import { renderDiffText } from '../report/diff-text';

export function run(ctx: CommandContext): number {
  const positionals = ctx.args.positionals;
  let oldPaths = ctx.list('old');
  let newPaths = ctx.list('new');
  if (oldPaths.length > 0 || newPaths.length > 0) {
    if (positionals.length > 0) throw new UsageError('give the two sides either as OLD NEW or with --old/--new, not both', 'diff');
    if (oldPaths.length === 0 || newPaths.length === 0) throw new UsageError('--old and --new are both needed', 'diff');
  } else {
    if (positionals.length !== 2) throw new UsageError(`expected OLD NEW, got ${positionals.length} path${positionals.length === 1 ? '' : 's'}`, 'diff');
    oldPaths = [positionals[0]];
    newPaths = [positionals[1]];
  }
  const side = (paths: string[]) => {
    const { inventory } = loadManifests(ctx, paths);
    return connectionsOf(new Analysis(inventory, { ipBlockMatchesPods: ctx.flag('ipblock-matches-pods') }));
  };
  const changes = diffConnections(side(oldPaths), side(newPaths));
  const format = ctx.str('format') ?? 'text';
  ctx.io.stdout.write(format === 'json' ? renderDiffJson(changes) : format === 'md' ? renderDiffMarkdown(changes) : colour(renderDiffText(changes), ctx));
  return failing(changes, ctx.list('fail-on')) ? EXIT_FAIL : EXIT_OK;
}

function failing(changes: readonly ConnectionChange[], failOn: readonly string[]): boolean {
  return changes.some((c) => failOn.includes('any') || failOn.includes(c.kind));
}

function colour(text: string, ctx: CommandContext): string {
  if (!ctx.style.enabled) return text;
  return text.split('\n').map((l) => (l.startsWith('+ ') ? ctx.style.green(l) : l.startsWith('- ') ? ctx.style.red(l) : l.startsWith('~ ') ? ctx.style.yellow(l) : l)).join('\n');
}
