/**
 * `cdk8s-netpol lint PATHS... [--format text|json|sarif] [--strict]`: the rule pack over the
 * manifests. Exit 1 on errors (and on warnings with --strict), 0 otherwise, 2 on unreadable input.
 */
import * as fs from 'fs';
import { CliError, CommandContext, EXIT_FAIL, EXIT_INPUT, EXIT_OK, Style } from './framework';
import { loadManifests } from './inputs';
import { Finding } from '../lint/finding';
import { objectRef } from '../lint/finding-order';
import { failsBuild, lintObjects, ruleDocs } from '../lint/runner';
import { renderSarif } from '../report/sarif';

export function run(ctx: CommandContext): number {
  const { docs } = loadManifests(ctx, ctx.args.positionals);
  const known = new Set(ruleDocs().map((r) => r.id));
  for (const id of [...ctx.list('rule'), ...ctx.list('skip')]) {
    if (!known.has(id.toUpperCase())) throw new CliError(`unknown rule "${id}": rules are ${[...known].join(', ')}`, EXIT_INPUT);
  }
  const only = ctx.list('rule').map((r) => r.toUpperCase());
  const { findings } = lintObjects(
    docs.map((d) => ({ object: d.object, file: d.source, line: d.line })),
    {
      rules: only.length > 0 ? only : undefined,
      skip: ctx.list('skip').map((r) => r.toUpperCase()),
      ipBlockMatchesPods: ctx.flag('ipblock-matches-pods'),
    },
  );
  const strict = ctx.flag('strict');
  const format = ctx.str('format') ?? 'text';
  const output = format === 'json' ? JSON.stringify(findings, undefined, 2) + '\n'
    : format === 'sarif' ? renderSarif(findings, ruleDocs())
      : formatText(findings, ctx.style);
  const file = ctx.str('output');
  if (file) {
    try {
      fs.writeFileSync(file, output);
    } catch (e) {
      throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, EXIT_INPUT);
    }
  } else {
    ctx.io.stdout.write(output);
  }
  if (file || format !== 'text') ctx.err(summary(findings));
  return failsBuild(findings, strict) ? EXIT_FAIL : EXIT_OK;
}

/** `3 errors, 2 warnings, 1 info (1 suppressed)` */
export function summary(findings: readonly Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const n = (sev: string) => active.filter((f) => f.severity === sev).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 || w === 'info' ? '' : 's'}`;
  const suppressed = findings.length - active.length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')}` +
    (suppressed > 0 ? ` (${suppressed} suppressed)` : '');
}

/**
 * One block per finding:
 *   dist/shop.yaml:12: error NP006 NetworkPolicy shop/db-in (spec.ingress[0].ports[0])
 *     named port "pgsql" ...
 *     fix: use ...
 */
export function formatText(findings: readonly Finding[], style: Style): string {
  const out: string[] = [];
  const colour = (sev: string) => (sev === 'error' ? style.red(sev) : sev === 'warning' ? style.yellow(sev) : style.dim(sev));
  for (const f of findings.filter((x) => !x.suppressed)) {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}: ` : f.constructPath ? `${f.constructPath}: ` : '';
    out.push(`${where}${colour(f.severity)} ${style.bold(f.ruleId)} ${objectRef(f)}${f.location ? ` (${f.location})` : ''}`);
    out.push(`  ${f.message}`);
    out.push(`  fix: ${f.fix}`);
  }
  const suppressed = findings.filter((x) => x.suppressed);
  if (suppressed.length > 0) {
    out.push('', 'Suppressed:');
    for (const f of suppressed) out.push(`  ${f.ruleId} ${objectRef(f)}: ${f.suppressionReason}`);
  }
  if (out.length > 0) out.push('');
  out.push(summary(findings));
  return out.join('\n') + '\n';
}
