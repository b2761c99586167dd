/**
 * The commands of `cdk8s-netpol`: name, help, options, and a `load` that requires the
 * implementation only when the command runs (start-up stays small).
 *
 * To add a command: write `src/cli/<name>.ts` exporting `run(ctx: CommandContext): number |
 * Promise<number>`, and add its spec to `COMMANDS` below. The framework parses and checks the
 * arguments, prints `--help`, and turns thrown `CliError`s into a message and an exit code.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CommandModule, CommandSpec, OptionSpec } from './framework';

/** The engine's ipBlock option, for every command that reads manifests and asks the engine. */
export const IPBLOCK_OPTION: OptionSpec = {
  name: 'ipblock-matches-pods',
  type: 'flag',
  description: 'let ipBlock peers also match pods by their IP (pods with status.podIP), as Calico does; ' +
    'by default ipBlocks only match addresses outside the cluster',
};

/** The help paragraph about PATHS, for every command that reads manifests. */
export const PATHS_HELP = `PATHS are files, directories (read recursively: *.yaml, *.yml, *.json) and - for
standard input; multi-document YAML, JSON and List objects are read. Every NetworkPolicy is
checked as the API server would: an invalid one stops the command (exit 2).`;

export const CHECK: CommandSpec = {
  name: 'check',
  summary: 'Is one connection allowed? Prints the verdict and which policies and rules decide it.',
  usage: 'PATHS... --from A --to B --port N [--protocol P]',
  description: `${PATHS_HELP}

Endpoints are namespace/name of a workload or pod (a name alone means namespace default),
or an IPv4/IPv6 address outside the cluster. --port takes a number, or a container port name
of the destination (its protocol is then taken from the container port).`,
  options: [
    { name: 'from', short: 'f', type: 'string', placeholder: 'A', description: 'the source: namespace/name or an IP address', required: true },
    { name: 'to', short: 't', type: 'string', placeholder: 'B', description: 'the destination: namespace/name or an IP address', required: true },
    { name: 'port', short: 'p', type: 'string', placeholder: 'N', description: 'the destination port: 1-65535, or a named container port of the destination', required: true },
    { name: 'protocol', type: 'string', placeholder: 'P', description: 'TCP, UDP or SCTP', default: 'TCP' },
    { name: 'format', type: 'string', placeholder: 'F', description: 'output format', choices: ['txt', 'json'], default: 'txt' },
    IPBLOCK_OPTION,
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
  load: () => require('./check-command') as CommandModule,
};

export const CONNLIST: CommandSpec = {
  name: 'connlist',
  summary: 'Every allowed connection between distinct endpoints, one line each, sorted.',
  usage: 'PATHS... [--format txt|json|md|csv]',
  description: `${PATHS_HELP}

Each line is "SOURCE => DESTINATION : CONNECTIONS", e.g.
  shop/frontend => shop/backend : TCP 8080
Addresses outside the cluster appear as ranges, split where ipBlocks cut them
(0.0.0.0-9.255.255.255). hostNetwork workloads are left out: NetworkPolicy does not apply
to them (a note on stderr names them).`,
  options: [
    { name: 'format', short: 'f', type: 'string', placeholder: 'F', description: 'output format', choices: ['txt', 'json', 'md', 'csv'], default: 'txt' },
    {
      name: 'focus',
      type: 'list',
      placeholder: 'X',
      description: 'only connections from or to X: a namespace/name, or a namespace (every endpoint in it)',
    },
    IPBLOCK_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  examples: [
    'cdk8s-netpol connlist dist/',
    'cdk8s-netpol connlist dist/ --format md > connectivity.md',
    'cdk8s-netpol connlist dist/ --focus shop/frontend --focus kube-system',
    'helm template my-chart | cdk8s-netpol connlist -',
  ],
  load: () => require('./connlist-command') as CommandModule,
};

/** Every command, in the order of the tool's help. */
export const COMMANDS: CommandSpec[] = [CHECK, CONNLIST];

/** Adds a command (for commands defined elsewhere); replaces one with the same name. */
export function registerCommand(spec: CommandSpec): void {
  const i = COMMANDS.findIndex((c) => c.name === spec.name);
  if (i === -1) COMMANDS.push(spec);
  else COMMANDS[i] = spec;
}
