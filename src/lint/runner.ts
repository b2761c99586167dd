/**
 * Runs the rule pack over a set of objects and turns violations into findings: severity,
 * file, construct path, and suppressions (annotation `cdk8s-netpol.io/suppress` on the object
 * or on a related object). Invalid suppressions are reported as NP000 findings.
 */
import { LintContext, LintInput, LintObject } from './context';
import { Finding, Severity } from './finding';
import { sortFindings } from './finding-order';
import { LintRule } from './rule';
import { RULES } from './rules';
import { SUPPRESS_ANNOTATION, parseSuppressions } from './suppressions';

export interface LintOptions {
  /** rule ids to run (default: all) */
  readonly rules?: readonly string[];
  /** rule ids to skip */
  readonly skip?: readonly string[];
  /** whether ipBlocks also match pod IPs (engine option; plugin-dependent) */
  readonly ipBlockMatchesPods?: boolean;
}

/** The meta rule for suppression annotations that cannot be honoured. */
export const NP000 = {
  id: 'NP000',
  name: 'invalid-suppression',
  severity: Severity.ERROR,
  cause: 'A suppression annotation that cannot be honoured (no reason, or not a rule id).',
  explanation: `Suppressions are explicit and carry a reason: ${SUPPRESS_ANNOTATION}: "NP001=why this is fine". ` +
    'An entry without a reason is ignored and reported, so that nothing is silenced by accident.',
  fix: `Write ${SUPPRESS_ANNOTATION}: "NPnnn=reason, NPmmm=reason".`,
};

function suppressionsOf(o: LintObject) {
  return parseSuppressions(o.raw?.metadata?.annotations?.[SUPPRESS_ANNOTATION]);
}

export interface LintResult {
  readonly findings: Finding[];
  readonly context: LintContext;
}

export function lintObjects(inputs: readonly LintInput[], options: LintOptions = {}): LintResult {
  const ctx = new LintContext(inputs, { ipBlockMatchesPods: options.ipBlockMatchesPods ?? false });
  const rules: LintRule[] = RULES.filter((r) =>
    (!options.rules || options.rules.includes(r.id)) && !(options.skip ?? []).includes(r.id));
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const v of rule.check(ctx)) {
      const o = v.object;
      let reason: string | undefined;
      for (const candidate of [o, ...(v.related ?? [])]) {
        reason = suppressionsOf(candidate).byRule.get(rule.id);
        if (reason !== undefined) break;
      }
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        message: v.message,
        fix: v.fix ?? rule.fix,
        ...(v.location ? { location: v.location } : {}),
        ...(o.file ? { file: o.file } : {}),
        ...(o.line ? { line: o.line } : {}),
        ...(o.constructPath ? { constructPath: o.constructPath } : {}),
        ...(v.related && v.related.length > 0 ? { related: v.related.map((r) => `${r.kind} ${r.namespace}/${r.name}`) } : {}),
        ...(reason !== undefined ? { suppressed: true, suppressionReason: reason } : {}),
      });
    }
  }
  for (const o of ctx.objects) {
    for (const problem of suppressionsOf(o).problems) {
      findings.push({
        ruleId: NP000.id,
        severity: NP000.severity,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        location: `metadata.annotations["${SUPPRESS_ANNOTATION}"]`,
        message: `${o.kind} ${o.namespace}/${o.name}: ${problem}; it is ignored.`,
        fix: NP000.fix,
        ...(o.file ? { file: o.file } : {}),
        ...(o.line ? { line: o.line } : {}),
        ...(o.constructPath ? { constructPath: o.constructPath } : {}),
      });
    }
  }
  return { findings: sortFindings(findings), context: ctx };
}

/** Every rule's documentation, NP000 included: for RULES.md, SARIF and `lint --list-rules`. */
export function ruleDocs(): { id: string; name: string; severity: string; cause: string; explanation: string; fix: string }[] {
  return [NP000, ...RULES].map((r) => ({ id: r.id, name: r.name, severity: r.severity, cause: r.cause, explanation: r.explanation, fix: r.fix }));
}

/** true when the findings should fail a build: an active error, or (strict) an active warning. */
export function failsBuild(findings: readonly Finding[], strict = false): boolean {
  return findings.some((f) => !f.suppressed && (f.severity === Severity.ERROR || (strict && f.severity === Severity.WARNING)));
}
