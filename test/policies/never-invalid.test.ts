import { Testing } from 'cdk8s';
import { AllowFrom, AllowTo, LabelOperator, Peer, Port } from '../../src';
import { validateNetworkPolicy } from '../../src/k8s';
import { newChart } from '../support/policy-helpers';

/**
 * Whatever the input: either it is rejected where it enters (with a message that says what is
 * wrong), or the synthesized manifest is one the API server accepts. Never a stack trace from
 * deep inside, never an invalid manifest.
 *
 * Inputs come from a seeded generator (deterministic: the same cases on every run).
 */
type Attach = (chart: ReturnType<typeof newChart>) => void;

function rejectedOrValid(build: () => Attach): 'rejected' | 'valid' {
  let attach: Attach;
  try {
    attach = build();
  } catch (e) {
    expect((e as Error).message).toMatch(/^Invalid /);
    return 'rejected';
  }
  const chart = newChart('shop');
  try {
    attach(chart);
  } catch (e) {
    expect((e as Error).message).toMatch(/^test\/p \(\w+\): /);
    return 'rejected';
  }
  for (const manifest of Testing.synth(chart)) {
    expect(validateNetworkPolicy(manifest)).toEqual([]);
  }
  return 'valid';
}

/** Park-Miller minimal standard generator: small, seeded, no bit tricks. */
function random(seed: number): () => number {
  let state = seed % 2147483647;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const rnd = random(20261124);
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
const chars = (alphabet: string, maxLength: number) => Array.from({ length: int(0, maxLength) }, () => pick([...alphabet])).join('');
const octet = () => (rnd() < 0.9 ? String(int(0, 255)) : pick(['256', '01', '', 'x']));
const ipv4 = () => [octet(), octet(), octet(), octet()].join('.');
const prefix = () => (rnd() < 0.85 ? `/${int(0, 32)}` : pick(['', '/33', '/08', '/-1']));
const cidr = () => ipv4() + prefix();
const LABEL_CHARS = 'abcXYZ019-_./ ';
const labelish = () => chars(LABEL_CHARS, 12);

/** Runs `n` cases and checks both outcomes happen (the generator is not degenerate). */
function cases(n: number, one: () => 'rejected' | 'valid') {
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(one());
  expect([...seen].sort()).toEqual(['rejected', 'valid']);
}

describe('inputs are rejected where they enter, or give a valid manifest', () => {
  test('port numbers and ranges', () => {
    cases(300, () => {
      const a = int(-10, 70000);
      const b = rnd() < 0.5 ? a + int(-5, 100) : int(-10, 70000);
      return rejectedOrValid(() => {
        const ports = [Port.tcp(a), Port.udpRange(a, b)];
        return (chart) => new AllowFrom(chart, 'p', { ports });
      });
    });
  });

  test('named ports', () => {
    cases(300, () => {
      const name = chars('abcz09-A', 17);
      return rejectedOrValid(() => {
        const port = Port.named(name);
        return (chart) => new AllowFrom(chart, 'p', { ports: [port] });
      });
    });
  });

  test('CIDRs and excepts; a suggested fix is itself accepted', () => {
    cases(500, () => {
      const block = cidr();
      const except = cidr();
      try {
        Peer.ipv4(block);
      } catch (e) {
        const suggestion = /Did you mean "([^"]+)"\?$/.exec((e as Error).message);
        if (suggestion) expect(() => Peer.ipv4(suggestion[1])).not.toThrow();
      }
      return rejectedOrValid(() => {
        const peer = Peer.ipv4(block, rnd() < 0.3 ? [] : [except]);
        return (chart) => new AllowTo(chart, 'p', { to: [peer] });
      });
    });
  });

  test('labels, expressions and namespaces', () => {
    cases(500, () => {
      const key = labelish();
      const value = labelish();
      const ns = chars('abz09-.A', 8);
      const operator = pick(Object.values(LabelOperator));
      return rejectedOrValid(() => {
        const values = operator === LabelOperator.IN || operator === LabelOperator.NOT_IN ? [value] : undefined;
        const peer = Peer.pods({ labels: { [key]: value }, expressions: [{ key, operator, values }], namespace: ns });
        return (chart) => new AllowFrom(chart, 'p', { from: [peer], app: value === '' ? undefined : value });
      });
    });
  });

  test('names and namespaces of the policy', () => {
    cases(300, () => {
      const name = chars('abz09-.A_', 10);
      const namespace = chars('abz09-.A', 8);
      return rejectedOrValid(() => (chart) => new AllowFrom(chart, 'p', { name, namespace }));
    });
  });
});
