/**
 * An error about a construct's input: `<construct path> (<kind>): <what is wrong>`, the one shape
 * every construct of the library throws.
 */
export function constructError(path: string, kind: string, message: string): Error {
  return new Error(`${path} (${kind}): ${message}`);
}
