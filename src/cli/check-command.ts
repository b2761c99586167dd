/**
 * `cdk8s-netpol check PATHS... --from A --to B --port N [--protocol P]`: the verdict on one
 * connection, with the engine's explanation. Exit 0 allowed, 1 denied, 3 not covered.
 *
 * The engine and the manifest reader are required when the command runs (start-up stays small).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { explainConnection, PodEndpoint, ProtocolName } from '../engine';
import { CliError, CommandContext, CommandSpec, EXIT_FAIL, EXIT_INPUT, EXIT_OK, Style } from './framework';
import { ASSUME_DNS_OPTION, formatOption, IPBLOCK_OPTION, outputOption, PATHS_HELP, UNANALYZED_OPTION } from './options';
import { resultStyle, writeOutput } from './output';
import { jsonText, quote, terminalText } from '../text';

/** A value from the command line or the input, quoted for a message on the terminal. */
const q = (value: string) => terminalText(quote(value));
const t = terminalText;

/** `check`: NetworkPolicy does not apply to the pair (hostNetwork, loopback, outside to outside). */
export const EXIT_NOT_COVERED = 3;

export const CHECK: CommandSpec = {
  name: 'check',
  summary: 'Is one connection allowed? Prints the verdict and which policies and rules decide it.',
  usage: 'PATHS... --from A --to B --port N [--protocol P] [-f text|json] [-o FILE]',
  description: `${PATHS_HELP}

Endpoints are namespace/name of a workload or pod (a name alone means namespace default),
or an IPv4/IPv6 address outside the cluster. --port takes a number, or a container port name
of the destination (its protocol is then taken from the container port).`,
  options: [
    { name: 'from', type: 'string', placeholder: 'A', description: 'the source: namespace/name or an IP address', required: true },
    { name: 'to', short: 't', type: 'string', placeholder: 'B', description: 'the destination: namespace/name or an IP address', required: true },
    { name: 'port', short: 'p', type: 'string', placeholder: 'N', description: 'the destination port: 1-65535, or a named container port of the destination', required: true },
    { name: 'protocol', type: 'string', placeholder: 'P', description: 'TCP, UDP or SCTP', default: 'TCP' },
    // -f is --format, as on every command; it was --from here once: say so rather than misread it
    formatOption(['text', 'json'], 'text', { shortMisuse: 'use --from for the source' }),
    outputOption('write the verdict to FILE instead of stdout (the exit code still tells it)'),
    IPBLOCK_OPTION,
    ASSUME_DNS_OPTION,
    UNANALYZED_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  exitCodes: '0 allowed, 1 denied, 2 unreadable or invalid input or bad usage, ' +
    '3 not covered by NetworkPolicy (hostNetwork, a pod to itself, two outside addresses)',
  examples: [
    'cdk8s-netpol check dist/ --from shop/frontend --to shop/backend --port 8080',
    'cdk8s-netpol check dist/ --from shop/backend --to 169.254.169.254 --port 80',
    'cdk8s-netpol check dist/app.k8s.yaml --from shop/web --to kube-system/coredns --port 53 --protocol UDP',
    'kubectl get netpol,deploy,ns -A -o yaml | cdk8s-netpol check - --from a/x --to b/y --port 443',
  ],
  load: () => ({ run }),
};

export function run(ctx: CommandContext): number {
  const { explainConnection } = require('../engine') as typeof import('../engine');
  const { inputCall, loadAnalysis } = require('./inputs') as typeof import('./inputs');
  const fromText = ctx.str('from') as string;
  const toText = ctx.str('to') as string;
  const portText = (ctx.str('port') as string).trim();
  const protocolText = ctx.str('protocol');
  let protocol = protocolText === undefined ? undefined : parseProtocol(protocolText);
  const numeric = /^[0-9]+$/.test(portText);
  if (numeric) {checkPortNumber(Number(portText));} else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(portText)) {
    throw new CliError(`--port ${q(portText)}: expected a port number 1-65535 or a container port name (e.g. http)`, EXIT_INPUT);
  }

  const { analysis } = loadAnalysis(ctx, ctx.args.positionals, { assumedEndpoints: true });
  const from = inputCall(() => analysis.endpoint(fromText));
  const to = inputCall(() => analysis.endpoint(toText));

  let port: number;
  let resolvedFrom = '';
  if (numeric) {
    port = Number(portText);
  } else {
    if (to.kind !== 'pod') {
      throw new CliError(`--port ${q(portText)}: a port name is resolved on the destination's container ports, and ${t(to.id)} is outside the cluster: give a number`, EXIT_INPUT);
    }
    const named = resolveNamedPort(to, portText, protocol);
    port = named.port;
    protocol = named.protocol;
    resolvedFrom = ` (${t(portText)} is ${named.protocol} ${named.port} on ${t(to.id)})`;
  }

  const explanation = inputCall(() => explainConnection(analysis, from, to, port, protocol ?? 'TCP'));
  // stand-ins the input does not define (`--assume-dns`): their names say "(assumed)", the JSON says why
  const assumed = [from, to].filter((e): e is PodEndpoint => e.kind === 'pod' && e.assumed !== undefined);
  const code = !explanation.covered ? EXIT_NOT_COVERED : explanation.allowed ? EXIT_OK : EXIT_FAIL;

  const write = (text: string) => {
    const file = writeOutput(ctx, `${text}\n`);
    if (file) ctx.err(`wrote ${file}`);
  };
  if (ctx.str('format') === 'json') {
    write(jsonText({
      verdict: !explanation.covered ? 'not-covered' : explanation.allowed ? 'allowed' : 'denied',
      from: explanation.from,
      to: explanation.to,
      protocol: explanation.protocol,
      port: explanation.port,
      ...(explanation.reason ? { reason: explanation.reason } : {}),
      ...(assumed.length > 0 ? { assumed: assumed.map((e) => ({ endpoint: e.id, reason: e.assumed })) } : {}),
      egress: sideJson(explanation.egress),
      ingress: sideJson(explanation.ingress),
      text: explanation.text,
    }, 2));
    return code;
  }

  write(formatExplanation(explanation, resultStyle(ctx), resolvedFrom));
  return code;
}

