import { LabelOperator, PodSelector } from '../../src';
import { errorOf } from '../support/policy-helpers';

describe('PodSelector', () => {
  test('app()', () => {
    expect(PodSelector.app('web')._render()).toEqual({ matchLabels: { app: 'web' } });
    expect(PodSelector.app('web').toString()).toBe('app=web');
  });

  test('labels() sorts keys', () => {
    const s = PodSelector.labels({ tier: 'api', app: 'shop' });
    expect(Object.keys(s._render().matchLabels!)).toEqual(['app', 'tier']);
    expect(s.toString()).toBe('app=shop,tier=api');
  });

  test('expressions()', () => {
    const s = PodSelector.expressions(
      { key: 'tier', operator: LabelOperator.IN, values: ['web', 'api', 'web'] },
      { key: 'legacy', operator: LabelOperator.DOES_NOT_EXIST },
    );
    expect(s._render()).toEqual({
      matchExpressions: [
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'tier', operator: 'In', values: ['api', 'web'] },
      ],
    });
    expect(s.toString()).toBe('!legacy,tier in (api,web)');
  });

  test('matching() combines labels and expressions', () => {
    const s = PodSelector.matching({ labels: { app: 'web' }, expressions: [{ key: 'canary', operator: LabelOperator.EXISTS }] });
    expect(s._render()).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'canary', operator: 'Exists' }] });
  });

  test('all() is {}', () => {
    expect(PodSelector.all()._render()).toEqual({});
    expect(PodSelector.labels({})._render()).toEqual({});
    expect(PodSelector.all().toString()).toBe('all pods');
  });

  describe('bad input', () => {
    test('invalid label key / value', () => {
      expect(errorOf(() => PodSelector.labels({ 'a/b/c': 'x' }))).toMatch(/^Invalid label key "a\/b\/c" in PodSelector.labels\(\) labels: a qualified name must consist/);
      expect(errorOf(() => PodSelector.labels({ app: '-x' }))).toMatch(/^Invalid label value "-x" for key "app" in PodSelector.labels\(\) labels/);
      expect(errorOf(() => PodSelector.app(''))).toBe('Invalid app name "" in PodSelector.app(""): must not be empty (it is the value of the "app" label)');
    });

    test('invalid expression', () => {
      expect(errorOf(() => PodSelector.expressions({ key: 'tier', operator: LabelOperator.NOT_IN, values: [] }))).toBe(
        'Invalid label expression at PodSelector.expressions() expressions[0]: operator "NotIn" on key "tier" requires a non-empty list of values');
    });
  });
});
