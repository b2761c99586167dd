/** A small app as cdk8s synthesizes it (no DNS pods), for the tests of the assumed DNS. */
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { AllowFrom, AllowTo, DefaultDeny, DnsProvider, Peer, Port } from '../../src';

function deployment(chart: Chart, name: string, port: number): void {
  new ApiObject(chart, name, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `example/${name}`, ports: [{ containerPort: port }] }] } },
    },
  });
}

/** A shop as cdk8s writes it: two Deployments, a default-deny (DNS kept) and one connection. */
export function shopChart(dns?: DnsProvider): Chart {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  deployment(chart, 'web', 8080);
  deployment(chart, 'api', 8080);
  new DefaultDeny(chart, 'default-deny', dns ? { dnsProvider: dns } : {});
  new AllowTo(chart, 'web-to-api', { app: 'web', to: [Peer.app('api')], ports: [Port.tcp(8080)] });
  new AllowFrom(chart, 'api-from-web', { app: 'api', from: [Peer.app('web')], ports: [Port.tcp(8080)] });
  return chart;
}

/** CoreDNS as a cluster dump holds it. */
export const REAL_DNS = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'coredns', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: { containers: [{ name: 'coredns', image: 'coredns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }] }] },
    },
  },
};


/** The chart's manifests as one multi-document YAML text (what `cdk8s synth` writes). */
export function shopYaml(dns?: DnsProvider): string {
  return Testing.synth(shopChart(dns)).map((m) => YAML.stringify(m)).join('---\n');
}
