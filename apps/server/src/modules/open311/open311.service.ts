import {
  OPEN311_MAX_REQUESTS,
  type Category,
  type Open311Settings,
  type PublicCategory,
} from '@wangge/shared';
import { pseudoActor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import { IpThrottle } from '../../core/http/ip-throttle';
import type { CasesService } from '../cases';
import type { milestones as milestonesOf } from '../public-cases';
import {
  COMPONENT_CODE,
  acceptedAttributes,
  definitionOf,
  serviceEntry,
  servicesOf,
  type Service,
} from './open311-catalogue';
import { Open311Error, badRequest, forbidden311, notFound311 } from './open311-errors';
import { isoShanghai, type Value } from './open311-format';
import type { Open311Keys } from './open311-keys.service';
import * as P from './open311-params';
import type { Open311Repo } from './open311.repo';
import { createPresenter } from './open311-present';

// The jurisdiction_id we answer to (the city's web domain; its district codes are aliases) and discovery's contact.
export type { Open311Settings };

export interface Open311Deps {
  clock: Clock;
  cipher: FieldCipher;
  repo: Open311Repo;
  keys: Open311Keys;
  cases: Pick<CasesService, 'report' | 'feed'>;
  publicClasses(): Promise<PublicCategory[]>;
  classDetails(codes: readonly string[]): Promise<Category[]>;
  /** Names from the 大类 down of any class (for classes no longer public). */
  classPath(code: string): Promise<{ names: string[]; name: string } | null>;
  isSensitive(c: { code: string; names: readonly string[] }): boolean;
  milestones: typeof milestonesOf;
  departmentNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Whether a code names a district or city of ours (jurisdiction_id alias). */
  isAdminCode(code: string): Promise<boolean>;
  /** The best match of an address text (place search of the citizen portal), or null. */
  locate(address: string, ip: string): Promise<{ lng: number; lat: number } | null>;
  settings(): Promise<Open311Settings>;
  /** Requests a key may submit in the window (default 600 per 10 minutes); failed keys per address (20). */
  limits?: { requestsPerKey?: number; badKeysPerIp?: number; windowMs?: number };
}

export interface CreateInput {
  params: P.Params;
  ip: string;
}

/**
 * Open311 GeoReport v2 (docs/open311.md): the public class list as services, requests as cases entering the normal
 * loop through the cases module with source `open311`, and a read-only public feed of every report.
 */
export function createOpen311Service(deps: Open311Deps) {
  const windowMs = deps.limits?.windowMs ?? 10 * 60_000;
  const perKey = new IpThrottle(deps.limits?.requestsPerKey ?? 600, windowMs);
  const badKeys = new IpThrottle(deps.limits?.badKeysPerIp ?? 20, windowMs);
  const now = () => deps.clock.now().getTime();

  // The class list changes a few times a year and every GET needs it: it is rebuilt once a minute (a build reads
  // the whole public dictionary, ~9 ms on 270 classes), so another process's edit shows within that time.
  let cached: { value: Service[]; until: number } | null = null;
  async function services(): Promise<Service[]> {
    const t = Date.now();
    if (cached && cached.until > t) return cached.value;
    const classes = await deps.publicClasses();
    const details = await deps.classDetails(classes.map((c) => c.code));
    cached = { value: servicesOf(classes, details, deps.isSensitive), until: t + 60_000 };
    return cached.value;
  }

  async function service(code: string): Promise<Service> {
    const found = (await services()).find((s) => s.code === code);
    if (!found) throw notFound311(`service_code ${code} is not a service of this jurisdiction`);
    return found;
  }

  /** jurisdiction_id is optional (one jurisdiction); sent, it must be ours. */
  async function checkJurisdiction(p: P.Params): Promise<void> {
    const jid = P.text(p, 'jurisdiction_id', 100);
    if (jid === undefined) return;
    const s = await deps.settings();
    if (jid === s.jurisdictionId || (/^\d{6}$/.test(jid) && (await deps.isAdminCode(jid)))) return;
    throw notFound311(`jurisdiction_id ${jid} is not served here`);
  }

  const present = createPresenter(deps, services);

  return {
    async discovery(baseUrl: string): Promise<Record<string, Value>> {
      const s = await deps.settings();
      const changeset = isoShanghai(
        (await services()).reduce(
          (m, x) => (x.updatedAt > m ? x.updatedAt : m),
          '1970-01-01T00:00:00Z',
        ),
      );
      return {
        changeset,
        contact: s.contact,
        key_service: s.keyService,
        max_requests: OPEN311_MAX_REQUESTS,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: baseUrl,
            changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async services(p: P.Params): Promise<Value[]> {
      await checkJurisdiction(p);
      return (await services()).map(serviceEntry);
    },

    async definition(p: P.Params, code: string): Promise<Record<string, Value>> {
      await checkJurisdiction(p);
      return definitionOf(await service(code));
    },

    /** POST requests: the key first (403), then the jurisdiction, the service (404) and the fields (400). */
    async create({ params: p, ip }: CreateInput): Promise<Value[]> {
      if (badKeys.blocked(ip, now()))
        throw new Open311Error(429, 'Too many requests with a bad api_key; try later');
      const key = await deps.keys.verify(P.text(p, 'api_key', 200));
      if (!key) {
        badKeys.fail(ip, now());
        throw forbidden311('api_key is missing, unknown or revoked');
      }
      await checkJurisdiction(p);
      const code = P.text(p, 'service_code', 20);
      if (!code) throw badRequest('service_code is required');
      const svc = await service(code);
      if (key.serviceCodes && !key.serviceCodes.includes(code))
        throw forbidden311(`this api_key may not submit service_code ${code}`);

      const attrs = P.attributes(p);
      const allowed = acceptedAttributes(svc);
      for (const k of Object.keys(attrs))
        if (!allowed.includes(k))
          throw badRequest(`attribute[${k}] is not an attribute of service ${code}`);
      const componentCode = attrs.component_code;
      if (
        componentCode !== undefined &&
        (typeof componentCode !== 'string' || !COMPONENT_CODE.test(componentCode))
      )
        throw badRequest('attribute[component_code] must be 16 or 17 digits');

      const description = P.plain(p, 'description', 2000);
      const address = P.plain(p, 'address_string', 200);
      const mediaUrl = P.text(p, 'media_url', 1000);
      if (mediaUrl !== undefined && !/^https?:\/\/[^\s<>"]+$/i.test(mediaUrl))
        throw badRequest('media_url must be an http or https URL');
      const contact = {
        email: P.text(p, 'email', 200),
        phone: P.text(p, 'phone', 40),
        first_name: P.plain(p, 'first_name', 60),
        last_name: P.plain(p, 'last_name', 60),
        device_id: P.text(p, 'device_id', 200),
        account_id: P.text(p, 'account_id', 200),
      };
      if (contact.email !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(contact.email))
        throw badRequest('email is not an e-mail address');
      if (P.text(p, 'address_id', 64) !== undefined && !address && !P.point(p))
        throw badRequest(
          'address_id alone is not supported here: send lat and long, or address_string',
        );
      let at = P.point(p);
      if (!at && address) {
        const found = await deps.locate(address, ip);
        if (!found) throw badRequest('address_string could not be located; send lat and long');
        at = { lat: found.lat, long: found.lng };
      }
      if (!at) throw badRequest('a location is required: lat and long, or address_string');

      if (!perKey.attempt(key.id, now()))
        throw new Open311Error(429, 'Too many requests for this api_key; try later');
      const actor = pseudoActor(`open311:${key.id}`, {
        code: 'citizen',
        name: `Open311：${key.name}`,
      });
      const r = await deps.cases.report(actor, {
        lng: at.long,
        lat: at.lat,
        crs: 'wgs84',
        address: address ?? `坐标 ${at.lat.toFixed(6)},${at.long.toFixed(6)}`,
        description: description && description.length >= 2 ? description : svc.name,
        classCode: code,
        source: 'open311',
        ...(typeof componentCode === 'string' ? { componentCode } : {}),
      });
      const given = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
      await deps.repo.insertRequest({
        case_id: r.case.id,
        case_no: r.case.caseNo,
        key_id: key.id,
        media_url: mediaUrl ?? null,
        attributes: JSON.stringify(attrs),
        contact_enc: Object.keys(given).length ? deps.cipher.encrypt(JSON.stringify(given)) : null,
        created_at: r.case.createdAt,
      });
      return [
        {
          service_request_id: r.case.caseNo,
          service_notice: '已收到，工作人员受理后将按时限办理',
          account_id: null,
        },
      ];
    },

    /** GET requests: service_request_id overrides every other filter; the rest default to 90 days and 1000. */
    async query(p: P.Params): Promise<Value[]> {
      await checkJurisdiction(p);
      const extensions = P.flag(p, 'extensions');
      const ids = P.list(p, 'service_request_id', OPEN311_MAX_REQUESTS);
      if (ids) {
        const found = await deps.cases.feed.list({
          caseNos: ids,
          limit: OPEN311_MAX_REQUESTS,
          offset: 0,
        });
        return present(found, extensions);
      }
      const classCodes = P.list(p, 'service_code');
      const { from, to } = P.dateWindow(p, now());
      const open = P.status(p);
      const bbox = P.bbox(p);
      const { limit, offset } = P.page(p);
      const found = await deps.cases.feed.list({
        ...(classCodes ? { classCodes } : {}),
        from,
        to,
        ...(open !== undefined ? { open } : {}),
        ...(bbox ? { bbox } : {}),
        limit,
        offset,
      });
      return present(found, extensions);
    },

    async one(p: P.Params, id: string): Promise<Value[]> {
      await checkJurisdiction(p);
      const found = await deps.cases.feed.list({ caseNos: [id], limit: 1, offset: 0 });
      if (!found.length) throw notFound311(`service_request_id ${id} not found`);
      return present(found, P.flag(p, 'extensions'));
    },

    /** Every service is realtime, so no token is ever issued: any token is unknown. */
    async token(p: P.Params, token: string): Promise<never> {
      await checkJurisdiction(p);
      throw notFound311(
        `token ${token} not found (every service here answers with its id at once)`,
      );
    },
  };
}
export type Open311Service = ReturnType<typeof createOpen311Service>;
