/**
 * Suppressions: an object opts out of a rule with a reason, in an annotation.
 *
 *     metadata:
 *       annotations:
 *         cdk8s-netpol.io/suppress: "NP001=public web server, NP012=intended"
 *
 * Entries are separated by commas (a reason may itself contain commas: an entry starts only at
 * `NPnnn=`). A suppression without a reason is not honoured: the linter reports it instead.
 * Suppressed findings are still reported (marked suppressed, with the reason); they never fail
 * a build.
 */
import type { LintObject } from './context';
import { quote } from '../text';

/** The annotation that carries suppressions. */
export const SUPPRESS_ANNOTATION = 'cdk8s-netpol.io/suppress';

export interface ParsedSuppressions {
  /** rule id -> reason */
  readonly byRule: ReadonlyMap<string, string>;
  /** entries that could not be honoured, each with why */
  readonly problems: string[];
}

const RULE_ID = /^NP\d{3}$/;

/** Parses the value of the suppress annotation. */
export function parseSuppressions(value: unknown): ParsedSuppressions {
  const byRule = new Map<string, string>();
  const problems: string[] = [];
  if (value === undefined || value === null) return { byRule, problems };
  if (typeof value !== 'string') {
    problems.push(`${SUPPRESS_ANNOTATION} must be a string like "NP001=reason", got ${quote(value)}`);
    return { byRule, problems };
  }
  const entries = value.split(/,(?=\s*[A-Za-z]+\d+\s*(?:=|,|$))/).map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const id = (eq === -1 ? entry : entry.slice(0, eq)).trim().toUpperCase();
    const reason = eq === -1 ? '' : entry.slice(eq + 1).trim();
    if (!RULE_ID.test(id)) {
      // the entry is input: quoted (escaped, and cut when long), like every value in a message
      problems.push(`${quote(entry)} is not a suppression: write "NP001=reason"`);
    } else if (reason === '') {
      problems.push(`suppression of ${id} has no reason: write "${id}=why this is fine"`);
    } else {
      byRule.set(id, reason);
    }
  }
  return { byRule, problems };
}

/** The suppressions an object's annotation asks for. */
export function suppressionsOf(o: LintObject): ParsedSuppressions {
  return parseSuppressions(o.raw?.metadata?.annotations?.[SUPPRESS_ANNOTATION]);
}
