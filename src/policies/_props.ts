/**
 * The props of the policy constructs, declared per class, for `checkOptions`: a construct's
 * props are exact (an unknown key is an error) once its class declares them.
 */
import { PropKinds } from '../vocabulary/_options';

/** The props every policy construct takes (`PolicyProps`). */
export const POLICY_PROPS: PropKinds = { name: 'string', namespace: 'string', app: 'string', selector: 'other' };

const KINDS = new Map<Function, PropKinds>();

/** Declares the props of a construct class (its own and those it inherits). */
export function declareProps(cls: Function, kinds: PropKinds): void {
  KINDS.set(cls, kinds);
}

/** The declared props of a class, or of the nearest class it extends that has some. */
export function declaredProps(cls: Function): PropKinds | undefined {
  for (let c: any = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const kinds = KINDS.get(c);
    if (kinds) return kinds;
  }
  return undefined;
}

