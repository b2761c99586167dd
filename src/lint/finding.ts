/**
 * How bad a finding is.
 */
export enum Severity {
  /** The policy does not do what it says: fails `lint` and the synth-time check. */
  ERROR = 'error',
  /** Probably a mistake: fails `lint --strict`. */
  WARNING = 'warning',
  /** Worth knowing; never fails a build. */
  INFO = 'info',
}

/**
 * One thing a rule found, about one object.
 */
export interface Finding {
  /** The rule id, e.g. `NP004`. Ids are stable: suppress and document by id. */
  readonly ruleId: string;
  /** How bad it is. */
  readonly severity: Severity;
  /** Kind of the object the finding is about (`NetworkPolicy`, `Deployment`, ...). */
  readonly kind: string;
  /** Namespace of the object. */
  readonly namespace: string;
  /** `metadata.name` of the object. */
  readonly name: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, in one line. */
  readonly fix: string;
  /**
   * Field path inside the object, e.g. `spec.ingress[0].from[1]`.
   * @default - the whole object
   */
  readonly location?: string;
  /**
   * File the object was read from.
   * @default - not read from a file (an app in memory)
   */
  readonly file?: string;
  /**
   * 1-based line where the object starts in `file`.
   * @default - not known
   */
  readonly line?: number;
  /**
   * Construct path of the object, when it comes from a cdk8s app.
   * @default - not known
   */
  readonly constructPath?: string;
  /**
   * Other objects involved, as `Kind namespace/name` (e.g. the policy that re-opens a range).
   * @default - none
   */
  readonly related?: string[];
  /**
   * true when an annotation suppresses this finding: it is reported, but never fails a build.
   * @default false
   */
  readonly suppressed?: boolean;
  /**
   * The reason given in the suppression annotation.
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
}
