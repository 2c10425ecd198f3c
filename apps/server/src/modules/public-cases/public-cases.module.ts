import { PERMISSIONS } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createCitizenPlaces } from './citizen-places';
import { screenCodeSender, type CodeSender } from './code-sender';
import { createPublicCasesService, type PublicCasesService } from './public-cases.service';
import { registerPublicCasesRoutes } from './public-cases.routes';
import { registerPublicPortalRoutes } from './public-portal.routes';
import { createPublicBoard } from './public-board.service';
import { registerPublicBoardRoutes } from './public-board.routes';
import { createPublicFigures } from './public-figures';
import { createPublicModeration } from './public-moderation.service';
import { registerPublicModerationRoutes } from './public-moderation.routes';

/** The receipt's contact phone, for `wangge rotate-data-key`. */
export const publicCasesEncryptedColumns: EncryptedColumns[] = [
  { table: 'public_receipts', key: 'id', columns: ['phone_enc'] },
];

/**
 * The one-time code sender of this deployment. A city with an SMS gateway returns its own `CodeSender` here; without
 * one, only a demo city (its database lists demo accounts) shows codes on screen, and elsewhere the phone lookup is
 * off, because a code on screen proves nothing about owning the phone.
 */
async function codeSenderFor(needs: Needs<'settings'>): Promise<CodeSender | null> {
  const demo = await needs().settings.get<unknown[]>('demo.accounts');
  return Array.isArray(demo) && demo.length > 0 ? screenCodeSender : null;
}

/**
 * 市民上报 and 查询 without an account: cases through the cases service as a citizen pseudo-actor; places from the
 * standard address registry and the area names; photos through the attachments module; messages from notifications.
 */
export function publicCasesModule(
  p: Platform,
  needs: Needs<
    | 'cases'
    | 'categories'
    | 'addresses'
    | 'notifications'
    | 'areas'
    | 'attachments'
    | 'settings'
    | 'indicators'
  >,
): WiredModule<PublicCasesService> {
  const system = systemActor(PERMISSIONS);
  const service = createPublicCasesService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    // Held, not looked up per call: the cases module is wired before this one.
    cases: needs().cases,
    isUniqueViolation: (err) => p.database.dialect.isUniqueViolation(err),
    categoryName: async (code) => (await needs().categories.caseClass(code))?.category.name ?? null,
    publicCategories: () => needs().categories.publicClasses(),
    places: createCitizenPlaces({
      addresses: async (level, q, limit) =>
        (await needs().addresses.list(system, { level, q, limit, offset: 0 })).items,
      areasByName: (q, limit) => needs().areas.publicAreaSearch(q, limit),
      areaPoint: (code) => needs().areas.publicAreaPoint(code),
    }),
    boundaries: (level) => needs().areas.publicBoundaries(level),
    areaList: () => needs().areas.publicAreaList(),
    uploadPhoto: (actor, body, maxBytes) => needs().attachments.upload(actor, body, { maxBytes }),
    codeSender: () => codeSenderFor(needs),
    notificationsFor: (recipient) => needs().notifications.forRecipient(recipient),
  });
  const isUniqueViolation = (err: unknown) => p.database.dialect.isUniqueViolation(err);
  const className = async (code: string) =>
    (await needs().categories.caseClass(code))?.category.name ?? null;
  const board = createPublicBoard({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    isUniqueViolation,
    system,
    cases: {
      get: (actor, id) => needs().cases.get(actor, id),
      briefs: (scope, ids) => needs().cases.briefs(scope, ids),
    },
    async caseClass(code) {
      const c = await needs().categories.caseClass(code);
      return c
        ? {
            name: c.category.name,
            names: c.path.map((x) => x.name),
            duplicateRadiusM: c.category.duplicateRadiusM,
          }
        : null;
    },
    areaNames: async () =>
      new Map((await needs().areas.publicAreaList()).map((a) => [a.code, a.name])),
  });
  const moderation = createPublicModeration({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    isUniqueViolation,
    className,
  });
  const figures = createPublicFigures({
    clock: p.clock,
    system,
    figures: (actor, q) => needs().indicators.figures(actor, q),
  });
  const secureCookies = p.config.secureCookies;
  return {
    service,
    routes: (app) => {
      registerPublicCasesRoutes(app, service, { secureCookies, board });
      registerPublicPortalRoutes(app, service, { secureCookies });
      registerPublicBoardRoutes(app, {
        board,
        figures,
        secureCookies,
        publicPhoto: (id) => needs().attachments.file(system, id, 'public'),
      });
      registerPublicModerationRoutes(app, moderation);
    },
    encryptedColumns: publicCasesEncryptedColumns,
  };
}
