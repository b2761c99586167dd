/**
 * Helpers of the cluster policy sentences: their props are checked before `super()` (the policy
 * they are needs its subject), with errors of the one construct shape. Not public API.
 */
import { Construct } from 'constructs';
import { checkOptions, PropKinds } from '../../vocabulary/_options';
import { constructError } from '../_construct-error';

/** An error naming the construct about to be created (`scope/id`) and its kind. */
export function errorBefore(scope: Construct, id: string, kind: string): (message: string) => Error {
  return (message: string) => {
    const scopePath = scope.node.path;
    return constructError(scopePath ? `${scopePath}/${id}` : id, kind, message);
  };
}

/** Checks a sentence's props (exact), before the construct exists. */
export function checkSentenceProps<T extends object>(props: T | undefined, kinds: PropKinds, fail: (message: string) => Error): T {
  return checkOptions(props, kinds, true, 'prop', fail);
}
