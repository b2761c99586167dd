/**
 * Errors about one field of an object, in the API server's shape (`field.Error`):
 * `spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port``.
 */
import { cutText, MAX_QUOTED_VALUE, quote, visibleText } from '../text';

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
  /**
   * where in the object the line of the error is, when `field` is less precise (the API server
   * names a label map, `metadata.labels`; the line is the label's, `metadata.labels[app]`)
   */
  readonly at?: string;
}

const TYPE_TEXT: Record<PolicyErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Unsupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Unknown: 'Unknown field',
};

/**
 * Characters of a field path in a message. A path is made of the input's keys (an unknown field,
 * a label key), so a long one is cut, saying how long it was; every path of a valid object is
 * shorter (the longest label key, 317 characters, in the deepest selector).
 */
export const MAX_FIELD_PATH = 4 * MAX_QUOTED_VALUE;

/**
 * Characters of the message part of an error: messages are written here, but some name values
 * (a suggestion, a CIDR), so they are bounded too.
 */
export const MAX_ERROR_MESSAGE = 8 * MAX_QUOTED_VALUE;

/**
 * Formats a value the way the API server does: strings quoted, numbers bare, lists as JSON.
 * Values longer than `MAX_QUOTED_VALUE` characters are cut, saying how long they were.
 */
export function formatValue(value: unknown): string {
  return value === undefined || value === null ? 'null' : quote(value);
}

/**
 * One error in the API server's shape, on one line of bounded length (the value, the field path
 * and the message are each cut when long, and what a reader cannot see is shown as escapes):
 * `spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port``,
 * `spec.ingress[0].from[0]: Required value: must specify a peer`,
 * `spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"`.
 */
export function formatPolicyError(e: PolicyError): string {
  const type = e.type ?? 'Invalid';
  let body = TYPE_TEXT[type];
  if (type === 'Invalid' || type === 'Unsupported') body += `: ${formatValue(e.value)}`;
  if (e.message) body += `: ${visibleText(cutText(e.message, MAX_ERROR_MESSAGE))}`;
  return `${visibleText(cutText(e.field, MAX_FIELD_PATH))}: ${body}`;
}

