/**
 * `cdk8s-netpol report PATHS... --format md|mermaid|dot|html|json [-o FILE]`.
 *
 * The report model, its renderers and the manifest reader are required when the command runs
 * (start-up stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CliError, CommandContext, CommandSpec, EXIT_INPUT, EXIT_OK } from './framework';
import { formatOption, IPBLOCK_OPTION, outputOption, PATHS_HELP, UNANALYZED_OPTION } from './options';
import { writeOutput, writeStreamed } from './output';
import { quote, terminalText } from '../text';

export const REPORT: CommandSpec = {
  name: 'report',
  summary: 'The reachability picture: which workloads and address ranges reach which, on which ports.',
  usage: 'PATHS... --format md|mermaid|dot|html|json [-o FILE]',
  description: `${PATHS_HELP}

md: for a pull-request comment, at most 65,536 characters whatever the size (--md-limit): the
findings first, a row per namespace, the largest namespaces' connections folded, and a last line
saying what was left out. mermaid: a flowchart GitHub renders (within its 50,000 characters and
500 edges: the graph of namespaces when the workloads' is too big). dot: for Graphviz. html: one
self-contained page (search, a drill-down per namespace, graphs laid out by dagre), under 1 MB
at 5,000 workloads. json: the whole model, every connection, written as it goes.
Workloads of a namespace with identical connections are drawn as one node, and a workload that
everything reaches (or that reaches everything) gets one edge from (to) "anywhere". With cluster
policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy), every format but
dot and mermaid lists them, and which cluster rule let each connection through.`,
  options: [
    formatOption(['md', 'mermaid', 'dot', 'html', 'json'], 'md'),
    outputOption('write to FILE instead of stdout'),
    { name: 'title', type: 'string', placeholder: 'TEXT', description: 'the report title', default: 'NetworkPolicy reachability' },
    { name: 'no-collapse', type: 'flag', description: 'one node per workload, one edge per connection' },
    { name: 'md-limit', type: 'string', placeholder: 'N', description: 'md: at most N characters (counted as UTF-8 bytes), from 2000; leave room for what a bot adds', default: '65536' },
    IPBLOCK_OPTION,
    UNANALYZED_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  examples: [
    'cdk8s-netpol report dist/ --format md > reachability.md',
    'cdk8s-netpol report dist/ --format html -o reachability.html',
    'cdk8s-netpol report dist/ --format dot | dot -Tsvg > reachability.svg',
  ],
  load: () => ({ run }),
};

/** `--md-limit`: a whole number from 2,000 (room for the left-out line) */
function mdLimit(ctx: CommandContext): number {
  const text = ctx.str('md-limit') ?? '65536';
  const n = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < 2000) {
    throw new CliError(`--md-limit ${quote(terminalText(text))}: expected a whole number of characters, at least 2000 (the default is 65536, a GitHub comment)`, EXIT_INPUT);
  }
  return n;
}

export function run(ctx: CommandContext): number {
  const { loadManifests } = require('./inputs') as typeof import('./inputs');
  const { buildReport } = require('../report/build') as typeof import('../report/build');
  const { renderDot } = require('../report/dot') as typeof import('../report/dot');
  const { groupReport } = require('../report/group') as typeof import('../report/group');
  const { renderHtml } = require('../report/html') as typeof import('../report/html');
  const { writeJson } = require('../report/json') as typeof import('../report/json');
  const { renderMarkdown } = require('../report/markdown') as typeof import('../report/markdown');
  const { renderMermaid } = require('../report/mermaid') as typeof import('../report/mermaid');
  const format = ctx.str('format') ?? 'md';
  const limit = format === 'md' ? mdLimit(ctx) : undefined;
  const { docs } = loadManifests(ctx, ctx.args.positionals);
  const model = buildReport(docs.map((d) => ({ object: d.object, file: d.source, line: d.line })), {
    title: ctx.str('title') ?? 'NetworkPolicy reachability',
    ipBlockMatchesPods: ctx.flag('ipblock-matches-pods'),
  });
  const grouped = () => groupReport(model, { collapse: !ctx.flag('no-collapse') });
  let file: string | undefined;
  if (format === 'json') {
    file = writeStreamed(ctx, (write) => writeJson(model, write));
  } else {
    let text: string;
    switch (format) {
      case 'mermaid': text = renderMermaid(grouped()); break;
      case 'dot': text = renderDot(grouped()); break;
      case 'html': text = renderHtml(grouped()); break;
      default: text = renderMarkdown(grouped(), { maxBytes: limit });
    }
    file = writeOutput(ctx, text);
  }
  if (file) ctx.err(`wrote ${terminalText(file)}`);
  return EXIT_OK;
}
