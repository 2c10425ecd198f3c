import { maskIdNumber } from '@wangge/shared';
import { parseJsonObject, storeBirthDate } from './person-model';
import { sealPermit } from './person-rows';
import type { PopulationContext } from './population-context';
import type { PersonsTable } from './population.tables';

const BATCH = 500;

/**
 * Brings rows written before 2026-12-07T1010 to the current rule: the ID number re-masked (first 6 shown at most),
 * the birth date encrypted and its clear column emptied, the 居住证号码 encrypted and masked in the details. The
 * migration cannot do it (it gets the database, not the data key), so this runs at start-up, like the landlord-phone
 * masks (housing/phone-mask-backfill.ts) but eagerly: the clear dates sit in the database file until it runs.
 * Converted rows no longer match, so later starts cost one scan that finds nothing.
 */
export async function sealLegacyIdentities(ctx: PopulationContext): Promise<number> {
  const { repo, deps } = ctx;
  let after = '';
  let sealed = 0;
  for (;;) {
    const rows = await repo.legacyIdentities(after, BATCH);
    if (rows.length === 0) return sealed;
    const patches = rows.map((r) => {
      const patch: Partial<PersonsTable> = {
        id_masked: maskIdNumber(deps.cipher.decrypt(r.id_number_enc)),
      };
      if (r.birth_date)
        Object.assign(patch, storeBirthDate(deps.cipher, r.birth_date), { birth_date: null });
      if (!r.permit_no_enc) {
        const details = parseJsonObject(r.details);
        if (typeof details.residencePermitNo === 'string' && details.residencePermitNo) {
          const s = sealPermit(deps.cipher, { residencePermitNo: details.residencePermitNo }, null);
          patch.details = JSON.stringify({
            ...details,
            residencePermitNo: s.details!.residencePermitNo,
          });
          patch.permit_no_enc = s.permit_no_enc;
        }
      }
      return { id: r.id, patch };
    });
    await repo.sealLegacyIdentities(patches);
    sealed += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
