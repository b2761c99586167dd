/**
 * The input limits of reading manifests. The CLI runs on pull-request content, so every input
 * costs time and memory linear in its size, and input past these limits ends with a clear error
 * naming the file (never an internal error, never a hang).
 *
 * The figures are far above what a real cluster dump holds (a 5,000-workload dump is about
 * 30 MB, nests about 20 levels deep and has keys of at most 317 characters, the longest a label
 * or annotation key can be), and low enough that the machine of a CI job survives them.
 * SECURITY.md and the README's section on the CLI list them; keep the three in step.
 */
export const LIMITS = {
  /** bytes of one input (a file, or standard input) */
  maxInputBytes: 256 * 1024 * 1024,
  /** bytes of all inputs of one command together */
  maxTotalBytes: 512 * 1024 * 1024,
  /** Kubernetes objects (documents, and items of `List`s) of all inputs together */
  maxObjects: 200_000,
  /** nesting depth of mappings and sequences (an object's top level is depth 1) */
  maxDepth: 256,
  /**
   * characters of one YAML mapping key: libyaml (so kubectl) refuses an implicit key whose ':' is
   * further than 1024 characters from its start. JSON keys are read whatever their length, as
   * kubectl reads them.
   */
  maxKeyLength: 1024,
  /**
   * nodes that YAML aliases may add to one document, beyond the nodes written in it: aliases
   * make a small text into a huge value ("billion laughs")
   */
  maxAliasNodes: 100_000,
  /** error lines printed for one command (the count of the rest follows) */
  maxErrors: 50,
  /** characters of a value quoted in a message (longer ones are cut, saying how long they were) */
  maxQuotedValue: 120,
} as const;
