import type { Needs, Platform, WiredModule } from '../../wiring';
import { isSensitiveClass, milestones } from '../public-cases';
import { createOpen311Keys } from './open311-keys.service';
import { registerOpen311KeyRoutes } from './open311-keys.routes';
import { createOpen311Repo } from './open311.repo';
import { registerOpen311Routes } from './open311.routes';
import { createOpen311Service, type Open311Service, type Open311Settings } from './open311.service';

/** The partner's contact details sent with a request, for `wangge rotate-data-key`. */
export const open311EncryptedColumns = [
  { table: 'open311_requests', key: 'case_id', columns: ['contact_enc'] },
];

const SETTINGS_KEY = 'open311';

const DEFAULT_SETTINGS: Open311Settings = {
  jurisdictionId: null,
  contact: '城市运行管理服务指挥中心',
  keyService: '对接系统的接口密钥由平台管理员在 配置 › Open311 接口密钥 中签发',
};

/**
 * Open311 GeoReport v2 at /open311/v2/: services from the category dictionary, requests into the cases module as
 * source `open311`, what is public decided by the public-cases module's rules, partner keys under /api/open311/keys.
 */
export function open311Module(
  p: Platform,
  needs: Needs<'cases' | 'categories' | 'departments' | 'areas' | 'publicCases' | 'settings'>,
): WiredModule<Open311Service> {
  const repo = createOpen311Repo(p.db);
  const readSettings = async (): Promise<Open311Settings> => ({
    ...DEFAULT_SETTINGS,
    ...((await needs().settings.get<Partial<Open311Settings>>(SETTINGS_KEY)) ?? {}),
  });
  const keys = createOpen311Keys({ repo, clock: p.clock, cipher: p.cipher, audit: p.audit });
  const service = createOpen311Service({
    clock: p.clock,
    cipher: p.cipher,
    repo,
    keys,
    cases: {
      report: (actor, input) => needs().cases.report(actor, input),
      get feed() {
        return needs().cases.feed;
      },
    },
    publicClasses: () => needs().categories.publicClasses(),
    classDetails: (codes) => needs().categories.caseClasses(codes),
    classPath: async (code) => {
      const c = await needs().categories.caseClass(code);
      return c ? { name: c.category.name, names: c.path.map((x) => x.name) } : null;
    },
    isSensitive: (c) => isSensitiveClass(c),
    milestones,
    departmentNames: async (ids) =>
      new Map((await needs().departments.byIds(ids)).map((d) => [d.id, d.name])),
    isAdminCode: async (code) =>
      (await needs().areas.refs([code])).some((a) => a.level === 'district'),
    locate: async (address, ip) => {
      const [first] = await needs().publicCases.places(address, ip);
      return first ? { lng: first.lng, lat: first.lat } : null;
    },
    settings: readSettings,
  });
  return {
    service,
    routes: (app) => {
      registerOpen311KeyRoutes(app, keys, {
        get: readSettings,
        set: async (value) => {
          await needs().settings.set(SETTINGS_KEY, value);
          return readSettings();
        },
      });
      registerOpen311Routes(app, service);
    },
    encryptedColumns: open311EncryptedColumns,
  };
}
