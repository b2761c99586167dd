import { markdownCell } from '../text';
import { ruleDocs } from './rule-docs';
import { SUPPRESS_ANNOTATION } from './suppressions';

/** RULES.md, from the rules themselves (a test keeps the file in sync). */
export function renderRulesMarkdown(): string {
  const rules = ruleDocs();
  const cell = markdownCell;
  const out = [
    '# cdk8s-netpol lint rules',
    '',
    '<!-- generated from src/lint/rules/*.ts by test/lint/write-rules-md.ts; do not edit by hand -->',
    '',
    'Rule ids are a contract: they never change meaning and are never reused. `error` fails',
    '`cdk8s-netpol lint`, the synth-time check and the cdk8s validation plugin; `warning` fails them',
    'with `--strict` / `strict: true`; `info` never fails.',
    '',
    '| id | name | severity | cause | fix |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | \`${r.name}\` | ${r.severity} | ${cell(r.cause)} | ${cell(r.fix)} |`),
    '',
    '## Suppressing a finding',
    '',
    `Put the annotation \`${SUPPRESS_ANNOTATION}\` on the object the finding is about (the workload or`,
    'the policy; for NP007 also the policy that re-opens the address, for NP011 the first duplicate):',
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${SUPPRESS_ANNOTATION}: "NP001=public web server behind the load balancer, NP012=serves every port on purpose"`,
    '```',
    '',
    'Every suppression needs a reason. Suppressed findings are still reported (text: "Suppressed:";',
    'SARIF: a `suppressions` entry with the justification; JSON: `suppressed: true`), and never fail',
    'a build. An entry without a reason is ignored and reported as NP000.',
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.id}`, '', `**${r.name}** (${r.severity}): ${r.cause}`, '', r.explanation, '', `**Fix:** ${r.fix}`, '');
  }
  return out.join('\n');
}
