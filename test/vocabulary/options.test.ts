// Option objects and label maps as plain JavaScript passes them.
import { DnsProvider, Peer, PodSelector } from '../../src';
import { errorOf } from '../support/policy-helpers';

describe('options from untyped callers', () => {
  test('Peer.pods() given a string is an error, not "every pod of the policy namespace"', () => {
    expect(errorOf(() => Peer.pods('x' as any))).toBe('Peer.pods(): invalid options "x": must be an object of options, not a string');
  });

  test('Peer.pods() with a misspelled option names the valid ones', () => {
    expect(errorOf(() => Peer.pods({ label: { app: 'web' } } as any))).toBe(
      'Peer.pods(): unknown option "label" (did you mean "labels"?): valid options are allNamespaces, expressions, labels, namespace, namespaceExpressions, namespaceLabels');
    expect(errorOf(() => Peer.pods({ allNamespaces: 'yes' } as any))).toBe('Peer.pods(): invalid allNamespaces "yes": must be true or false, not a string');
  });

  test('a Map of labels is an error, not podSelector: {}', () => {
    expect(errorOf(() => PodSelector.labels(new Map([['app', 'web']]) as any))).toBe(
      "Invalid PodSelector.labels() labels Map(1): must be a map of label keys to values, e.g. { app: 'web' }");
    expect(errorOf(() => Peer.namespaces(new Map() as any))).toMatch(/^Invalid Peer\.namespaces\(\) labels Map\(0\): must be a map/);
  });

  test('PodSelector.matching() and DnsProvider.nodeLocal() check their options', () => {
    expect(errorOf(() => PodSelector.matching({ label: {} } as any))).toMatch(/^PodSelector\.matching\(\): unknown option "label" \(did you mean "labels"\?\)/);
    expect(errorOf(() => DnsProvider.nodeLocal({ includeKubeDns: 'false' } as any))).toBe(
      'DnsProvider.nodeLocal(): invalid includeKubeDns "false": must be true or false, not a string');
  });
});
