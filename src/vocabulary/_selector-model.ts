/**
 * Label selectors as the constructs hold them: validated, sorted, rendered one way.
 *
 * Shared by `PodSelector` (which pods a policy applies to) and `Peer` (pods and namespaces on
 * the other side of a rule). Not part of the public API.
 */
import { LabelExpression, LabelOperator } from './label-expression';
import { labelKeyError, LabelSelectorJson, LabelSelectorRequirementJson, labelValueError } from '../k8s';
import { compare, quote } from '../text';

/** One validated `matchExpressions` entry; `values` sorted and de-duplicated. */
export interface ExpressionModel {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/**
 * A validated label selector. `labels` has its keys sorted; `expressions` are sorted by their
 * text form. Both empty means "everything" (`{}`).
 */
export interface SelectorModel {
  readonly labels: Readonly<Record<string, string>>;
  readonly expressions: readonly ExpressionModel[];
}

/** The selector that matches everything (`{}`). */
export const EMPTY_SELECTOR: SelectorModel = { labels: {}, expressions: [] };

const OPERATORS: readonly string[] = Object.values(LabelOperator);

/**
 * What is wrong with an `app` label value (`Peer.app()`, `PodSelector.app()`, a policy's `app`):
 * it must be a non-empty label value. Undefined when it is fine.
 */
export function appNameProblem(name: string): string | undefined {
  if (name === '' || name === undefined || name === null) return 'must not be empty';
  return labelValueError(name);
}

/** Checks the name given to `Peer.app()` / `PodSelector.app()`; `where` names the call. */
export function checkAppName(name: string, where: string): string {
  const problem = appNameProblem(name);
  if (problem === 'must not be empty') {
    throw new Error(`Invalid app name ${quote(name)} in ${where}: must not be empty (it is the value of the "app" label)`);
  }
  if (problem) throw new Error(`Invalid app name ${quote(name)} in ${where}: it is the value of the "app" label, and ${problem}`);
  return name;
}

/**
 * Validates a label map. `where` says where it came from (e.g. `Peer.pods() labels`), for the
 * message. Returns a copy with the keys sorted.
 */
export function checkLabels(labels: Record<string, string> | undefined, where: string): Record<string, string> {
  if (labels === undefined || labels === null) return {};
  const proto = typeof labels === 'object' ? Object.getPrototypeOf(labels) : undefined;
  // a Map (or any class instance) has no own keys to read: it would select every pod
  if (typeof labels !== 'object' || Array.isArray(labels) || (proto !== Object.prototype && proto !== null)) {
    const shown = labels instanceof Map ? `Map(${labels.size})` : quote(labels);
    throw new Error(`Invalid ${where} ${shown}: must be a map of label keys to values, e.g. { app: 'web' }`);
  }
  const result: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key];
    const keyErr = labelKeyError(key);
    if (keyErr) throw new Error(`Invalid label key ${quote(key)} in ${where}: ${keyErr}`);
    const valueErr = labelValueError(value);
    if (valueErr) throw new Error(`Invalid label value ${quote(value)} for key ${quote(key)} in ${where}: ${valueErr}`);
    result[key] = value;
  }
  return result;
}

/** Validates label expressions (SEMANTICS.md section 2) and puts them in canonical order. */
export function checkExpressions(expressions: readonly LabelExpression[] | undefined, where: string): ExpressionModel[] {
  if (expressions === undefined || expressions === null) return [];
  if (!Array.isArray(expressions)) {
    throw new Error(`Invalid ${where} ${quote(expressions)}: must be a list of { key, operator, values } expressions`);
  }
  const result: ExpressionModel[] = [];
  const seen = new Set<string>();
  expressions.forEach((e, i) => {
    const at = `${where}[${i}]`;
    if (!e || typeof e !== 'object') throw new Error(`Invalid label expression ${quote(e)} at ${at}: must be { key, operator, values? }`);
    const keyErr = labelKeyError(e.key);
    if (keyErr) throw new Error(`Invalid label key ${quote(e.key)} at ${at}.key: ${keyErr}`);
    if (!OPERATORS.includes(e.operator)) {
      throw new Error(`Invalid operator ${quote(e.operator)} at ${at}.operator: must be one of ${OPERATORS.map((o) => `"${o}"`).join(', ')} (LabelOperator)`);
    }
    const values = e.values ?? [];
    if (!Array.isArray(values)) throw new Error(`Invalid values ${quote(values)} at ${at}.values: must be a list of label values`);
    const setBased = e.operator === LabelOperator.IN || e.operator === LabelOperator.NOT_IN;
    if (setBased && values.length === 0) {
      throw new Error(`Invalid label expression at ${at}: operator "${e.operator}" on key ${quote(e.key)} requires a non-empty list of values`);
    }
    if (!setBased && values.length > 0) {
      throw new Error(`Invalid label expression at ${at}: operator "${e.operator}" on key ${quote(e.key)} takes no values, got ${quote(values)}; use LabelOperator.IN to match values`);
    }
    for (const v of values) {
      const valueErr = labelValueError(v);
      if (valueErr) throw new Error(`Invalid label value ${quote(v)} at ${at}.values: ${valueErr}`);
    }
    const model: ExpressionModel = { key: e.key, operator: e.operator, values: [...new Set(values)].sort() };
    const text = expressionToString(model);
    if (!seen.has(text)) {
      seen.add(text);
      result.push(model);
    }
  });
  return result.sort((a, b) => compare(expressionToString(a), expressionToString(b)));
}

/** Builds a validated selector from optional labels and expressions. */
export function makeSelector(
  labels: Record<string, string> | undefined,
  expressions: readonly LabelExpression[] | undefined,
  where: string,
): SelectorModel {
  return {
    labels: checkLabels(labels, `${where} labels`),
    expressions: checkExpressions(expressions, `${where} expressions`),
  };
}

/** true when the selector matches everything. */
export function isEmptySelector(s: SelectorModel): boolean {
  return Object.keys(s.labels).length === 0 && s.expressions.length === 0;
}

/** The selector in Kubernetes shape; `{}` when it matches everything, never empty lists. */
export function renderSelector(s: SelectorModel): LabelSelectorJson {
  const out: { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirementJson[] } = {};
  if (Object.keys(s.labels).length > 0) out.matchLabels = { ...s.labels };
  if (s.expressions.length > 0) {
    out.matchExpressions = s.expressions.map((e) => (e.values.length > 0
      ? { key: e.key, operator: e.operator, values: [...e.values] }
      : { key: e.key, operator: e.operator }));
  }
  return out;
}

function expressionToString(e: ExpressionModel): string {
  switch (e.operator) {
    case LabelOperator.IN: return `${e.key} in (${e.values.join(',')})`;
    case LabelOperator.NOT_IN: return `${e.key} notin (${e.values.join(',')})`;
    case LabelOperator.EXISTS: return e.key;
    default: return `!${e.key}`;
  }
}

/**
 * The selector in `kubectl -l` syntax: `app=web,tier in (a,b),!legacy`. Empty string when it
 * matches everything.
 */
export function selectorToString(s: SelectorModel): string {
  return [
    ...Object.entries(s.labels).map(([k, v]) => `${k}=${v}`),
    ...s.expressions.map(expressionToString),
  ].join(',');
}
