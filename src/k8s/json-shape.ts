/** Small predicates on decoded JSON/YAML values, as the validators and defaulting read them. */

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** null and undefined are the same thing in a manifest: the field is not set. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
