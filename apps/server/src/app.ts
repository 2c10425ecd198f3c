import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PERMISSIONS, type ImportKind } from '@wangge/shared';
import { systemActor } from './core/auth/actor';
import { systemClock, type Clock } from './core/clock';
import { ROOT_DIR, type AppConfig } from './core/config';
import { createFieldCipher, loadDataKeys } from './core/crypto';
import type { Database } from './core/db/database';
import { createGroupCommit, plainTransactions } from './core/db/group-commit';
import { createPostgresEventBus } from './core/db/dialect/postgres-notify';
import { createInProcessEventBus, type EventBus } from './core/events/event-bus';
import { BODY_LIMITS, installBodyLimits } from './core/http/body-limits';
import { installErrorHandler } from './core/http/error-handler';
import { installGuard } from './core/http/guard.plugin';
import { installControlCharGuard } from './core/http/control-chars';
import { redactedLogger } from './core/http/log-redaction';
import { installSecurityHeaders } from './core/http/security-headers';
import { hasWebApp, serveWebApp } from './core/http/static.plugin';
import { createAreasService, registerAreasRoutes } from './modules/areas';
import { createAttachmentsService, createLocalBlobStore, registerAttachmentsRoutes } from './modules/attachments';
import { createAuditService, registerAuditRoutes } from './modules/audit';
import { createAuthService, registerAuthRoutes, type AccessEnded } from './modules/auth';
import { createCalendarService, registerCalendarRoutes } from './modules/calendar';
import { createCasesService, registerCasesRoutes, type CaseChangedEvent } from './modules/cases';
import { createCategoriesService, createRegistrationConditionsService, registerCategoriesRoutes, registerRegistrationConditionsRoutes } from './modules/categories';
import { createComponentsService, registerComponentsRoutes } from './modules/components';
import { createDepartmentsService, registerDepartmentsRoutes } from './modules/departments';
import { createDispatchRulesService, registerDispatchRulesRoutes } from './modules/dispatch-rules';
import { createLiveService, registerLiveRoutes } from './modules/live';
import { createSettingsRepo, registerSystemRoutes } from './modules/system';
import { createUsersService, registerUsersRoutes, usersEncryptedColumns } from './modules/users';
import type { EncryptedColumns } from './core/db/rekey';
import { createImportsService, housesImportSpec, personsImportSpec, registerImportsRoutes, unitsImportSpec, type AnyImportSpec } from './modules/imports';
// @import:addresses
import { createAddressesService, registerAddressesRoutes } from './modules/addresses';
import { createHousingService, housingEncryptedColumns, registerHousingRoutes } from './modules/housing';
// @import:population
import { createPopulationService, populationEncryptedColumns, registerPopulationRoutes } from './modules/population';
// @import:units
import { createUnitsService, registerUnitsRoutes, unitsEncryptedColumns } from './modules/units';
// @import:special-groups
import { createSpecialGroupsService, registerSpecialGroupsRoutes, registerVisitsRoutes, specialGroupsEncryptedColumns } from './modules/special-groups';
import { createResidentFilesService, registerResidentFilesRoutes } from './modules/resident-files';
// @import:public-cases
import { createNotificationsService, registerNotificationsRoutes } from './modules/notifications';
import { createPublicCasesService, publicCasesEncryptedColumns, registerPublicCasesRoutes } from './modules/public-cases';

export const VERSION = '0.1.0';

export interface AppDeps {
  config: AppConfig;
  database: Database;
  schemaVersion: string;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Serve apps/web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
}

