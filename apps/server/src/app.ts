import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { PERMISSIONS } from '@wangge/shared';
import { systemActor } from './core/auth/actor';
import { systemClock, type Clock } from './core/clock';
import { WEB_DIST_DIR, type AppConfig } from './core/config';
import { createFieldCipher, loadDataKeys } from './core/crypto';
import type { Database } from './core/db/database';
import { createPostgresEventBus } from './core/db/dialect/postgres-notify';
import { createInProcessEventBus, type EventBus } from './core/events/event-bus';
import { BODY_LIMITS, installBodyLimits } from './core/http/body-limits';
import { installErrorHandler } from './core/http/error-handler';
import { installGuard } from './core/http/guard.plugin';
import { installControlCharGuard } from './core/http/control-chars';
import { installRequestLog, redactedLogger } from './core/http/log-redaction';
import { installSecurityHeaders } from './core/http/security-headers';
import { hasWebApp, serveWebApp } from './core/http/static.plugin';
import { installCompression } from './core/http/compression';
import { areasModule } from './modules/areas';
import { attachmentsModule } from './modules/attachments';
import { auditModule, auditTargetNamers } from './modules/audit';
import { authModule, type AccessEnded } from './modules/auth';
import { calendarModule } from './modules/calendar';
import { casesModule, type CaseChangedEvent } from './modules/cases';
import { indicatorsModule } from './modules/indicators';
import { categoriesModule } from './modules/categories';
import { componentsModule } from './modules/components';
import { departmentsModule } from './modules/departments';
import { dispatchRulesModule } from './modules/dispatch-rules';
import { liveModule } from './modules/live';
import { systemModule } from './modules/system';
import { usersModule } from './modules/users';
import { importsModule } from './modules/imports';
import { addressesModule } from './modules/addresses';
import { housingModule } from './modules/housing';
import { populationModule } from './modules/population';
import { unitsModule } from './modules/units';
import { specialGroupsModule } from './modules/special-groups';
import { residentFilesModule } from './modules/resident-files';
import { notificationsModule } from './modules/notifications';
import { publicCasesModule } from './modules/public-cases';
import { open311Module } from './modules/open311';
import { reportsModule } from './modules/reports';
import { fieldModule } from './modules/field';
import { patrolsModule } from './modules/patrols';
import { registryFiguresModule } from './modules/registry-figures';
import { supervisionModule } from './modules/supervision';
import { screenModule } from './modules/screen';
import { hotlineModule } from './modules/hotline';
import type { ModuleServices, Platform, WiredModule } from './wiring';

const IDENTITIES_SEALED = 'population.identitiesSealed';

export const VERSION = '0.1.0';

