import type { AppConfig } from './core/config';
import type { FieldCipher } from './core/crypto';
import type { Database, DB } from './core/db/database';
import type { EncryptedColumns } from './core/db/rekey';
import type { Clock } from './core/clock';
import type { EventBus } from './core/events/event-bus';
import type { App } from './core/http/app-types';
import type { Kysely } from 'kysely';
import type { AddressesService } from './modules/addresses';
import type { AreasService } from './modules/areas';
import type { AttachmentsService } from './modules/attachments';
import type { AuditService } from './modules/audit';
import type { AuthService } from './modules/auth';
import type { CalendarService } from './modules/calendar';
import type { IndicatorsApi } from './modules/indicators';
import type { CaseChangedEvent, CasesService } from './modules/cases';
import type {
  CategoriesService,
  ConditionsSheet,
  RegistrationConditionsService,
} from './modules/categories';
import type { ComponentsService } from './modules/components';
import type { DepartmentsService } from './modules/departments';
import type { DispatchRulesService } from './modules/dispatch-rules';
import type { HousingService } from './modules/housing';
import type { HotlineService } from './modules/hotline';
import type { ImportsService } from './modules/imports';
import type { NotificationsService } from './modules/notifications';
import type { PopulationService } from './modules/population';
import type { PublicCasesService } from './modules/public-cases';
import type { ReportsService } from './modules/reports';
import type { FieldService } from './modules/field';
import type { PatrolsService } from './modules/patrols';
import type { RegistryFiguresService } from './modules/registry-figures';
import type { SupervisionService } from './modules/supervision';
import type { Open311Service } from './modules/open311';
import type { ScreenService } from './modules/screen';
import type { ResidentFilesService } from './modules/resident-files';
import type { SpecialGroupsService } from './modules/special-groups';
import type { SettingsStore } from './modules/system';
import type { UnitsService } from './modules/units';
import type { UsersService } from './modules/users';

/**
 * The contract between the composition root (app.ts) and each module's wiring function (modules/<m>/<m>.module.ts).
 * A module's wiring function takes the platform and a late lookup of the services it needs, and returns its service,
 * its routes and its encrypted columns. Needs are looked up when called, not when wired, so modules may need each
 * other (areas ↔ users, addresses ↔ housing, cases ↔ components) without import cycles or an order to respect.
 */

/** What every module may use: the database, the clock, the field cipher, the audit log and the configuration. */
export interface Platform {
  db: Kysely<DB>;
  database: Database;
  config: AppConfig;
  clock: Clock;
  /** Uniform draws in [0, 1) for the server's chance decisions (the 自行处置 核查 sample); tests pass a seeded one. */
  random: () => number;
  cipher: FieldCipher;
  audit: AuditService;
  /** Case changes, for live streams (in process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  events: EventBus<CaseChangedEvent>;
  /** Background failures (the locator's reload, calendar refresh, event listeners). */
  onError(err: unknown): void;
}

/** Every module's service, by the name app.ts gives it. */
export interface ModuleServices {
  audit: AuditService;
  areas: AreasService;
  users: UsersService;
  auth: AuthService;
  departments: DepartmentsService;
  categories: CategoriesService;
  conditions: RegistrationConditionsService;
  /** 立结案标准 as a workbook (export, import check and commit). */
  conditionsSheet: ConditionsSheet;
  dispatchRules: DispatchRulesService;
  attachments: AttachmentsService;
  settings: SettingsStore;
  calendar: CalendarService;
  cases: CasesService;
  indicators: IndicatorsApi;
  components: ComponentsService;
  addresses: AddressesService;
  housing: HousingService;
  population: PopulationService;
  units: UnitsService;
  specialGroups: SpecialGroupsService;
  residentFiles: ResidentFilesService;
  notifications: NotificationsService;
  publicCases: PublicCasesService;
  open311: Open311Service;
  registryFigures: RegistryFiguresService;
  imports: ImportsService;
  reports: ReportsService;
  field: FieldService;
  patrols: PatrolsService;
  screen: ScreenService;
  supervision: SupervisionService;
  hotline: HotlineService;
}

/** The other modules a module calls, looked up at call time. */
export type Needs<K extends keyof ModuleServices> = () => Pick<ModuleServices, K>;

/** A wired module as the composition root lists it. */
export interface WiredModule<S> {
  service: S;
  /** Registers the module's HTTP routes. */
  routes(app: App): void;
  /** Columns encrypted at rest, for `wangge rotate-data-key`. */
  encryptedColumns?: EncryptedColumns[];
}
