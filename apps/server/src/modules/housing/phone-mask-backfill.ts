import { maskPhone } from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';
import type { HousingRepo } from './housing.repo';
import type { HousesTable } from './housing.tables';

/**
 * Rows written before landlord_phone_masked existed carry a ciphertext and no mask. Migrations cannot decrypt (they
 * get the database, not the data key), so such a row is decrypted once here, on its first read, and its mask stored;
 * every later read of it decrypts nothing. Rows that already have their mask pass through untouched.
 */
export async function fillMissingPhoneMasks<R extends HousesTable>(
  deps: { repo: HousingRepo; cipher: FieldCipher },
  rows: R[],
): Promise<R[]> {
  const missing = rows.filter((r) => r.landlord_phone_enc && r.landlord_phone_masked === null);
  if (missing.length === 0) return rows;
  const masks = new Map<string, string>();
  for (const r of missing) {
    const masked = maskPhone(deps.cipher.decrypt(r.landlord_phone_enc!));
    masks.set(r.id, masked);
    await deps.repo.setPhoneMask(r.id, r.landlord_phone_enc!, masked);
  }
  return rows.map((r) => (masks.has(r.id) ? { ...r, landlord_phone_masked: masks.get(r.id)! } : r));
}
