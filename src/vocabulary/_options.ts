/**
 * Props and option objects checked where they enter, for callers that TypeScript does not check:
 * plain JavaScript and the other jsii languages. A misspelled key (`form:` for `from:`) would
 * otherwise be ignored and the construct would allow more than was written, so an unknown key is
 * an error naming the valid ones; a boolean given as a string (`allowDns: 'false'`, which is
 * truthy) is an error too. Values of other kinds are checked by their users, with hints of their
 * own. Not public API.
 */
import { closestMatch, quote } from '../text';

/** What a key holds, as far as this check goes (`other`: checked by whoever reads it). */
export type PropKind = 'string' | 'boolean' | 'other';

/** The keys an object takes, with their kinds. */
export type PropKinds = Readonly<Record<string, PropKind>>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks props or options: an object (or nothing), without unknown keys when `exact`, with
 * strings and booleans of the right type. Returns the object (`{}` for undefined or null).
 *
 * @param noun what the keys are called in messages: `prop` or `option`
 * @param fail builds the error, e.g. with the construct's path and kind
 */
export function checkOptions<T extends object>(
  props: T | undefined | null, kinds: PropKinds, exact: boolean, noun: 'prop' | 'option', fail: (message: string) => Error,
): T {
  if (props === undefined || props === null) return {} as T;
  const proto = typeof props === 'object' ? Object.getPrototypeOf(props) : undefined;
  if (typeof props !== 'object' || Array.isArray(props) || (proto !== Object.prototype && proto !== null)) {
    throw fail(`invalid ${noun}s ${quote(props)}: must be an object of ${noun}s, not ${typeOf(props)}`);
  }
  const known = Object.keys(kinds);
  for (const [key, value] of Object.entries(props)) {
    const kind = kinds[key];
    if (kind === undefined) {
      // an unknown key left undefined changes nothing (`{ ...props, extra: undefined }`)
      if (!exact || value === undefined) continue;
      const typo = closestMatch(key, known);
      throw fail(`unknown ${noun} ${quote(key)}${typo ? ` (did you mean ${quote(typo)}?)` : ''}: valid ${noun}s are ${[...known].sort().join(', ')}`);
    }
    if (value === undefined || kind === 'other') continue;
    if (kind === 'boolean' && typeof value !== 'boolean') {
      throw fail(`invalid ${key} ${quote(value)}: must be true or false, not ${typeOf(value)}`);
    }
    if (kind === 'string' && typeof value !== 'string') {
      throw fail(`invalid ${key} ${quote(value)}: must be a string, not ${typeOf(value)}`);
    }
  }
  return props;
}
