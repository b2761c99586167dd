/**
 * # Reading manifests
 *
 * - `parse.ts`: the text of one input (YAML or JSON) into located objects.
 * - `read.ts`: files, directories and standard input.
 * - `limits.ts`: how big, deep and many inputs may be.
 * - `describe.ts`: locations (`file.yaml:12`), object names (`NetworkPolicy shop/x`) and
 *   `ManifestError`.
 */
export * from './describe';
export * from './parse';
export * from './read';
export * from './limits';