/** Builds every service from its dependencies: the one place modules are wired together. */
export function createServices(deps: Pick<AppDeps, 'config' | 'database'> & { clock?: Clock; onError?: (err: unknown) => void; events?: EventBus<CaseChangedEvent> }) {
  const { db } = deps.database;
  const clock = deps.clock ?? systemClock;
  const cipher = createFieldCipher(loadDataKeys(deps.config, deps.config.dataDir));
  const audit = createAuditService({ db, clock });
  const onError = deps.onError ?? (() => {});
  // CLI commands have no listeners: their events go nowhere.
  const events = deps.events ?? createInProcessEventBus<CaseChangedEvent>({ warn: () => {}, error: (o) => onError(o) });
  // Areas and users refer to each other through these late-bound functions, not imports.
  const areas = createAreasService({
    db,
    clock,
    audit,
    defaultGridScheme: deps.config.defaultGridScheme,
    userContacts: (ids) => users.contacts(ids),
    userScope: async (id) => {
      const a = await users.access(id);
      return a && { areaCodes: a.areaCodes, all: a.scope.all };
    },
    onError,
  });
  const users = createUsersService({
    db,
    clock,
    cipher,
    audit,
    existingAreaCodes: (codes) => areas.existingCodes(codes),
    departmentExists: async (id) => (await departmentsByIds([id])).length > 0,
    // Disabling a user or changing their roles or areas revokes what they hold and ends their live streams.
    onAccessChanged: (userId, change) => auth.accessChanged(userId, change),
  });
  // Live streams are built by createApp, which binds them here; until then (CLI commands) nothing is open.
  let endLiveStreams: (who: AccessEnded) => void = () => {};
  const auth = createAuthService({ db, clock, users, audit, areaRefs: (codes) => areas.refs(codes), onAccessEnded: (who) => endLiveStreams(who) });
  const departments = createDepartmentsService({ db, clock, audit, areaRefs: (codes) => areas.refs(codes) });
  const categories = createCategoriesService({ db, clock, audit });
  const conditions = createRegistrationConditionsService({ db, clock, audit, categories, areaRefs: (codes) => areas.refs(codes) });
  // The matrix names departments of any area, so it reads them with the system actor's full scope.
  const departmentsByIds = (ids: string[]) => departments.byIds(ids);
  const dispatchRules = createDispatchRulesService({
    db,
    clock,
    audit,
    categories,
    conditions,
    areaRefs: (codes) => areas.refs(codes),
    departmentsByIds,
    // A 部件's 养护单位/权属单位/主管部门 are credit codes.
    departmentsByCreditCodes: (codes) => departments.byCreditCodes(codes),
    componentUnits: (id) => components.dispatchUnits(id),
    streetsInScope: (actor) => areas.tree(actor, { level: 'street' }),
  });
  // Whoever may read a case may see its photos.
  const attachments = createAttachmentsService({
    db,
    clock,
    blobs: createLocalBlobStore(join(deps.config.dataDir, 'blobs')),
    limits: { dailyUploadBytes: deps.config.uploadQuotaBytesPerDay },
    canView: async (actor, id) =>
      (await cases.canViewAttachment(actor, id)) ||
      (await specialGroups.canViewAttachment(actor, id)) ||
      (await residentFiles.canViewAttachment(actor, id)) ||
      (await units.inspections.canViewAttachment(actor, id)),
  });
  const settings = createSettingsRepo(db);
  // Deadlines are computed synchronously from the cached calendar; createApp loads it before serving.
  const calendar = createCalendarService({ db, clock, settings, audit, onError });
  const cases = createCasesService({
    db,
    clock,
    calendar: () => calendar.current(),
    gridAt: (lng, lat, crs) => areas.gridAt(lng, lat, crs),
    category: async (code) => {
      const c = await categories.caseClass(code);
      return c ? { kind: c.category.kind, active: c.usable, selfHandleAllowed: c.category.selfHandleAllowed, duplicateRadiusM: c.category.duplicateRadiusM } : null;
    },
    condition: async (id) => {
      const c = id ? await conditions.getById(id) : null;
      return c ? { classCode: c.classCode, handle: { value: c.limitValue, type: c.limitType }, steps: c.stepLimits, yellowCardAt: c.yellowCardAt, redCardAt: c.redCardAt } : null;
    },
    departmentExists: async (id) => (await departmentsByIds([id])).length > 0,
    suggestDepartment: async (q) => (q.classCode || q.componentId ? ((await dispatchRules.suggest(q)).primary?.id ?? null) : null),
    userFacts: async (id) => {
      const a = await users.access(id);
      return a ? { roleCodes: a.roles.map((r) => r.code), departmentId: a.user.department_id, scopeCodes: a.areaCodes, all: a.scope.all } : null;
    },
    publish: (event) => events.publish(event),
    // 站内消息 to reporters (and reporters of merged duplicates), written in the transition's transaction.
    deliverNotifications: async (tx, row, targets, about) => {
      if (targets.includes('reporter')) await notifications.deliverToReporters(tx, { caseId: row.id, caseNo: row.case_no, reporterId: row.reporter_id, about: about.action, reason: about.reason, at: about.at });
    },
    isUniqueViolation: (err) => deps.database.dialect.isUniqueViolation(err),
    intakeTransaction: deps.database.dialect.kind === 'sqlite' ? createGroupCommit(db) : plainTransactions(db),
    insertsInWith: deps.database.dialect.insertsInWith,
    componentByCode: async (code) => {
      const c = await components.findByCode(code);
      return c ? { id: c.id, classCode: c.classCode } : null;
    },
    photosOwnedBy: async (ids, userId) => {
      const found = await attachments.describe(ids);
      return found.length === new Set(ids).size && found.every((a) => a.uploaderId === userId);
    },
  });
  // 部件 registry: places, classes and names come through the areas and categories services, never their tables.
  const components = createComponentsService({
    db,
    clock,
    audit,
    gridAt: (lng, lat, crs) => areas.gridAt(lng, lat, crs),
    componentClasses: async () => (await categories.list({ kind: 'component', view: 'flat', activeOnly: 'false' })).map((c) => ({ code: c.code, name: c.name, active: c.active })),
    areaRefs: (codes) => areas.refs(codes),
    caseExists: (id) => cases.caseExists(id),
  });
  // Registries (一标三实, special groups, 民情档案). Each module owns its own block and line below.
  // @wire:addresses
  // 标准地址 and 实有房屋: places through the areas service; houses follow renames and moves of their rooms in the same transaction.
  const addresses = createAddressesService({
    db,
    clock,
    gridAt: (lng, lat, crs) => areas.gridAt(lng, lat, crs),
    areaRefs: (codes) => areas.refs(codes),
    onSubtreeChanged: (tx, change) => housing.applyAddressChange(tx, change),
  });
  const housing = createHousingService({
    db,
    clock,
    cipher,
    audit,
    areaRefs: (codes) => areas.refs(codes),
    addressTarget: (scope, id) => addresses.target(scope, id),
    addressPath: (id) => addresses.pathOf(id),
  });
  // @wire:population
  // 实有人口: houses come from the housing module through a late-bound function, areas through the areas service.
  const population = createPopulationService({
    db,
    clock,
    cipher,
    audit,
    houseRefs: (ids) => housing.houseRefs(ids),
    houseAddressOf: (houseId) => housing.addressSubquery(houseId),
    areaRefs: (codes) => areas.refs(codes),
    isUniqueViolation: (err) => deps.database.dialect.isUniqueViolation(err),
    // Memberships and open visit tasks follow the person to the new grid (and its staff).
    onPersonMoved: (personId) => specialGroups.refreshScope(personId),
  });
  // @wire:units
  // 实有单位 and 重点场所: places, persons, addresses, photos and cases come through late-bound functions, never tables.
  const units = createUnitsService({
    db,
    clock,
    cipher,
    audit,
    gridAt: (lng, lat, crs) => areas.gridAt(lng, lat, crs),
    areaRefs: (codes) => areas.refs(codes),
    addressRefs: (ids, scope) => addresses.refs(ids, scope),
    personRefs: (ids) => population.personRefs(ids),
    attachments: (ids) => attachments.describe(ids),
    reportCase: async (actor, input) => {
      const r = await cases.report(actor, input);
      return { id: r.case.id, caseNo: r.case.caseNo };
    },
  });
  // @wire:special-groups
  // 特殊人群 (S3): persons through the population service, visit assignees from the grid staff, never their tables.
  const specialGroups = createSpecialGroupsService({
    db,
    clock,
    cipher,
    audit,
    personRefs: (ids) => population.personRefs(ids),
    areaRefs: (codes) => areas.refs(codes),
    gridStaff: (gridCode) => areas.staff(systemActor(PERMISSIONS), gridCode),
    userNames: async (ids) => new Map([...(await users.contacts(ids))].map(([id, c]) => [id, c.displayName])),
    describeAttachments: (ids) => attachments.describe(ids),
  });
  // 民情档案: a need raised becomes a case through the cases intake, as the author.
  const residentFiles = createResidentFilesService({
    db,
    clock,
    personRefs: (ids) => population.personRefs(ids),
    houseRefs: (ids) => housing.houseRefs(ids),
    areaRefs: (codes) => areas.refs(codes),
    describeAttachments: (ids) => attachments.describe(ids),
    reportCase: async (actor, input) => {
      const r = await cases.report(actor, input);
      return { id: r.case.id, caseNo: r.case.caseNo };
    },
  });
  // @wire:public-cases
  // 市民上报 and 查询 without an account: cases through the cases service as a citizen pseudo-actor; places
  // for a typed address from the standard address registry; messages from the notifications module.
  const notifications = createNotificationsService({ db, clock, mergedInto: (tx, ids) => cases.mergedInto(tx, ids) });
  const publicCases = createPublicCasesService({
    db,
    clock,
    cipher,
    cases,
    isUniqueViolation: (err) => deps.database.dialect.isUniqueViolation(err),
    categoryName: async (code) => (await categories.caseClass(code))?.category.name ?? null,
    publicCategories: () => categories.publicClasses(),
    locateAddress: async (text) => {
      const hit = (await addresses.search(systemActor(PERMISSIONS), { q: text, limit: 5 })).items.find((a) => a.lng !== null && a.lat !== null);
      return hit ? { lng: hit.lng!, lat: hit.lat! } : null;
    },
    notificationsFor: (recipient) => notifications.forRecipient(recipient),
  });
  // Spreadsheet imports: each registry contributes its spec (columns, row parsing, batched checks, commit).
  const importSpecs: Partial<Record<ImportKind, AnyImportSpec>> = {
    persons: personsImportSpec({
      check: (actor, rows) => population.checkPersonRows(actor, rows),
      commit: (actor, rows) => population.upsertPersons(actor, rows),
      housesByAddress: (actor, list) => housing.idsByFullAddress(actor, list),
    }),
    houses: housesImportSpec({
      placeOfArea: (code) => addresses.placeOfArea(code),
      transaction: (fn) => db.transaction().execute(fn),
      ensurePath: (actor, path, opts) => addresses.ensurePath(actor, path, opts),
      upsertOnRooms: (actor, items, tx) => housing.upsertOnRooms(actor, items, tx),
    }),
    units: unitsImportSpec({ check: (actor, rows) => units.checkUnitRows(actor, rows), commit: (actor, rows) => units.upsertUnits(actor, rows) }),
  };
  const imports = createImportsService({ db, clock, audit, specs: () => importSpecs });
  // Columns encrypted at rest, for `wangge rotate-data-key`; each module adds its own declaration.
  const encryptedColumns: EncryptedColumns[] = [...usersEncryptedColumns, ...housingEncryptedColumns, ...populationEncryptedColumns, ...unitsEncryptedColumns, ...specialGroupsEncryptedColumns, ...publicCasesEncryptedColumns];
  return {
    db,
    clock,
    cipher,
    audit,
    areas,
    users,
    auth,
    departments,
    categories,
    conditions,
    dispatchRules,
    attachments,
    cases,
    components,
    calendar,
    events,
    settings,
    encryptedColumns,
    imports,
    importSpecs,
    // @services:addresses
    addresses,
    housing,
    // @services:population
    population,
    // @services:units
    units,
    // @services:special-groups
    specialGroups,
    residentFiles,
    // @services:public-cases
    notifications,
    publicCases,
    system: systemActor(PERMISSIONS),
    bindLiveStreams: (close: (who: AccessEnded) => void) => {
      endLiveStreams = close;
    },
  };
}
export type Services = ReturnType<typeof createServices>;

