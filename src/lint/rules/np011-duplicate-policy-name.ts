import type { LintObject } from '../context';
import { Severity } from '../finding';
import { LintRule, Violation } from '../rule';

/** NP011: two NetworkPolicies with the same name in one namespace: the last one wins. */
export const NP011: LintRule = {
  id: 'NP011',
  name: 'duplicate-policy-name',
  severity: Severity.ERROR,
  cause: 'Two NetworkPolicies with the same name in one namespace (across files too).',
  explanation: 'Objects are identified by kind, namespace and name: applying both keeps only the last one, so the rules of ' +
    'the other silently disappear (which one survives depends on the order of files).',
  fix: 'Give each policy a unique name, or merge their rules into one policy.',
  check: (ctx) => {
    const out: Violation[] = [];
    for (const list of ctx.duplicates('NetworkPolicy')) {
      const id = `${list[0].namespace}/${list[0].name}`;
      const where = (o: LintObject) => (o.file ? `${o.file}${o.line ? `:${o.line}` : ''}` : o.constructPath ?? 'the input');
      list.slice(1).forEach((dup) => {
        out.push({
          object: dup,
          related: [list[0]],
          message: `NetworkPolicy ${id} is defined ${list.length} times (${list.map(where).join(', ')}): only the last one applied survives.`,
          fix: `Rename one of them (e.g. ${list[0].name}-2) or merge their rules into one policy.`,
        });
      });
    }
    return out;
  },
};
