/**
 * `cdk8s-netpol check PATHS... --from A --to B --port N [--protocol P]`: the verdict on one
 * connection, with the engine's explanation. Exit 0 allowed, 1 denied, 3 not covered.
 */
import { explainConnection, PodEndpoint, PROTOCOLS, ProtocolName } from '../engine';
import { CliError, CommandContext, EXIT_FAIL, EXIT_INPUT, EXIT_OK } from './framework';
import { inputCall, loadAnalysis } from './inputs';

/** `check`: NetworkPolicy does not apply to the pair (hostNetwork, loopback, outside to outside). */
export const EXIT_NOT_COVERED = 3;

export function run(ctx: CommandContext): number {
  const fromText = ctx.str('from') as string;
  const toText = ctx.str('to') as string;
  const portText = (ctx.str('port') as string).trim();
  const protocolText = ctx.str('protocol');
  let protocol = protocolText === undefined ? undefined : parseProtocol(protocolText);
  const numeric = /^[0-9]+$/.test(portText);
  if (numeric) {checkPortNumber(Number(portText));} else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(portText)) {
    throw new CliError(`--port "${portText}": expected a port number 1-65535 or a container port name (e.g. http)`, EXIT_INPUT);
  }

  const { analysis } = loadAnalysis(ctx, ctx.args.positionals);
  const from = inputCall(() => analysis.endpoint(fromText));
  const to = inputCall(() => analysis.endpoint(toText));

  let port: number;
  let resolvedFrom = '';
  if (numeric) {
    port = Number(portText);
  } else {
    if (to.kind !== 'pod') {
      throw new CliError(`--port "${portText}": a port name is resolved on the destination's container ports, and ${to.id} is outside the cluster: give a number`, EXIT_INPUT);
    }
    const named = resolveNamedPort(to, portText, protocol);
    port = named.port;
    protocol = named.protocol;
    resolvedFrom = ` (${portText} is ${named.protocol} ${named.port} on ${to.id})`;
  }

  const explanation = inputCall(() => explainConnection(analysis, from, to, port, protocol ?? 'TCP'));
  const code = !explanation.covered ? EXIT_NOT_COVERED : explanation.allowed ? EXIT_OK : EXIT_FAIL;

  if (ctx.str('format') === 'json') {
    ctx.out(JSON.stringify({
      verdict: !explanation.covered ? 'not-covered' : explanation.allowed ? 'allowed' : 'denied',
      from: explanation.from,
      to: explanation.to,
      protocol: explanation.protocol,
      port: explanation.port,
      ...(explanation.reason ? { reason: explanation.reason } : {}),
      egress: sideJson(explanation.egress),
      ingress: sideJson(explanation.ingress),
      text: explanation.text,
    }, undefined, 2));
    return code;
  }

  const [head, ...rest] = explanation.text.split('\n');
  const m = /^(ALLOWED|DENIED|NOT COVERED)(:.*)$/.exec(head);
  const colour = !explanation.covered ? ctx.style.yellow : explanation.allowed ? ctx.style.green : ctx.style.red;
  const first = m ? `${ctx.style.bold(colour(m[1]))}${m[2]}` : head;
  ctx.out([first + resolvedFrom, ...rest].join('\n'));
  return code;
}

function sideJson(side: ReturnType<typeof explainConnection>['egress']) {
  return {
    endpoint: side.endpoint,
    isolated: side.isolated,
    policies: side.policies,
    allowedBy: side.allowedBy.map((r) => ({ policy: r.policy, direction: r.direction, rule: r.index })),
    allowed: side.allowed,
    text: side.text,
  };
}

function parseProtocol(text: string): ProtocolName {
  const p = text.trim().toUpperCase();
  if (!PROTOCOLS.includes(p as ProtocolName)) {
    throw new CliError(`--protocol "${text}": expected TCP, UDP or SCTP`, EXIT_INPUT);
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
    const declared = to.ports.filter((p) => p.name).map((p) => `${p.name} (${p.protocol} ${p.port})`);
    const what = protocol ? `no ${protocol} container port named "${name}"` : `no container port named "${name}"`;
    throw new CliError(`--port ${name}: ${to.id} declares ${what}; ` +
      (declared.length > 0 ? `its named ports: ${declared.join(', ')}` : 'it declares no named port'), EXIT_INPUT);
  }
  if (candidates.length > 1 && protocol === undefined) {
    const list = candidates.map((p) => `${p.protocol} ${p.port}`).join(', ');
    throw new CliError(`--port ${name}: ${to.id} has several ports named "${name}" (${list}): give --protocol`, EXIT_INPUT);
  }
  return { port: candidates[0].port, protocol: candidates[0].protocol };
}
