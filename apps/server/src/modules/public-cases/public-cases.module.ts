import { PERMISSIONS } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createPublicCasesService, type PublicCasesService } from './public-cases.service';
import { registerPublicCasesRoutes } from './public-cases.routes';

/** The receipt's contact phone, for `wangge rotate-data-key`. */
export const publicCasesEncryptedColumns: EncryptedColumns[] = [
  { table: 'public_receipts', key: 'id', columns: ['phone_enc'] },
];

/**
 * 市民上报 and 查询 without an account: cases through the cases service as a citizen pseudo-actor; places for a typed
 * address from the standard address registry; messages from the notifications module.
 */
export function publicCasesModule(
  p: Platform,
  needs: Needs<'cases' | 'categories' | 'addresses' | 'notifications'>,
): WiredModule<PublicCasesService> {
  const service = createPublicCasesService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    // Held, not looked up per call: the cases module is wired before this one.
    cases: needs().cases,
    isUniqueViolation: (err) => p.database.dialect.isUniqueViolation(err),
    categoryName: async (code) => (await needs().categories.caseClass(code))?.category.name ?? null,
    publicCategories: () => needs().categories.publicClasses(),
    locateAddress: async (text) => {
      const hit = (
        await needs().addresses.search(systemActor(PERMISSIONS), { q: text, limit: 5 })
      ).items.find((a) => a.lng !== null && a.lat !== null);
      return hit ? { lng: hit.lng!, lat: hit.lat! } : null;
    },
    notificationsFor: (recipient) => needs().notifications.forRecipient(recipient),
  });
  return {
    service,
    routes: (app) => registerPublicCasesRoutes(app, service),
    encryptedColumns: publicCasesEncryptedColumns,
  };
}
