/**
 * Runs the rule pack over a set of objects and turns violations into findings: severity,
 * file, construct path, and suppressions (annotation `cdk8s-netpol.io/suppress` on the object
 * or on a related object). Invalid suppressions are reported as NP000 findings.
 */
import { LintContext, LintInput } from './context';
import { Finding } from './finding';
import { objectRef, sortFindings } from './finding-order';
import { LintRule } from './rule';
import { RULES } from './rules';
import { NP000 } from './rules/np000-invalid-suppression';
import { suppressionsOf } from './suppressions';

// where these lived before the runner was split (the report and the CLI import them from here)
export { ruleDocs } from './rule-docs';
export { failsBuild } from './exit-policy';

export interface LintOptions {
  /** rule ids to run (default: all) */
  readonly rules?: readonly string[];
  /** rule ids to skip */
  readonly skip?: readonly string[];
  /** whether ipBlocks also match pod IPs (engine option; plugin-dependent) */
  readonly ipBlockMatchesPods?: boolean;
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
        ...(v.related && v.related.length > 0 ? { related: v.related.map(objectRef) } : {}),
        ...(reason !== undefined ? { suppressed: true, suppressionReason: reason } : {}),
      });
    }
  }
  // NP000 always runs, and its findings cannot be suppressed
  for (const v of NP000.check(ctx)) {
    const o = v.object;
    findings.push({
      ruleId: NP000.id,
      severity: NP000.severity,
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      location: v.location,
      message: v.message,
      fix: NP000.fix,
      ...(o.file ? { file: o.file } : {}),
      ...(o.line ? { line: o.line } : {}),
      ...(o.constructPath ? { constructPath: o.constructPath } : {}),
    });
  }
  return { findings: sortFindings(findings), context: ctx };
}
