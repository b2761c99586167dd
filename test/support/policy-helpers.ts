import { App, Chart, Testing, Yaml } from 'cdk8s';
import { PodEndpointProps } from '../../src';

/** GIVEN a chart in a fresh app, optionally with a namespace. */
export function newChart(namespace?: string, app: App = Testing.app(), id: string = 'test'): Chart {
  return new Chart(app, id, namespace === undefined ? {} : { namespace });
}

/** The chart's manifests (runs the app's synth-time validations). */
export function manifests(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** The chart's manifests as the YAML a reviewer reads. */
export function yaml(chart: Chart): string {
  return Yaml.stringify(...Testing.synth(chart));
}

/** The one NetworkPolicy of the chart with this name. */
export function policy(chart: Chart, name: string): any {
  const found = manifests(chart).filter((m) => m.kind === 'NetworkPolicy' && m.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one NetworkPolicy "${name}", found ${found.length}`);
  return found[0];
}

/** The error thrown by `fn`, for assertions on its message. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, none was thrown');
}

/** The cluster DNS pod (kube-dns / CoreDNS), for reachability tests. */
export const COREDNS: PodEndpointProps = { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } };

/** The tests' addresses outside the cluster: one IPv4, one IPv6. */
export const INTERNET = ['8.8.8.8', '2001:4860:4860::8888'];
