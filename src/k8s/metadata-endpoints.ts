/**
 * Cloud metadata and credential endpoints (SEMANTICS.md section 5): what `BlockMetadata` excepts
 * by default and what lint rule NP007 asks the engine about. One list for both.
 */
export interface MetadataEndpoint {
  /** an IPv4 or IPv6 address */
  readonly address: string;
  /** who answers there */
  readonly provider: string;
}

export const METADATA_ENDPOINTS: readonly MetadataEndpoint[] = [
  { address: '169.254.169.254', provider: 'AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack, Hetzner, IBM, Linode, ... instance metadata' },
  { address: '169.254.170.2', provider: 'AWS ECS task credentials' },
  { address: '169.254.170.23', provider: 'AWS EKS Pod Identity' },
  { address: '169.254.42.42', provider: 'Scaleway metadata' },
  { address: '100.100.100.200', provider: 'Alibaba Cloud metadata' },
  { address: 'fd00:ec2::254', provider: 'AWS IMDS (IPv6)' },
  { address: 'fd00:ec2::23', provider: 'AWS EKS Pod Identity (IPv6)' },
  { address: 'fd20:ce::254', provider: 'GCP metadata (IPv6)' },
  { address: 'fd00:a9fe:a9fe::1', provider: 'Linode/Akamai metadata (IPv6)' },
  { address: 'fd00:42::42', provider: 'Scaleway metadata (IPv6)' },
];
