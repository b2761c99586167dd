import { Severity } from '../finding';
import { objectRef } from '../finding-order';
import { LintRule } from '../rule';
import { SUPPRESS_ANNOTATION, suppressionsOf } from '../suppressions';

/**
 * NP000: the meta rule for suppression annotations that cannot be honoured. The runner always
 * runs it (whatever `rules` and `skip` say), and its findings cannot be suppressed.
 */
export const NP000: LintRule = {
  id: 'NP000',
  name: 'invalid-suppression',
  severity: Severity.ERROR,
  cause: 'A suppression annotation that cannot be honoured (no reason, or not a rule id).',
  explanation: `Suppressions are explicit and carry a reason: ${SUPPRESS_ANNOTATION}: "NP001=why this is fine". ` +
    'An entry without a reason is ignored and reported, so that nothing is silenced by accident.',
  fix: `Write ${SUPPRESS_ANNOTATION}: "NPnnn=reason, NPmmm=reason".`,
  check: (ctx) => ctx.objects.flatMap((o) => suppressionsOf(o).problems.map((problem) => ({
    object: o,
    location: `metadata.annotations["${SUPPRESS_ANNOTATION}"]`,
    message: `${objectRef(o)}: ${problem}; it is ignored.`,
  }))),
};
