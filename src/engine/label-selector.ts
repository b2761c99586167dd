/**
 * Kubernetes label selectors (`matchLabels` + `matchExpressions`), normalized once and matched
 * many times. An absent selector and `{}` are different things in a peer (absent `podSelector`
 * means "every pod", absent `namespaceSelector` means "the policy's namespace"); callers keep
 * that distinction, this module only matches a selector that is present.
 */

import { compare } from '../text';

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A normalized selector: every `matchLabels` entry becomes an `In` requirement with one value. */
export interface Selector {
  readonly requirements: readonly SelectorRequirement[];
  /** canonical text, equal for selectors that match the same label sets by construction */
  readonly key: string;
}

/** `{}`: matches everything. */
export const EVERYTHING: Selector = { requirements: [], key: '{}' };

/**
 * Normalizes a `LabelSelector` object as written in a manifest. `undefined`/`null` gives
 * `undefined`; callers decide what an absent selector means.
 */
export function normalizeSelector(raw: any): Selector | undefined {
  if (raw === undefined || raw === null) return undefined;
  const requirements: SelectorRequirement[] = [];
  for (const [key, value] of Object.entries<any>(raw.matchLabels ?? {})) {
    requirements.push({ key, operator: 'In', values: [String(value)] });
  }
  for (const expr of raw.matchExpressions ?? []) {
    const values = [...new Set<string>((expr.values ?? []).map(String))].sort();
    requirements.push({ key: String(expr.key), operator: expr.operator, values });
  }
  requirements.sort((a, b) => compare(a.key, b.key) || compare(a.operator, b.operator) || compare(a.values.join(','), b.values.join(',')));
  return { requirements, key: selectorText(requirements) };
}

/** true when the labels satisfy every requirement of the selector. */
export function selectorMatches(selector: Selector, labels: Labels): boolean {
  for (const r of selector.requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(labels[r.key])) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(labels[r.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * If the selector pins one value of `key` (`matchLabels` or `In` with one value), that value.
 * Used to index namespace selectors by `kubernetes.io/metadata.name`.
 */
export function pinnedValue(selector: Selector, key: string): string | undefined {
  for (const r of selector.requirements) {
    if (r.key === key && r.operator === 'In' && r.values.length === 1) return r.values[0];
  }
  return undefined;
}

function selectorText(requirements: readonly SelectorRequirement[]): string {
  if (requirements.length === 0) return '{}';
  return requirements.map((r) => {
    switch (r.operator) {
      case 'In': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
      case 'NotIn': return `${r.key} notin (${r.values.join(',')})`;
      case 'Exists': return r.key;
      case 'DoesNotExist': return `!${r.key}`;
      default: return `${r.key} ${r.operator as string}`;
    }
  }).join(',');
}
