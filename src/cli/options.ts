/**
 * Option specs and help text that several commands share. Light, like the framework: every
 * command's spec uses them at start.
 */
import { OptionSpec } from './framework';

/** The engine's ipBlock option, for every command that reads manifests and asks the engine. */
export const IPBLOCK_OPTION: OptionSpec = {
  name: 'ipblock-matches-pods',
  type: 'flag',
  description: 'let ipBlock peers also match pods by their IP (pods with status.podIP), as Calico does; ' +
    'by default ipBlocks only match addresses outside the cluster',
};

/** The help paragraph about PATHS, for every command that reads manifests. */
export const PATHS_HELP = `PATHS are files, directories (read recursively: *.yaml, *.yml, *.json) and - for
standard input; multi-document YAML, JSON and List objects are read, scalars as kubectl reads
them. Every NetworkPolicy, and the names, labels and ports of every workload, are checked as the
API server would: invalid input stops the command (exit 2). For pull-request content, pass a
directory (links inside it that lead out of it are skipped), not a shell glob: a path named on
the command line is followed wherever it leads. Limits: SECURITY.md.`;

/** `-o/--output FILE`, for commands that write a result a file can hold (see `writeOutput`). */
export function outputOption(description: string): OptionSpec {
  return { name: 'output', short: 'o', type: 'string', placeholder: 'FILE', description };
}

/**
 * `-f/--format F`, the same letter and name on every command. Plain output is called `text`
 * wherever a command has it, and `txt` (its older name in `connlist` and `check`) is accepted as
 * an alias of it.
 */
export function formatOption(choices: readonly string[], defaultChoice: string, more: Pick<OptionSpec, 'shortMisuse'> = {}): OptionSpec {
  return {
    name: 'format',
    short: 'f',
    type: 'string',
    placeholder: 'F',
    description: 'output format',
    choices,
    ...(choices.includes('text') ? { choiceAliases: { txt: 'text' } } : {}),
    default: defaultChoice,
    ...more,
  };
}

/** What to do with policies of kinds the analysis does not model, for every command that reads manifests. */
export const UNANALYZED_OPTION: OptionSpec = {
  name: 'unanalyzed-policies',
  type: 'string',
  placeholder: 'WHAT',
  choices: ['warn', 'error'],
  default: 'warn',
  description: 'policies of kinds this tool does not analyze (CiliumNetworkPolicy, Calico NetworkPolicy and ' +
    'GlobalNetworkPolicy, Antrea policies, EgressFirewall, ...; ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy are analyzed): warn names each one on stderr and goes on ' +
    '(verdicts then hold only for the policies it models); error ends the command (exit 2)',
};

/**
 * `--assume-dns WHICH`, for the commands that show endpoints (`check`, `connlist`, `diff`): a stand-in for
 * the cluster DNS pods when the input defines none (cdk8s output never does), named
 * `kube-system/coredns (assumed)` wherever it is shown. A real DNS pod in the input always wins.
 */
export const ASSUME_DNS_OPTION: OptionSpec = {
  name: 'assume-dns',
  type: 'string',
  placeholder: 'WHICH',
  choices: ['kube-dns', 'openshift', 'none'],
  default: 'kube-dns',
  description: 'when the input has no DNS pods, assume the cluster DNS as a stand-in endpoint, shown with "(assumed)": ' +
    'kube-dns (kube-dns / CoreDNS pods k8s-app=kube-dns in kube-system, UDP and TCP 53, also named kube-dns), ' +
    'openshift (dns-default in openshift-dns, port 5353), or none (only what the input defines)',
};
