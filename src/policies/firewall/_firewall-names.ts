/**
 * Readable, hash-free policy names for the `Firewall`: `<pods>-ingress` / `<pods>-egress`, where
 * `<pods>` comes from the pods' labels (`app=web` -> `web`, `role=frontend` -> `frontend`) or
 * the workload's construct id. Not public API.
 */
import { IConstruct } from 'constructs';
import { kebabCase } from '../../text';
import { ExpressionModel, SelectorModel } from '../../vocabulary/_selector-model';
import { LabelOperator } from '../../vocabulary/label-expression';

/** Labels whose value names an application, in order of preference. */
const NAME_LABELS = ['app', 'app.kubernetes.io/name', 'k8s-app', 'name'];

/** Longest base, so that `<base>-ingress` stays a short, valid name. */
const MAX_BASE = 63 - '-ingress'.length;

/** `My_App.v2` -> `my-app-v2`; empty when nothing usable is left. */
export function slug(text: string): string {
  return kebabCase(text, false).slice(0, MAX_BASE).replace(/-+$/g, '');
}

function join(parts: string[]): string {
  return slug(parts.filter((p) => p !== '').join('-'));
}

function expressionWords(e: ExpressionModel, long: boolean): string[] {
  switch (e.operator) {
    case LabelOperator.IN: return long ? [e.key, 'in', ...e.values] : [...e.values];
    case LabelOperator.NOT_IN: return [...(long ? [e.key] : []), 'not', ...e.values];
    case LabelOperator.EXISTS: return [e.key];
    default: return ['no', e.key];
  }
}

/**
 * Name candidates for the pods of a selector, best first: the short form uses label values
 * (`app` first), the long form keys and values, so that two different selectors rarely share both.
 */
export function selectorNames(s: SelectorModel): string[] {
  const keys = Object.keys(s.labels);
  if (keys.length === 0 && s.expressions.length === 0) return ['all-pods'];
  const first = NAME_LABELS.find((k) => s.labels[k] !== undefined && s.labels[k] !== '');
  const ordered = first !== undefined ? [first, ...keys.filter((k) => k !== first)] : keys;
  const short = join([
    ...ordered.map((k) => (s.labels[k] !== '' ? s.labels[k] : k)),
    ...s.expressions.flatMap((e) => expressionWords(e, false)),
  ]);
  const long = join([
    ...keys.flatMap((k) => [k, s.labels[k]]),
    ...s.expressions.flatMap((e) => expressionWords(e, true)),
  ]);
  return [...new Set([short, long].filter((n) => n !== ''))];
}

/** Name candidates for a workload's pods: its construct id, then its path. */
export function workloadNames(workload: IConstruct): string[] {
  const id = slug(workload.node.id);
  const path = join(workload.node.scopes.slice(1).map((c) => c.node.id));
  return [...new Set([id, path].filter((n) => n !== ''))];
}
