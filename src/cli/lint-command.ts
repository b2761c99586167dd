/**
 * `cdk8s-netpol lint PATHS... [--format text|json|sarif] [--strict]`: the rule pack over the
 * manifests. Exit 1 on errors (and on warnings with --strict), 0 otherwise, 2 on unreadable input.
 *
 * The rules, the manifest reader and SARIF are required when the command runs (start-up stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CliError, CommandContext, CommandSpec, EXIT_FAIL, EXIT_INPUT, EXIT_OK, Style } from './framework';
import { formatOption, IPBLOCK_OPTION, outputOption, PATHS_HELP, UNANALYZED_OPTION } from './options';
import { packageVersion, resultStyle, writeOutput } from './output';
import type { Finding } from '../lint/finding';
import { jsonText, plural, quote, terminalText } from '../text';

export const LINT: CommandSpec = {
  name: 'lint',
  summary: 'Find the classic NetworkPolicy mistakes (rules NP001-NP022, see RULES.md).',
  usage: 'PATHS... [--format text|json|sarif] [--strict] [-o FILE]',
  description: `${PATHS_HELP}

Each finding names the rule, the object and a one-line fix. Suppress a rule on one object with
the annotation  cdk8s-netpol.io/suppress: "NP001=reason, NP012=reason"  on the workload or the
policy: suppressed findings are still listed, with their reason, and never fail the run.
SARIF (--format sarif) is for code-scanning annotations on pull requests.`,
  options: [
    formatOption(['text', 'json', 'sarif'], 'text'),
    outputOption('write the findings to FILE instead of stdout (the summary still goes to stderr)'),
    { name: 'strict', type: 'flag', description: 'warnings fail the run too' },
    { name: 'rule', type: 'list', placeholder: 'ID', description: 'run only this rule' },
    { name: 'skip', type: 'list', placeholder: 'ID', description: 'do not run this rule' },
    IPBLOCK_OPTION,
    UNANALYZED_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  exitCodes: '0 no error (with --strict: no error or warning), 1 errors (or warnings with --strict), 2 unreadable or invalid input or bad usage',
  examples: [
    'cdk8s-netpol lint dist/',
    'cdk8s-netpol lint dist/ --strict',
    'cdk8s-netpol lint dist/ --format sarif --output netpol.sarif',
    'helm template my-chart | cdk8s-netpol lint -',
  ],
  load: () => ({ run }),
};

export function run(ctx: CommandContext): number {
  const { loadManifests } = require('./inputs') as typeof import('./inputs');
  const { failsBuild, lintObjects, ruleDocs } = require('../lint/runner') as typeof import('../lint/runner');
  const { renderSarif } = require('../report/sarif') as typeof import('../report/sarif');
  const { docs } = loadManifests(ctx, ctx.args.positionals);
  const known = new Set(ruleDocs().map((r) => r.id));
  for (const id of [...ctx.list('rule'), ...ctx.list('skip')]) {
    if (!known.has(id.toUpperCase())) throw new CliError(`unknown rule ${terminalText(quote(id))}: rules are ${[...known].join(', ')}`, EXIT_INPUT);
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
  const output = format === 'json' ? jsonText(findings, 2) + '\n'
    : format === 'sarif' ? renderSarif(findings, ruleDocs(), { toolVersion: packageVersion() })
      : formatText(findings, resultStyle(ctx));
  const file = writeOutput(ctx, output);
  if (file || format !== 'text') ctx.err(summary(findings));
  return failsBuild(findings, strict) ? EXIT_FAIL : EXIT_OK;
}

/** `3 errors, 2 warnings, 1 info (1 suppressed)` */
export function summary(findings: readonly Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const n = (sev: string) => active.filter((f) => f.severity === sev).length;
  const suppressed = findings.length - active.length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info', 'info')}` +
    (suppressed > 0 ? ` (${suppressed} suppressed)` : '');
}

/**
 * One block per finding:
 *   dist/shop.yaml:12: error NP006 NetworkPolicy shop/db-in (spec.ingress[0].ports[0])
 *     named port "pgsql" ...
 *     fix: use ...
 *
 * Every text from the input (path, construct path, object, field path, message, fix, reason) is
 * `terminalText`: no control character, ANSI sequence or bidirectional override from the input,
 * and each stays on its line; the colours are the command's own, around the escaped text.
 */
export function formatText(findings: readonly Finding[], style: Style): string {
  const { objectRef } = require('../lint/finding-order') as typeof import('../lint/finding-order');
  const out: string[] = [];
  const colour = (sev: string) => (sev === 'error' ? style.red(sev) : sev === 'warning' ? style.yellow(sev) : style.dim(sev));
  const t = terminalText;
  for (const f of findings.filter((x) => !x.suppressed)) {
    const where = f.file ? `${t(f.file)}${f.line ? `:${f.line}` : ''}: ` : f.constructPath ? `${t(f.constructPath)}: ` : '';
    out.push(`${where}${colour(f.severity)} ${style.bold(t(f.ruleId))} ${t(objectRef(f))}${f.location ? ` (${t(f.location)})` : ''}`);
    out.push(`  ${t(f.message)}`);
    out.push(`  fix: ${t(f.fix)}`);
  }
  const suppressed = findings.filter((x) => x.suppressed);
  if (suppressed.length > 0) {
    out.push('', 'Suppressed:');
    for (const f of suppressed) out.push(`  ${t(f.ruleId)} ${t(objectRef(f))}: ${t(f.suppressionReason ?? '')}`);
  }
  if (out.length > 0) out.push('');
  out.push(summary(findings));
  return out.join('\n') + '\n';
}
