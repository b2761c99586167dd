/**
 * `cdk8s-netpol connlist PATHS... [--format text|json|md|csv] [-o FILE]`: every allowed connection between
 * distinct endpoints, as the engine lists it (sorted; outside addresses as ranges split where
 * ipBlocks cut them). This module only formats.
 *
 * The engine and the manifest reader are required when the command runs (start-up stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CliError, CommandContext, CommandSpec, EXIT_INPUT, EXIT_OK } from './framework';
import { ASSUME_DNS_OPTION, formatOption, IPBLOCK_OPTION, outputOption, PATHS_HELP, UNANALYZED_OPTION } from './options';
import { compare, jsonText, markdownText, quote, terminalText, visibleText } from '../text';

export const CONNLIST: CommandSpec = {
  name: 'connlist',
  summary: 'Every allowed connection between distinct endpoints, one line each, sorted.',
  usage: 'PATHS... [--format text|json|md|csv] [-o FILE]',
  description: `${PATHS_HELP}

Each line is "SOURCE => DESTINATION : CONNECTIONS", e.g.
  shop/frontend => shop/backend : TCP 8080
Addresses outside the cluster appear as ranges, split where ipBlocks cut them
(0.0.0.0-9.255.255.255). hostNetwork workloads are left out: NetworkPolicy does not apply
to them (a note on stderr names them).`,
  options: [
    formatOption(['text', 'json', 'md', 'csv'], 'text'),
    outputOption('write the listing to FILE instead of stdout'),
    {
      name: 'focus',
      type: 'list',
      placeholder: 'X',
      description: 'only connections from or to X: a namespace/name, or a namespace (every endpoint in it)',
    },
    IPBLOCK_OPTION,
    ASSUME_DNS_OPTION,
    UNANALYZED_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  examples: [
    'cdk8s-netpol connlist dist/',
    'cdk8s-netpol connlist dist/ --format md -o connectivity.md',
    'cdk8s-netpol connlist dist/ --focus shop/frontend --focus kube-system',
    'helm template my-chart | cdk8s-netpol connlist -',
  ],
  load: () => ({ run }),
};

/** One line of the listing. */
export interface ConnLine {
  readonly from: string;
  readonly to: string;
  /** canonical connection set text: `TCP 80,8080-8090,UDP 53`, `All Connections` */
  readonly connections: string;
}

export function run(ctx: CommandContext): number {
  const { inputCall, loadAnalysis } = require('./inputs') as typeof import('./inputs');
  const { analysis } = loadAnalysis(ctx, ctx.args.positionals, { assumedEndpoints: true });
  const focus = ctx.list('focus');
  // endpoints by their shown name (`kube-system/coredns (assumed)` for `kube-system/coredns`), and namespaces
  const focusIds = new Set<string>();
  const focusNamespaces: string[] = [];
  for (const f of focus) {
    // a misspelt focus would silently list nothing: it must name an endpoint or a namespace
    if (f.includes('/')) {focusIds.add(inputCall(() => analysis.endpoint(f)).id);} else if (!analysis.pods.some((p) => p.namespace === f)) {
      const namespaces = [...new Set(analysis.pods.map((p) => p.namespace))].sort(compare);
      throw new CliError(`--focus ${terminalText(f)}: no workload in namespace ${terminalText(quote(f))}; namespaces: ${namespaces.map(terminalText).join(', ')}`, EXIT_INPUT);
    } else {
      focusNamespaces.push(f);
    }
  }
  const matches = (id: string) => focusIds.has(id) || focusNamespaces.some((f) => id.startsWith(`${f}/`));
  for (const { endpoint } of analysis.notCoveredEndpoints()) {
    ctx.err(`note: ${terminalText(endpoint.id)} uses hostNetwork: NetworkPolicy does not apply to it, so it is not listed`);
  }
  const format = ctx.str('format') ?? 'text';
  // streamed: memory stays bounded by the engine's classes, not by the number of lines
  const { writeStreamed } = require('./output') as typeof import('./output');
  const file = writeStreamed(ctx, (write) => {
    const listing = new ConnlistWriter(format, write);
    analysis.forEachConnection((from, to, conns) => {
      if (focus.length === 0 || matches(from.id) || matches(to.id)) listing.line({ from: from.id, to: to.id, connections: conns.toString() });
    });
    listing.end();
  });
  if (file) ctx.err(`wrote ${file}`);
  return EXIT_OK;
}

/**
 * The listing in one of the formats: `text` (also `txt`), `json`, `md`, `csv`. Ends with a newline
 * unless empty text. Endpoints and connections are escaped for the format: `terminalText` (text), `jsonText`,
 * `markdownText` (each cell), and for csv `visibleText` then CSV quoting (one record per line).
 */
export function formatConnlist(lines: readonly ConnLine[], format: string): string {
  const parts: string[] = [];
  const writer = new ConnlistWriter(format, (text) => parts.push(text));
  for (const l of lines) writer.line(l);
  writer.end();
  return parts.join('');
}

/** `formatConnlist` one line at a time: the same text, handed to `write` in pieces. */
class ConnlistWriter {
  private count = 0;

  public constructor(private readonly format: string, private readonly write: (text: string) => void) {
    if (format === 'md') write('| from | to | connections |\n| --- | --- | --- |\n');
    else if (format === 'csv') write('from,to,connections\n');
  }

  public line(l: ConnLine): void {
    switch (this.format) {
      case 'json':
        this.write(`${this.count === 0 ? '[\n' : ',\n'}  {\n    "from": ${jsonText(l.from)},\n    "to": ${jsonText(l.to)},\n    "connections": ${jsonText(l.connections)}\n  }`);
        break;
      case 'md':
        this.write(`| ${markdownText(l.from)} | ${markdownText(l.to)} | ${markdownText(l.connections)} |\n`);
        break;
      case 'csv':
        this.write(`${[l.from, l.to, l.connections].map(csv).join(',')}\n`);
        break;
      default:
        this.write(`${terminalText(l.from)} => ${terminalText(l.to)} : ${terminalText(l.connections)}\n`);
    }
    this.count++;
  }

  public end(): void {
    if (this.format === 'json') this.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

function csv(text: string): string {
  const visible = visibleText(text);
  return /[",]/.test(visible) ? `"${visible.replace(/"/g, '""')}"` : visible;
}
