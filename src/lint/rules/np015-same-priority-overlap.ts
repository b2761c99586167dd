import { Severity } from '../finding';
import { LintRule } from '../rule';

/** NP015: two cluster policies of one tier and priority that decide a connection differently. */
export const NP015: LintRule = {
  id: 'NP015',
  name: 'same-priority-overlap',
  severity: Severity.WARNING,
  cause: 'Two cluster policies of one tier and one priority that select a common subject and decide a connection differently.',
  explanation: 'In a tier, cluster policies are evaluated by spec.priority, lower first. For two policies with the same ' +
    'priority upstream says "the implementation can apply any of the matching policies": one cluster may accept what ' +
    'another denies. The engine takes them by kind and name (reproducible, not something a network plugin promises) and ' +
    'reports every pair whose order changes a verdict of the input, with one connection that shows it.',
  fix: 'Give the two policies different priorities (the one that must win lower), or merge their rules into one policy.',
  check: (ctx) => ctx.samePriorityConflicts().map((c) => {
    const [first, second] = c.policies;
    return {
      object: ctx.objectOfClusterPolicy(first),
      related: [ctx.objectOfClusterPolicy(second)],
      location: c.field,
      message: `${first.id} and ${second.id} (${c.tier} tier, priority ${first.priority ?? 'none'}) decide ` +
        `${c.from.id} => ${c.to.id} on ${c.conns} differently (${c.direction.toLowerCase()}): which one applies is up to the implementation.`,
      fix: `Give ${first.id} or ${second.id} another spec.priority (the one that must win lower), or merge their rules into one policy.`,
    };
  }),
};
