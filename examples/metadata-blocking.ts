// Blocks the cloud metadata endpoints (seed 001's "an attacker can access your pod and then
// start querying the instance metadata and get some temporary credentials").
import { App, Chart } from 'cdk8s';
import { AllowDns, BlockMetadata, DnsProvider, LabelOperator, PodSelector } from '../src';

/**
 * Builds two charts into `app`: a namespace on any cloud, and one on GKE with Cloud DNS.
 */
export function metadataBlocking(app: App): Chart[] {
  // Every pod of `apps` may reach everything except the metadata endpoints (IPv4 and IPv6),
  // except the pods that get their cloud credentials from them (EKS Pod Identity, ECS task
  // roles, GKE Workload Identity, ...): those carry the label `cloud-credentials` and are left alone.
  const apps = new Chart(app, 'apps', { namespace: 'apps' });
  new BlockMetadata(apps, 'block-metadata', {
    selector: PodSelector.expressions({ key: 'cloud-credentials', operator: LabelOperator.DOES_NOT_EXIST }),
  });

  // On GKE with Cloud DNS the pods' resolver IS 169.254.169.254 (port 53): re-allow DNS there.
  // Policies add up, so this opens 169.254.169.254 on port 53 only; the metadata API (port 80)
  // stays blocked.
  const gke = new Chart(app, 'gke', { namespace: 'gke-apps' });
  new BlockMetadata(gke, 'block-metadata');
  new AllowDns(gke, 'allow-dns', { provider: DnsProvider.gkeCloudDns() });

  return [apps, gke];
}