/** One process on SQLite; on PostgreSQL events travel by LISTEN/NOTIFY so every process hears them. */
async function createEventBus(deps: AppDeps, log: FastifyBaseLogger): Promise<EventBus<CaseChangedEvent>> {
  const c = deps.config.database;
  if (deps.database.dialect.kind === 'postgres' && c.kind === 'postgres')
    return createPostgresEventBus<CaseChangedEvent>({ url: c.url, schema: deps.database.schema, db: deps.database.db, log });
  return createInProcessEventBus<CaseChangedEvent>(log);
}

export async function createApp(deps: AppDeps) {
  const app = Fastify({
    logger: redactedLogger(deps.logger),
    // The small default; routes that need more are listed in core/http/body-limits.ts.
    bodyLimit: BODY_LIMITS.default,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const events = await createEventBus(deps, app.log);
  const services = createServices({ ...deps, events, onError: (err) => app.log.error({ err }, 'background task failed') });
  await services.users.syncBuiltinRoles();
  await services.calendar.reload();
  // Clear birth dates and old ID masks of rows from before 2026-12-07 are sealed before any request can read them.
  await services.population.sealLegacyIdentities();

  await app.register(fastifyCookie);
  await installSecurityHeaders(app, { basemapUrl: deps.config.basemap.url, httpsOnly: deps.config.secureCookies });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Wangge 网格 API', version: VERSION, description: '社会治理网格化平台 API. Errors: {"error":{"code","message","field"}}.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wangge_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  const webDist = join(ROOT_DIR, 'apps/web/dist');
  const withWeb = Boolean(deps.serveWeb) && hasWebApp(webDist);
  installErrorHandler(app, { spaIndex: withWeb });
  const routes = installGuard(app, (req) => services.auth.resolveActor(req));
  installBodyLimits(app);
  installControlCharGuard(app);

  registerSystemRoutes(app, {
    database: deps.database.dialect.kind,
    schemaVersion: deps.schemaVersion,
    version: VERSION,
    basemap: deps.config.basemap,
  }, services.settings);
  registerAuthRoutes(app, services.auth, { secureCookies: deps.config.secureCookies });
  registerUsersRoutes(app, services.users);
  registerAreasRoutes(app, services.areas);
  registerDepartmentsRoutes(app, services.departments);
  registerCategoriesRoutes(app, services.categories);
  registerRegistrationConditionsRoutes(app, services.conditions);
  registerDispatchRulesRoutes(app, services.dispatchRules);
  registerAttachmentsRoutes(app, services.attachments);
  registerCasesRoutes(app, services.cases);
  registerCalendarRoutes(app, services.calendar);
  registerComponentsRoutes(app, services.components);
  registerAuditRoutes(app, services.audit);
  registerImportsRoutes(app, services.imports);
  // @routes:addresses
  registerAddressesRoutes(app, services.addresses);
  registerHousingRoutes(app, services.housing);
  // @routes:population
  registerPopulationRoutes(app, services.population);
  // @routes:units
  registerUnitsRoutes(app, services.units);
  // @routes:special-groups
  registerSpecialGroupsRoutes(app, services.specialGroups);
  registerVisitsRoutes(app, services.specialGroups);
  registerResidentFilesRoutes(app, services.residentFiles);
  // @routes:public-cases
  registerNotificationsRoutes(app, services.notifications);
  registerPublicCasesRoutes(app, services.publicCases);
  const live = createLiveService({ events, log: app.log, stillValid: (actor) => services.auth.stillValid(actor) });
  services.bindLiveStreams((who) => live.closeFor(who));
  registerLiveRoutes(app, live);
  if (withWeb) await serveWebApp(app, webDist);

  app.addHook('onClose', async () => {
    services.areas.locator.stop();
    await events.close();
  });
  await app.ready();
  return { app, routes, services };
}
export type WanggeApp = Awaited<ReturnType<typeof createApp>>;
