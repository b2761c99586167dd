/**
 * The API server's defaulting of a NetworkPolicy (SEMANTICS.md section 1), applied before
 * validation and enforcement: the engine reads policies through it.
 */
import { isObject, isSet } from './json-shape';

/**
 * Applies the API server's defaulting (SEMANTICS.md section 1) to a copy of a NetworkPolicy:
 * `protocol: TCP` on every port entry without one, and `policyTypes` when none are written
 * (`Ingress`, plus `Egress` when `spec.egress` has at least one rule). The input is not changed.
 * Best effort on invalid input: shapes it does not understand are copied unchanged.
 */
export function defaultNetworkPolicy(obj: any): any {
  const copy: any = structuredClone(obj);
  if (!isObject(copy)) return copy;
  if (!isSet(copy.spec)) copy.spec = {};
  const spec = copy.spec;
  if (!isObject(spec)) return copy;
  for (const dir of ['ingress', 'egress']) {
    const rules = spec[dir];
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) {
      if (!isObject(rule) || !Array.isArray(rule.ports)) continue;
      rule.ports = rule.ports.map((p: unknown) => {
        if (!isSet(p)) return { protocol: 'TCP' };
        if (isObject(p) && !isSet(p.protocol)) return { ...p, protocol: 'TCP' };
        return p;
      });
    }
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    const types = ['Ingress'];
    if (Array.isArray(spec.egress) && spec.egress.length > 0) types.push('Egress');
    spec.policyTypes = types;
  }
  return copy;
}

/**
 * The policy types in force for a policy (after defaulting), without copying it.
 */
export function effectivePolicyTypes(obj: any): { ingress: boolean; egress: boolean } {
  const spec = isObject(obj) && isObject(obj.spec) ? obj.spec : {};
  const types = spec.policyTypes;
  if (Array.isArray(types) && types.length > 0) {
    return { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
  }
  return { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
}
