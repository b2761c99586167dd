/**
 * A transport protocol that NetworkPolicy can filter on.
 *
 * The values are exactly what the Kubernetes API accepts (it is case-sensitive: `tcp` is rejected).
 */
export enum Protocol {
  /** Transmission Control Protocol. */
  TCP = 'TCP',
  /** User Datagram Protocol. */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol. */
  SCTP = 'SCTP',
}
