import { RULES } from './rules';
import { NP000 } from './rules/np000-invalid-suppression';

/** Every rule's documentation, NP000 included: for RULES.md, SARIF and `lint --list-rules`. */
export function ruleDocs(): { id: string; name: string; severity: string; cause: string; explanation: string; fix: string }[] {
  return [NP000, ...RULES].map((r) => ({ id: r.id, name: r.name, severity: r.severity, cause: r.cause, explanation: r.explanation, fix: r.fix }));
}
