// Props as plain JavaScript (or a loosely typed jsii language) passes them: a typo or a wrong
// type must be an error at the call, never a policy that allows more than was written.
import { AllowFrom, AllowTo, DefaultDeny, Firewall, IsolateNamespace, NetworkPolicyBase, Peer, PolicyProps, Port } from '../../src';
import { errorOf, newChart } from '../support/policy-helpers';

describe('props from untyped callers', () => {
  test('a misspelled prop is an error naming the valid ones, not "allow from anywhere"', () => {
    const chart = newChart('shop');
    const props: any = { app: 'db', form: [Peer.app('api')], ports: [Port.POSTGRES] };
    expect(errorOf(() => new AllowFrom(chart, 'x', props))).toBe(
      'test/x (AllowFrom): unknown prop "form" (did you mean "from"?): valid props are app, from, name, namespace, ports, selector');
  });

  test('an unknown key left undefined changes nothing, so it is not an error', () => {
    expect(new AllowFrom(newChart('shop'), 'x', { app: 'db', extra: undefined } as any).name).toBe('x');
  });

  test('every policy construct knows its own props', () => {
    const chart = newChart('shop');
    expect(errorOf(() => new AllowTo(chart, 'a', { app: 'web', too: [] } as any))).toMatch(/^test\/a \(AllowTo\): unknown prop "too" \(did you mean "to"\?\)/);
    expect(errorOf(() => new DefaultDeny(chart, 'b', { alowDns: true } as any))).toMatch(/^test\/b \(DefaultDeny\): unknown prop "alowDns" \(did you mean "allowDns"\?\)/);
    expect(errorOf(() => new IsolateNamespace(chart, 'c', { allow: [] } as any))).toMatch(/^test\/c \(IsolateNamespace\): unknown prop "allow"/);
    expect(errorOf(() => new Firewall(chart, 'd', { namespace: 'shop' } as any))).toMatch(/^test\/d \(Firewall\): unknown prop "namespace" \(did you mean "namespaces"\?\)/);
  });

  test('a boolean given as a string is an error (the string "false" is truthy)', () => {
    const chart = newChart('shop');
    expect(errorOf(() => new DefaultDeny(chart, 'x', { allowDns: 'false' } as any))).toBe(
      'test/x (DefaultDeny): invalid allowDns "false": must be true or false, not a string');
    expect(errorOf(() => new Firewall(chart, 'y', { allowDns: 0 } as any))).toBe('test/y (Firewall): invalid allowDns 0: must be true or false, not a number');
  });

  test('a name that is not a string is an error naming its type', () => {
    expect(errorOf(() => new AllowFrom(newChart('shop'), 'x', { name: 42 } as any))).toBe('test/x (AllowFrom): invalid name 42: must be a string, not a number');
  });

  test('props that are not an object are an error; null means no props', () => {
    const chart = newChart('shop');
    expect(errorOf(() => new AllowFrom(chart, 'x', 'db' as any))).toBe('test/x (AllowFrom): invalid props "db": must be an object of props, not a string');
    expect(errorOf(() => new AllowFrom(chart, 'y', [] as any))).toBe('test/y (AllowFrom): invalid props []: must be an object of props, not a list');
    const p = new DefaultDeny(chart, 'deny', null as any);
    expect(p.name).toBe('deny');
    expect(new Firewall(chart, 'fw', null as any)).toBeDefined();
  });

  test("a user's own subclass may take props of its own; the common ones are still checked", () => {
    interface MyProps extends PolicyProps { readonly owner?: string }
    class MyPolicy extends NetworkPolicyBase {
      public constructor(scope: any, id: string, props: MyProps) { super(scope, id, props); }
    }
    const chart = newChart('shop');
    expect(new MyPolicy(chart, 'mine', { app: 'web', owner: 'team-a' }).name).toBe('mine');
    expect(errorOf(() => new MyPolicy(chart, 'bad', { app: 7 } as any))).toBe('test/bad (MyPolicy): invalid app 7: must be a string, not a number');
  });
});
