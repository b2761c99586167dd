/**
 * Errors about hostile input stay bounded: a few per object (the rest counted), each one line of
 * bounded length, at a cost linear in the input (field-error.ts, validate-network-policy.ts).
 */
import {
  checkNetworkPolicy,
  formatPolicyError,
  formatValue,
  MAX_ERROR_MESSAGE,
  MAX_FIELD_PATH,
  MAX_POLICY_ERRORS,
  validateNetworkPolicy,
} from '../../src/k8s';
import { LIMITS } from '../../src/manifests/limits';

const MB4 = 4 * 1024 * 1024;

function policy(spec: Record<string, unknown>): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec };
}

function elapsedMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('one object, many errors: the first MAX_POLICY_ERRORS are kept, every one is counted', () => {
  test('the bound is one more than the CLI prints', () => {
    expect(MAX_POLICY_ERRORS).toBe(LIMITS.maxErrors + 1);
  });

  test('an ingress rule with 100,000 invalid `from` entries', () => {
    // one shared entry, as a YAML alias writes it: `from: [*bad, *bad, ...]`
    const bad = { ipBlock: { cidr: 'not-a-cidr' } };
    const obj = policy({ podSelector: {}, ingress: [{ from: Array.from({ length: 100_000 }, () => bad) }] });
    let check: ReturnType<typeof checkNetworkPolicy> | undefined;
    const ms = elapsedMs(() => { check = checkNetworkPolicy(obj); });
    expect(check!.errors).toHaveLength(MAX_POLICY_ERRORS);
    expect(check!.total).toBe(100_000);
    expect(check!.errors[0].field).toBe('spec.ingress[0].from[0].ipBlock.cidr');
    expect(check!.errors[50].field).toBe('spec.ingress[0].from[50].ipBlock.cidr');
    expect(validateNetworkPolicy(obj)).toEqual(check!.errors);
    expect(ms).toBeLessThan(10_000); // linear: about 1 s, 2 s under coverage; quadratic would be hours
  });

  test('maxErrors chooses how many are kept', () => {
    const obj = policy({ podSelector: {}, policyTypes: ['a', 'b'], egress: [{ ports: [{ protocol: 'x' }, { protocol: 'y' }] }] });
    expect(checkNetworkPolicy(obj).total).toBe(4); // two protocols, two policyTypes
    expect(checkNetworkPolicy(obj, { maxErrors: 1 })).toEqual({ errors: [checkNetworkPolicy(obj).errors[0]], total: 4 });
    expect(validateNetworkPolicy(obj, { maxErrors: 0 })).toEqual([]);
  });

  test('past the bound, unknown fields are counted without looking for a suggestion', () => {
    const spec: Record<string, unknown> = { podSelector: {} };
    for (let i = 0; i < 200_000; i++) spec[`ingres${i}`] = 1;
    let check: ReturnType<typeof checkNetworkPolicy> | undefined;
    const ms = elapsedMs(() => { check = checkNetworkPolicy(policy(spec)); });
    expect(check!.total).toBe(200_000);
    expect(check!.errors).toHaveLength(MAX_POLICY_ERRORS);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('a 4 MB unknown field name', () => {
  const key = 'a'.repeat(MB4);

  test('is reported at once, on one line of bounded length, cut saying how long it was', () => {
    let errors: ReturnType<typeof validateNetworkPolicy> = [];
    const ms = elapsedMs(() => { errors = validateNetworkPolicy(policy({ podSelector: {}, [key]: 1 })); });
    expect(ms).toBeLessThan(200);
    expect(errors).toHaveLength(1);
    const line = formatPolicyError(errors[0]);
    expect(line).toBe(`spec.${'a'.repeat(MAX_FIELD_PATH - 5)}… (${MB4 + 5} characters): Unknown field: ` +
      'not a field of spec; known fields: podSelector, ingress, egress, policyTypes');
    expect(line.length).toBeLessThan(MAX_FIELD_PATH + 200);
  });

  test('at any depth, as a label key too', () => {
    const errors = validateNetworkPolicy(policy({ podSelector: { matchLabels: { [key]: 'x' } } }));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(formatPolicyError(e).length).toBeLessThan(MAX_FIELD_PATH + MAX_ERROR_MESSAGE + 400);
  });
});

describe('values and messages quoted in errors are cut', () => {
  test('a 4 MB value', () => {
    const line = formatPolicyError({ type: 'Invalid', field: 'spec.ingress[0].ports[0].port', value: 'p'.repeat(MB4), message: 'must be no more than 15 characters' });
    expect(line).toBe(`spec.ingress[0].ports[0].port: Invalid value: "${'p'.repeat(LIMITS.maxQuotedValue)}…" (4194304 characters): must be no more than 15 characters`);
    expect(formatValue('p'.repeat(MB4))).toBe(`"${'p'.repeat(LIMITS.maxQuotedValue)}…" (4194304 characters)`);
  });

  test('a list of a million values', () => {
    const line = formatPolicyError({ type: 'Invalid', field: 'spec.policyTypes', value: Array.from({ length: 1_000_000 }, () => 'Ingress'), message: 'may not specify more than two policyTypes' });
    expect(line).toMatch(/^spec\.policyTypes: Invalid value: \["Ingress","Ingress",.*… \(a list of 1000000 items\): may not specify more than two policyTypes$/);
    expect(line.length).toBeLessThan(LIMITS.maxQuotedValue + 150);
  });

  test('a long message is cut; a line break in a field or a message never splits the line', () => {
    const line = formatPolicyError({ type: 'Unknown', field: 'spec.a\nb', value: 1, message: `x\r\n${'m'.repeat(MB4)}` });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^spec\.a\\nb: Unknown field: x\\r\\nm+… \(4194307 characters\)$/);
    expect(line.length).toBeLessThan(MAX_ERROR_MESSAGE + 100);
  });
});
