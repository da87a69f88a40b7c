// What a build claims in the store (a lease, seen through the one method it uses), remembered so a failed build can give back what it made.

import type { Claim, Lease } from '../storage/lease.js';

/** The part of a lease the build's modules use: claiming blobs and layer dirs before touching them. */
export type Claims = Pick<Lease, 'claim'>;

/** A lease that also remembers every claim made through it. */
export class TrackedClaims implements Claims {
  readonly lease: Lease;
  readonly claimed = new Set<Claim>();

  constructor(lease: Lease) {
    this.lease = lease;
  }

  claim(claims: Iterable<Claim>): Promise<void> {
    const list = [...claims];
    for (const c of list) this.claimed.add(c);
    return this.lease.claim(list);
  }
}
