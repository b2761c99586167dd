/**
 * `cdk8s-netpol report PATHS... --format md|mermaid|dot|html|json [-o FILE]`.
 */
import * as fs from 'fs';
import { CliError, CommandContext, EXIT_INPUT, EXIT_OK } from './framework';
import { loadManifests } from './inputs';
import { buildReport } from '../report/build';
import { renderDot } from '../report/dot';
import { groupReport } from '../report/group';
import { renderHtml } from '../report/html';
import { renderJson } from '../report/json';
import { renderMarkdown } from '../report/markdown';
import { renderMermaid } from '../report/mermaid';

export function run(ctx: CommandContext): number {
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
  const file = ctx.str('output');
  if (!file) {
    ctx.io.stdout.write(text);
    return EXIT_OK;
  }
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, EXIT_INPUT);
  }
  ctx.err(`wrote ${file}`);
  return EXIT_OK;
}
