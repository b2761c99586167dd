/**
 * The specs of `lint`, `report` and `diff`, registered in the command table (main.ts imports
 * this module once). Implementations live in `lint.ts`, `report.ts`, `diff.ts` and load only
 * when their command runs.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { IPBLOCK_OPTION, PATHS_HELP, registerCommand } from './commands';
import { CommandModule, CommandSpec } from './framework';

export const LINT: CommandSpec = {
  name: 'lint',
  summary: 'Find the classic NetworkPolicy mistakes (rules NP001-NP013, see RULES.md).',
  usage: 'PATHS... [--format text|json|sarif] [--strict] [-o FILE]',
  description: `${PATHS_HELP}

Each finding names the rule, the object and a one-line fix. Suppress a rule on one object with
the annotation  cdk8s-netpol.io/suppress: "NP001=reason, NP012=reason"  on the workload or the
policy: suppressed findings are still listed, with their reason, and never fail the run.
SARIF (--format sarif) is for code-scanning annotations on pull requests.`,
  options: [
    { name: 'format', type: 'string', placeholder: 'F', description: 'output format', choices: ['text', 'json', 'sarif'], default: 'text' },
    { name: 'output', short: 'o', type: 'string', placeholder: 'FILE', description: 'write the findings to FILE instead of stdout (the summary still goes to stderr)' },
    { name: 'strict', type: 'flag', description: 'warnings fail the run too' },
    { name: 'rule', type: 'list', placeholder: 'ID', description: 'run only this rule' },
    { name: 'skip', type: 'list', placeholder: 'ID', description: 'do not run this rule' },
    IPBLOCK_OPTION,
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
  load: () => require('./lint-command') as CommandModule,
};

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
    { name: 'format', short: 'f', type: 'string', placeholder: 'F', description: 'output format', choices: ['md', 'mermaid', 'dot', 'html', 'json'], default: 'md' },
    { name: 'output', short: 'o', type: 'string', placeholder: 'FILE', description: 'write to FILE instead of stdout' },
    { name: 'title', type: 'string', placeholder: 'TEXT', description: 'the report title', default: 'NetworkPolicy reachability' },
    { name: 'no-collapse', type: 'flag', description: 'one node per workload, one edge per connection' },
    IPBLOCK_OPTION,
  ],
  minPositionals: 1,
  positionalName: 'PATHS',
  examples: [
    'cdk8s-netpol report dist/ --format md > reachability.md',
    'cdk8s-netpol report dist/ --format html -o reachability.html',
    'cdk8s-netpol report dist/ --format dot | dot -Tsvg > reachability.svg',
  ],
  load: () => require('./report-command') as CommandModule,
};

export const DIFF: CommandSpec = {
  name: 'diff',
  summary: 'Connections added, removed and changed between two sets of manifests.',
  usage: 'OLD NEW [--format text|md|json] [--fail-on added|removed|changed|any]   or   --old PATH... --new PATH...',
  description: `OLD and NEW are each a file, a directory (read recursively) or - (stdin, for one side).
To give several paths per side, use --old and --new (each repeatable) instead of positionals.

Each change is one line:
  + shop/frontend => shop/db : TCP 5432 (added)
  - shop/frontend => shop/cache : TCP 6379 (removed)
  ~ shop/web => 0.0.0.0-255.255.255.255 : TCP 443 -> TCP 80,443 (changed)`,
  options: [
    { name: 'old', type: 'list', placeholder: 'PATH', description: 'a path of the old side' },
    { name: 'new', type: 'list', placeholder: 'PATH', description: 'a path of the new side' },
    { name: 'format', short: 'f', type: 'string', placeholder: 'F', description: 'output format', choices: ['text', 'md', 'json'], default: 'text' },
    { name: 'fail-on', type: 'list', placeholder: 'KIND', description: 'exit 1 when there is a change of this kind', choices: ['added', 'removed', 'changed', 'any'] },
    IPBLOCK_OPTION,
  ],
  maxPositionals: 2,
  positionalName: 'paths (OLD NEW)',
  exitCodes: '0 done (whatever changed), 1 a change of a --fail-on kind, 2 unreadable or invalid input or bad usage',
  examples: [
    'cdk8s-netpol diff main-dist/ dist/',
    'cdk8s-netpol diff main-dist/ dist/ --fail-on added',
    'cdk8s-netpol diff --old base/a.yaml --old base/b.yaml --new dist/ --format md',
  ],
  load: () => require('./diff-command') as CommandModule,
};

for (const spec of [LINT, REPORT, DIFF]) registerCommand(spec);
