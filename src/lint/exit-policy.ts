/** The exit policy: which findings fail a build (`lint`, the synth-time check, the validation plugin). */
import { Finding, Severity } from './finding';

/** true when the finding fails a build on its own: active (not suppressed) and an error, or (strict) a warning. */
export function isBlocking(finding: Finding, strict = false): boolean {
  return !finding.suppressed && (finding.severity === Severity.ERROR || (strict && finding.severity === Severity.WARNING));
}

/** true when the findings should fail a build: an active error, or (strict) an active warning. */
export function failsBuild(findings: readonly Finding[], strict = false): boolean {
  return findings.some((f) => isBlocking(f, strict));
}