export interface AppDeps {
  config: AppConfig;
  database: Database;
  schemaVersion: string;
  clock?: Clock;
  /** Defaults to Math.random; property tests pass a seeded or scripted one so a walk replays exactly. */
  random?: () => number;
  logger?: FastifyServerOptions['logger'];
  /** Serve apps/web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
}

/**
 * Every module, in wiring order. Each module's wiring function (modules/<m>/<m>.module.ts) says what it needs and
 * looks those services up when called, so the order matters only where a module holds another's service outright
 * (auth holds users, dispatch-rules holds categories, public-cases holds cases): those come after it.
 */
function wireModules(
  p: Platform,
  audit: WiredModule<ModuleServices['audit']>,
  onAccessEnded: (who: AccessEnded) => void,
) {
  const s = { audit: p.audit } as ModuleServices;
  const needs = () => s;
  // The audit page names entries' targets through the owning modules' services.
  p.audit.useTargetNamers(auditTargetNamers(needs));
  const wired: WiredModule<unknown>[] = [];
  const wire = <K extends keyof ModuleServices, M extends WiredModule<ModuleServices[K]>>(
    name: K,
    m: M,
  ): M => {
    s[name] = m.service;
    wired.push(m);
    return m;
  };
  const system = systemModule(p);
  s.settings = system.service;
  wire('areas', areasModule(p, needs));
  wire('users', usersModule(p, needs));
  wire('auth', authModule(p, needs, onAccessEnded));
  wire('departments', departmentsModule(p, needs));
  const categories = wire('categories', categoriesModule(p, needs));
  s.conditions = categories.conditions;
  s.conditionsSheet = categories.conditionsSheet;
  wire('dispatchRules', dispatchRulesModule(p, needs));
  wire('attachments', attachmentsModule(p, needs));
  wire('calendar', calendarModule(p, needs));
  wire('cases', casesModule(p, needs));
  wire('indicators', indicatorsModule(p, needs));
  wire('components', componentsModule(p, needs));
  // Registries (一标三实, special groups, 民情档案).
  wire('addresses', addressesModule(p, needs));
  wire('housing', housingModule(p, needs));
  wire('population', populationModule(p, needs));
  wire('units', unitsModule(p, needs));
  wire('specialGroups', specialGroupsModule(p, needs));
  wire('residentFiles', residentFilesModule(p, needs));
  wire('notifications', notificationsModule(p, needs));
  wire('publicCases', publicCasesModule(p, needs));
  wire('open311', open311Module(p, needs));
  wire('registryFigures', registryFiguresModule(p, needs));
  wire('screen', screenModule(p, needs));
  wire('supervision', supervisionModule(p, needs));
  const imports = wire('imports', importsModule(p, needs));
  wire('reports', reportsModule(p, needs));
  const hotline = wire('hotline', hotlineModule(p, needs));
  wire('field', fieldModule(p, needs));
  wire('patrols', patrolsModule(p, needs));
  // Routes are registered in this order too; the audit log (wired first: every module records through it) last.
  return {
    services: s,
    system,
    wired: [...wired, audit],
    importSpecs: imports.specs,
    startHotlineSender: hotline.startSender,
  };
}

/** Builds every service from its dependencies: the one place modules are wired together. */
export function createServices(
  deps: Pick<AppDeps, 'config' | 'database'> & {
    clock?: Clock;
    random?: () => number;
    onError?: (err: unknown) => void;
    events?: EventBus<CaseChangedEvent>;
  },
) {
  const { db } = deps.database;
  const clock = deps.clock ?? systemClock;
  const onError = deps.onError ?? (() => {});
  const audit = auditModule({ db, clock });
  const p: Platform = {
    db,
    database: deps.database,
    config: deps.config,
    clock,
    random: deps.random ?? (() => Math.random()),
    cipher: createFieldCipher(loadDataKeys(deps.config, deps.config.dataDir)),
    audit: audit.service,
    // CLI commands have no listeners: their events go nowhere.
    events:
      deps.events ??
      createInProcessEventBus<CaseChangedEvent>({ warn: () => {}, error: (o) => onError(o) }),
    onError,
  };
  // Live streams are built by createApp, which binds them here; until then (CLI commands) nothing is open.
  let endLiveStreams: (who: AccessEnded) => void = () => {};
  const { services, system, wired, importSpecs, startHotlineSender } = wireModules(
    p,
    audit,
    (who) => endLiveStreams(who),
  );
  return {
    ...services,
    db,
    clock,
    cipher: p.cipher,
    events: p.events,
    importSpecs,
    // Columns encrypted at rest, for `wangge rotate-data-key`; each module declares its own.
    encryptedColumns: wired.flatMap((m) => m.encryptedColumns ?? []),
    system: systemActor(PERMISSIONS),
    modules: { wired, system },
    /** The 12345 webhook sender of this process (serve starts it; modules/hotline). */
    startHotlineSender,
    bindLiveStreams: (close: (who: AccessEnded) => void) => {
      endLiveStreams = close;
    },
  };
}
export type Services = ReturnType<typeof createServices>;

/** One process on SQLite; on PostgreSQL events travel by LISTEN/NOTIFY so every process hears them. */
async function createEventBus(
  deps: AppDeps,
  log: FastifyBaseLogger,
): Promise<EventBus<CaseChangedEvent>> {
  const c = deps.config.database;
  if (deps.database.dialect.kind === 'postgres' && c.kind === 'postgres')
    return createPostgresEventBus<CaseChangedEvent>({
      url: c.url,
      schema: deps.database.schema,
      db: deps.database.db,
      log,
    });
  return createInProcessEventBus<CaseChangedEvent>(log);
}

export async function createApp(deps: AppDeps) {
  const app = Fastify({
    logger: redactedLogger(deps.logger),
    // One line per request instead of two (core/http/log-redaction.ts).
    disableRequestLogging: true,
    // The small default; routes that need more are listed in core/http/body-limits.ts.
    bodyLimit: BODY_LIMITS.default,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const events = await createEventBus(deps, app.log);
  const services = createServices({
    ...deps,
    events,
    onError: (err) => app.log.error({ err }, 'background task failed'),
  });
  await services.users.syncBuiltinRoles();
  await services.calendar.reload();
  // Clear birth dates and old ID masks of rows from before 2026-12-07 are sealed before any request can read them.
  // Once done, later starts skip the scan of every person (rows are written sealed from then on).
  if (!(await services.settings.get<boolean>(IDENTITIES_SEALED))) {
    await services.population.sealLegacyIdentities();
    await services.settings.set(IDENTITIES_SEALED, true);
  }

  installRequestLog(app);
  await app.register(fastifyCookie);
  await installCompression(app);
  await installSecurityHeaders(app, {
    basemapUrl: deps.config.basemap.url,
    httpsOnly: deps.config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Wangge 网格 API',
        version: VERSION,
        description: '社会治理网格化平台 API. Errors: {"error":{"code","message","field"}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wangge_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  const webDist = WEB_DIST_DIR;
  const withWeb = Boolean(deps.serveWeb) && hasWebApp(webDist);
  installErrorHandler(app, { spaIndex: withWeb });
  const routes = installGuard(app, (req) => services.auth.resolveActor(req));
  installBodyLimits(app);
  installControlCharGuard(app);

  services.modules.system.routes(app, {
    database: deps.database.dialect.kind,
    schemaVersion: deps.schemaVersion,
    version: VERSION,
    basemap: deps.config.basemap,
  });
  for (const m of services.modules.wired) m.routes(app);
  const live = liveModule({ events }, app.log, () => services);
  services.bindLiveStreams((who) => live.service.closeFor(who));
  live.routes(app);
  if (withWeb) await serveWebApp(app, webDist);

  app.addHook('onClose', async () => {
    services.areas.locator.stop();
    await events.close();
  });
  await app.ready();
  return { app, routes, services };
}
export type WanggeApp = Awaited<ReturnType<typeof createApp>>;
