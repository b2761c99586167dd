/**
 * The operator of a label expression (`matchExpressions[].operator`).
 */
export enum LabelOperator {
  /** The label is present and its value is one of `values`. */
  IN = 'In',
  /** The label is absent, or its value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The label is present, whatever its value. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/**
 * A set-based label requirement (one entry of `matchExpressions`). All the expressions of a
 * selector, and its exact labels, must hold at once (AND).
 *
 * @example
 * const expression: LabelExpression = { key: 'tier', operator: LabelOperator.IN, values: ['web', 'api'] };
 */
export interface LabelExpression {
  /**
   * The label key, e.g. `tier` or `app.kubernetes.io/name`.
   */
  readonly key: string;

  /**
   * How the label is compared with `values`.
   */
  readonly operator: LabelOperator;

  /**
   * The values to compare with. Required (and non-empty) for `IN` and `NOT_IN`; must be
   * omitted for `EXISTS` and `DOES_NOT_EXIST`.
   *
   * @default - no values
   */
  readonly values?: string[];
}
