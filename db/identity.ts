/** Who acts through a case-file handle when they have a local profile (see db/profiles.ts). */
import type { Role } from '../shared/domain';

export interface ActingProfile {
  /** people.id in this case file */
  id: string;
  name: string;
  role: Role;
  /** Sign an audit entry's hash with this person's private key (base64 Ed25519 signature). */
  sign(hash: string): string;
}
