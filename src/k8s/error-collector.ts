/**
 * What every validator of this layer does while it walks one object: keep the first `max`
 * errors, count them all (so that "and N more" is true, and a million invalid entries cost no
 * million messages), and report fields the type does not have (strict decoding). The
 * NetworkPolicy and cluster-policy validators each extend it with their own checks.
 */
import { closestMatch } from '../text';
import { PolicyError } from './field-error';
import { isObject, typeName } from './json-shape';
import { labelKeyError, labelValueError } from './names';

export class ErrorCollector {
  public readonly errors: PolicyError[] = [];
  public total = 0;

  public constructor(private readonly max: number) {}

  /** true once `max` errors are kept: what follows is only counted */
  public get full(): boolean {
    return this.errors.length >= this.max;
  }

  public invalid(field: string, value: unknown, message: string, at?: string): void {
    this.add(at === undefined ? { type: 'Invalid', field, value, message } : { type: 'Invalid', field, value, message, at });
  }
  public required(field: string, message = ''): void {
    this.add({ type: 'Required', field, value: undefined, message });
  }
  public forbidden(field: string, message: string, value?: unknown): void {
    this.add({ type: 'Forbidden', field, value, message });
  }

  /** Checks that a set value is an object; reports and returns false otherwise. */
  public expectObject(field: string, v: unknown): v is Record<string, any> {
    if (isObject(v)) return true;
    this.invalid(field, v, `must be an object, not ${typeName(v)}`);
    return false;
  }

  /** matchLabels or metadata.labels: keys are qualified names, values label values (strings). */
  public labelMap(path: string, labels: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(labels)) {
      const keyErr = labelKeyError(key);
      if (keyErr) this.invalid(path, key, keyErr, `${path}[${key}]`);
      if (typeof value !== 'string') {
        const hint = typeof value === 'number' || typeof value === 'boolean' ? ` (quote it in YAML: "${value}")` : '';
        this.invalid(`${path}[${key}]`, value, `must be a string, not ${typeName(value)}${hint}`);
        continue;
      }
      const valueErr = labelValueError(value);
      if (valueErr) this.invalid(path, value, valueErr, `${path}[${key}]`);
    }
  }

  protected add(error: PolicyError): void {
    this.total++;
    if (!this.full) this.errors.push(error);
  }

  /**
   * Reports the keys of `obj` that are not in `known`: `did you mean` the closest known one, or
   * what was written elsewhere (`wrongPlace`), or the known fields of `what`. Once full, only
   * counted (no message, no suggestion looked for).
   */
  protected unknownKeys(
    path: string, obj: Record<string, unknown>, known: readonly string[], what: string, wrongPlace?: Record<string, string>,
  ): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      if (this.full) { this.total++; continue; }
      const elsewhere = wrongPlace?.[key];
      const typo = elsewhere ? undefined : closestMatch(key, known);
      const message = elsewhere ?? (typo ? `did you mean "${typo}"?` : `not a field of ${what}; known fields: ${known.join(', ')}`);
      this.add({ type: 'Unknown', field: path ? `${path}.${key}` : key, value: obj[key], message });
    }
  }
}
