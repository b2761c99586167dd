/**
 * Errors about one field of an object, in the API server's shape (`field.Error`):
 * `spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port``.
 */
import { quote } from '../text';

/**
 * The kinds of error the API server reports (`field.ErrorType`), plus `Unknown` for a field
 * that strict decoding rejects.
 */
export type PolicyErrorType = 'Required' | 'Invalid' | 'Unsupported' | 'Forbidden' | 'Unknown';

/** One thing wrong with a NetworkPolicy. */
export interface PolicyError {
  /** field path in API-server form, e.g. `spec.ingress[0].ports[1].endPort` */
  readonly field: string;
  /** the offending value (undefined for a missing one) */
  readonly value: unknown;
  /** what is wrong, in the API server's words, sometimes followed by what to write instead */
  readonly message: string;
  /** the kind of error; `Invalid` when absent */
  readonly type?: PolicyErrorType;
}

const TYPE_TEXT: Record<PolicyErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Unsupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Unknown: 'Unknown field',
};

/** Formats a value the way the API server does: strings quoted, numbers bare, lists as JSON. */
export function formatValue(value: unknown): string {
  return value === undefined || value === null ? 'null' : quote(value);
}

/**
 * One error in the API server's shape:
 * `spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port``,
 * `spec.ingress[0].from[0]: Required value: must specify a peer`,
 * `spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"`.
 */
export function formatPolicyError(e: PolicyError): string {
  const type = e.type ?? 'Invalid';
  let body = TYPE_TEXT[type];
  if (type === 'Invalid' || type === 'Unsupported') body += `: ${formatValue(e.value)}`;
  if (e.message) body += `: ${e.message}`;
  return `${e.field}: ${body}`;
}