/**
 * The explanation as the engine words it (`explanation.text`), written from its fields so that
 * each field from the input (endpoints, reasons, each side's sentence) is `terminalText`: the
 * verdict is the first line and each side one line, whatever the names hold; the colour of the
 * verdict is the command's own.
 */
function formatExplanation(explanation: ReturnType<typeof explainConnection>, style: Style, resolvedFrom: string): string {
  const verdict = !explanation.covered ? 'NOT COVERED' : explanation.allowed ? 'ALLOWED' : 'DENIED';
  const colour = !explanation.covered ? style.yellow : explanation.allowed ? style.green : style.red;
  const reason = explanation.reason !== undefined ? `: ${t(explanation.reason)}` : '';
  const lines = [`${style.bold(colour(verdict))}: ${t(explanation.from)} => ${t(explanation.to)} on ${explanation.protocol} ${explanation.port}${reason}${resolvedFrom}`];
  if (explanation.covered) lines.push(`  egress:  ${t(explanation.egress.text)}`, `  ingress: ${t(explanation.ingress.text)}`);
  return lines.join('\n');
}

function sideJson(side: ReturnType<typeof explainConnection>['egress']) {
  return {
    endpoint: side.endpoint,
    isolated: side.isolated,
    policies: side.policies,
    allowedBy: side.allowedBy.map((r) => ({ policy: r.policy, direction: r.direction, rule: r.field })),
    allowed: side.allowed,
    text: side.text,
  };
}

function parseProtocol(text: string): ProtocolName {
  const { PROTOCOLS } = require('../engine') as typeof import('../engine');
  const p = text.trim().toUpperCase();
  if (!PROTOCOLS.includes(p as ProtocolName)) {
    throw new CliError(`--protocol ${q(text)}: expected TCP, UDP or SCTP`, EXIT_INPUT);
  }
  return p as ProtocolName;
}

function checkPortNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new CliError(`--port ${n}: expected a port number 1-65535 or a container port name`, EXIT_INPUT);
  }
}

/** A named container port of the destination (with the protocol, when one was given). */
function resolveNamedPort(to: PodEndpoint, name: string, protocol: ProtocolName | undefined): { port: number; protocol: ProtocolName } {
  const candidates = to.ports.filter((p) => p.name === name && (protocol === undefined || p.protocol === protocol));
  if (candidates.length === 0) {
    const declared = to.ports.filter((p) => p.name).map((p) => `${t(p.name!)} (${p.protocol} ${p.port})`);
    const what = protocol ? `no ${protocol} container port named "${name}"` : `no container port named "${name}"`;
    throw new CliError(`--port ${name}: ${t(to.id)} declares ${what}; ` +
      (declared.length > 0 ? `its named ports: ${declared.join(', ')}` : 'it declares no named port'), EXIT_INPUT);
  }
  if (candidates.length > 1 && protocol === undefined) {
    const list = candidates.map((p) => `${p.protocol} ${p.port}`).join(', ');
    throw new CliError(`--port ${name}: ${t(to.id)} has several ports named "${name}" (${list}): give --protocol`, EXIT_INPUT);
  }
  return { port: candidates[0].port, protocol: candidates[0].protocol };
}
