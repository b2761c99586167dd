/**
 * `cdk8s-netpol report PATHS... --format md|mermaid|dot|html|json [-o FILE]`.
 *
 * The report model, its renderers and the manifest reader are required when the command runs
 * (start-up stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CommandContext, CommandSpec, EXIT_OK } from './framework';
import { formatOption, IPBLOCK_OPTION, outputOption, PATHS_HELP, UNANALYZED_OPTION } from './options';
import { writeOutput } from './output';
import { terminalText } from '../text';

export const REPORT: CommandSpec = {
  name: 'report',
  summary: 'The reachability picture: which workloads and address ranges reach which, on which ports.',
  usage: 'PATHS... --format md|mermaid|dot|html|json [-o FILE]',
  description: `${PATHS_HELP}

md: a matrix plus the findings, for a pull-request comment. mermaid: a flowchart GitHub renders.
dot: for Graphviz. html: one self-contained page (graph, matrix, findings). json: the model.
Workloads of a namespace with identical connections are drawn as one node, and a workload that
everything reaches (or that reaches everything) gets one edge from (to) "anywhere".`,
  options: [
    formatOption(['md', 'mermaid', 'dot', 'html', 'json'], 'md'),
    outputOption('write to FILE instead of stdout'),
    { name: 'title', type: 'string', placeholder: 'TEXT', description: 'the report title', default: 'NetworkPolicy reachability' },
    { name: 'no-collapse', type: 'flag', description: 'one node per workload, one edge per connection' },
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

export function run(ctx: CommandContext): number {
  const { loadManifests } = require('./inputs') as typeof import('./inputs');
  const { buildReport } = require('../report/build') as typeof import('../report/build');
  const { renderDot } = require('../report/dot') as typeof import('../report/dot');
  const { groupReport } = require('../report/group') as typeof import('../report/group');
  const { renderHtml } = require('../report/html') as typeof import('../report/html');
  const { renderJson } = require('../report/json') as typeof import('../report/json');
  const { renderMarkdown } = require('../report/markdown') as typeof import('../report/markdown');
  const { renderMermaid } = require('../report/mermaid') as typeof import('../report/mermaid');
  const { docs } = loadManifests(ctx, ctx.args.positionals);
  const model = buildReport(docs.map((d) => ({ object: d.object, file: d.source, line: d.line })), {
    title: ctx.str('title') ?? 'NetworkPolicy reachability',
    ipBlockMatchesPods: ctx.flag('ipblock-matches-pods'),
  });
  const grouped = () => groupReport(model, { collapse: !ctx.flag('no-collapse') });
  let text: string;
  switch (ctx.str('format') ?? 'md') {
    case 'mermaid': text = renderMermaid(grouped()); break;
    case 'dot': text = renderDot(grouped()); break;
    case 'html': text = renderHtml(grouped()); break;
    case 'json': text = renderJson(model); break;
    default: text = renderMarkdown(grouped());
  }
  const file = writeOutput(ctx, text);
  if (file) ctx.err(`wrote ${terminalText(file)}`);
  return EXIT_OK;
}
