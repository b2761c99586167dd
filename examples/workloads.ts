// The workloads the seed 001 scenario protects, plus one pod that should reach nothing.
// Policies alone name no endpoints: the engine needs pods (or workloads) to say who reaches whom,
// so the example app ships the Deployments that a real app would deploy next to its policies.
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';

interface Tier {
  readonly namespace: string;
  readonly role: string;
  readonly labels?: { [key: string]: string };
  readonly port?: number;
  readonly portName?: string;
}

const TIERS: Tier[] = [
  { namespace: 'frontend', role: 'frontend', port: 8080, portName: 'http' },
  { namespace: 'backend', role: 'backend', port: 80, portName: 'http' },
  { namespace: 'database', role: 'database', port: 3306, portName: 'mysql' },
  // the cluster DNS, which every tier must still reach under default-deny
  { namespace: 'kube-system', role: 'coredns', labels: { 'k8s-app': 'kube-dns' }, port: 53, portName: 'dns' },
  // not part of the scenario: a pod elsewhere in the cluster, which must reach none of the tiers
  { namespace: 'default', role: 'intruder' },
];

/** One Deployment per tier (image, labels and container port), in a chart of its own. */
export function demoWorkloads(app: App): Chart {
  const chart = new Chart(app, 'workloads');
  for (const tier of TIERS) {
    const labels = tier.labels ?? { role: tier.role };
    new k8s.KubeDeployment(chart, tier.role, {
      metadata: { name: tier.role, namespace: tier.namespace },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: tier.role,
              image: 'registry.example.com/' + tier.role + ':1.0',
              ports: tier.port ? [{ name: tier.portName, containerPort: tier.port }] : undefined,
            }],
          },
        },
      },
    });
  }
  return chart;
}
