/**
 * The API server's validation rules for names, labels and ports (SEMANTICS.md section 2),
 * as small pure functions. Each returns undefined when the value is valid, otherwise the
 * reason in the API server's words. The constructs (input checks) and the manifest validator
 * (engine, CLI, linter) both call these: there is one validation path.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** metadata.name of a NetworkPolicy: an RFC 1123 subdomain, at most 253 characters. */
export function dnsSubdomainError(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'a name is required';
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
      "and must start and end with an alphanumeric character (e.g. 'example.com')";
  }
  return undefined;
}

/** A namespace name: an RFC 1123 label, at most 63 characters. */
export function dnsLabelError(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'a name is required';
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS1123_LABEL.test(value)) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', " +
      "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')";
  }
  return undefined;
}

/** A label key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function labelKeyError(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'a label key must not be empty';
  const parts = key.split('/');
  if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end " +
      "with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return 'prefix part must be non-empty';
    const prefixErr = dnsSubdomainError(prefix);
    if (prefixErr) return `prefix part ${prefixErr}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with " +
      "an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')";
  }
  return undefined;
}

/** A label value: at most 63 characters, may be empty. */
export function labelValueError(value: string): string | undefined {
  if (typeof value !== 'string') return 'a label value must be a string';
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', " +
      "and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')";
  }
  return undefined;
}

/** A numeric port: an integer 1..65535. */
export function portNumberError(port: number): string | undefined {
  if (typeof port !== 'number' || !Number.isInteger(port)) return 'must be an integer between 1 and 65535, inclusive';
  if (port < 1 || port > 65535) return 'must be between 1 and 65535, inclusive';
  return undefined;
}

/**
 * A named port: an IANA service name (at most 15 characters, `a-z`, `0-9` and `-`, at least one
 * letter, no `--`, not starting or ending with `-`).
 */
export function ianaServiceNameError(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'a port name must not be empty';
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/** The label every namespace carries with its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
