/**
 * What a rule is: an id, a severity, a one-line cause, an explanation and a fix side by side
 * (as in cdk-nag), and a pure function from the lint context to violations.
 */
import { LintContext, LintObject } from './context';
import { Severity } from './finding';

/** One thing a rule found; the linter turns it into a `Finding` (adds severity, file, suppression). */
export interface Violation {
  /** the object the finding is about (suppressions are read from it) */
  readonly object: LintObject;
  /** what is wrong, specific to this object */
  readonly message: string;
  /** a fix specific to this object; the rule's `fix` when absent */
  readonly fix?: string;
  /** field path inside the object */
  readonly location?: string;
  /** other objects involved (their suppression annotations count too) */
  readonly related?: readonly LintObject[];
}

export interface LintRule {
  /** `NP001`..: a contract, never reused */
  readonly id: string;
  /** kebab-case name */
  readonly name: string;
  readonly severity: Severity;
  /** one line: what the rule detects */
  readonly cause: string;
  /** why it matters */
  readonly explanation: string;
  /** the generic fix, one line */
  readonly fix: string;
  readonly check: (ctx: LintContext) => Violation[];
}
