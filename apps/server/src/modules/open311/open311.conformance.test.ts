import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { errorsOf, issueKey, listen, type Answer, type Client } from './open311.test-util';

// GeoReport v2 conformance over real HTTP (docs/open311.md): every endpoint in XML and JSON, the spec's error list
// with 400/403/404, the query filters and limits. Requests, the staff queue and privacy: open311-requests.test.ts.

let t: TestApp;
let cast: CaseCast;
let c: Client;
let apiKey: string;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  c = await listen(t);
  apiKey = (await issueKey(cast.admin)).apiKey;
});
afterAll(async () => t.close());

const submit = (extra: Record<string, string | string[]> = {}) =>
  c.post('/requests.json', {
    api_key: apiKey,
    service_code: '06010',
    lat: String(CITY.inA[1]),
    long: String(CITY.inA[0]),
    description: '文化路口垃圾堆放',
    ...extra,
  });

function expectErrors(a: Answer, status: number) {
  expect(a.status, a.text).toBe(status);
  const errors = errorsOf(a);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]!.code).toBe(String(status));
  expect(errors[0]!.description.length).toBeGreaterThan(5);
  return errors[0]!.description;
}

describe('discovery', () => {
  it('answers in JSON and XML with every required field', async () => {
    const j = await c.get('/discovery.json');
    expect(j.status).toBe(200);
    expect(j.type).toBe('application/json; charset=utf-8');
    const d = j.json();
    expect(d.changeset).toMatch(ZONED);
    expect(d.contact).toBeTruthy();
    expect(d.key_service).toBeTruthy();
    expect(d.max_requests).toBe(1000);
    expect(d.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: c.base,
        changeset: d.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    const x = await c.get('/discovery.xml');
    expect(x.type).toBe('text/xml; charset=utf-8');
    expect(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?><discovery>')).toBe(true);
    const xd = x.xml().discovery;
    expect(xd.changeset).toBe(d.changeset);
    expect(xd.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });
});

describe('services', () => {
  it('lists the public classes as services, codes as strings, the same in both formats', async () => {
    const j = await c.get('/services.json');
    expect(j.status).toBe(200);
    const list = j.json() as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    const garbage = list.find((s) => s.service_code === '06010')!;
    expect(garbage).toMatchObject({ service_code: '06010', type: 'realtime', metadata: false });
    expect(typeof garbage.service_name).toBe('string');
    expect(typeof garbage.keywords).toBe('string');
    expect(typeof garbage.group).toBe('string');
    const x = (await c.get('/services.xml')).xml().services.service as Record<string, string>[];
    expect(x.map((s) => s.service_code)).toEqual(list.map((s) => s.service_code));
    expect(x.find((s) => s.service_code === '06010')!.service_name).toBe(garbage.service_name);
  });

  it('defines each service: the notice for all, the plate code for 部件 problems', async () => {
    const list = (await c.get('/services.json')).json() as {
      service_code: string;
      metadata: boolean;
    }[];
    const def = (await c.get('/services/06010.json')).json();
    expect(def.service_code).toBe('06010');
    expect(def.attributes).toEqual([
      expect.objectContaining({ variable: false, code: 'notice', order: 1, datatype: 'text' }),
    ]);
    const mirror = list.find((s) => s.metadata)!;
    expect(mirror.service_code).toMatch(/^0[1-5]/);
    const x = (await c.get(`/services/${mirror.service_code}.xml`)).xml().service_definition;
    expect(x.service_code).toBe(mirror.service_code);
    expect(x.attributes.attribute.map((a: { code: string }) => a.code)).toEqual([
      'component_code',
      'notice',
    ]);
    expect(x.attributes.attribute[0]).toMatchObject({
      variable: 'true',
      required: 'false',
      order: '1',
    });
  });

  it('refuses an unknown service with 404 in the asked format, and a missing suffix', async () => {
    expectErrors(await c.get('/services/99999.json'), 404);
    const x = await c.get('/services/99999.xml');
    expect(x.type).toBe('text/xml; charset=utf-8');
    expectErrors(x, 404);
    expectErrors(await c.get('/services/06010'), 404);
    expectErrors(await c.get('/services.html'), 404);
  });
});

describe('jurisdiction_id', () => {
  it('is optional, accepts our district code and refuses others with 404', async () => {
    expect((await c.get(`/services.json?jurisdiction_id=${CITY.district}`)).status).toBe(200);
    expect((await c.get('/services.json?jurisdiction_id=')).status).toBe(200);
    expectErrors(await c.get('/services.json?jurisdiction_id=elsewhere.example.org'), 404);
    expectErrors(await submit({ jurisdiction_id: '999999' }), 404);
  });
});

describe('tokens', () => {
  it('issues none (every service is realtime), so any token is 404', async () => {
    expectErrors(await c.get('/tokens/abc123.json'), 404);
    expectErrors(await c.get('/tokens/abc123.xml'), 404);
  });
});

describe('GET requests', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (const code of ['06010', '06010', '06011']) {
      const r = await submit({ service_code: code });
      expect(r.status, r.text).toBe(201);
      ids.push(r.json()[0].service_request_id);
    }
  });

  it('lists recent requests newest first, ids and codes as strings, dates with +08:00', async () => {
    const list = (await c.get('/requests.json')).json() as Record<string, unknown>[];
    expect(list.map((r) => r.service_request_id)).toEqual([...ids].reverse());
    for (const r of list) {
      expect(typeof r.service_request_id).toBe('string');
      expect(typeof r.service_code).toBe('string');
      expect(r.status).toBe('open');
      expect(r.requested_datetime).toMatch(ZONED);
      expect(r.updated_datetime).toMatch(ZONED);
      expect(r).toHaveProperty('expected_datetime', null);
      expect(typeof r.lat).toBe('number');
      expect(String(r.status_notes)).toMatch(/^pending_acceptance 待受理: /);
    }
  });

  it('answers the same in XML as in JSON', async () => {
    const j = (await c.get('/requests.json?service_code=06010')).json() as Record<
      string,
      unknown
    >[];
    const x = (await c.get('/requests.xml?service_code=06010')).xml().service_requests
      .request as Record<string, string>[];
    expect(x.length).toBe(j.length);
    for (let i = 0; i < j.length; i++)
      for (const [k, v] of Object.entries(j[i]!))
        expect(x[i]![k], k).toBe(v === null ? '' : String(v));
  });

  it('filters by service_code, status and dates; empty parameters are ignored', async () => {
    const n = async (q: string) =>
      ((await c.get(`/requests.json?${q}`)).json() as unknown[]).length;
    expect(await n('service_code=06010')).toBe(2);
    expect(await n('service_code=06010,06011')).toBe(3);
    expect(await n('status=closed')).toBe(0);
    expect(await n('status=open,closed')).toBe(3);
    expect(await n('service_code=&status=&start_date=&end_date=&page=')).toBe(3);
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await n(`start_date=${later}T00:00:00%2B08:00`)).toBe(0);
    expect(await n('start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z')).toBe(0);
  });

  it('lets service_request_id override every other filter', async () => {
    const r = (
      await c.get(
        `/requests.json?service_request_id=${ids[0]},${ids[2]}&status=closed&service_code=99999`,
      )
    ).json();
    expect(r.map((x: { service_request_id: string }) => x.service_request_id).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
  });

  it('pages from 1 with page_size, and an empty list past the end', async () => {
    const page = async (p: number) =>
      (
        (await c.get(`/requests.json?page=${p}&page_size=2`)).json() as {
          service_request_id: string;
        }[]
      ).map((r) => r.service_request_id);
    expect(await page(1)).toEqual([ids[2], ids[1]]);
    expect(await page(2)).toEqual([ids[0]]);
    expect(await page(3)).toEqual([]);
    expect((await c.get('/requests.xml?page=9')).xml().service_requests).toBe('');
  });

  it('refuses bad parameters with 400', async () => {
    const bad = [
      'start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z', // 91 days
      'start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z',
      'start_date=2026-03-01T10:00:00', // no zone
      'start_date=yesterday',
      'status=pending',
      'page_size=1001',
      'page=0',
      'bbox=1,2,3',
    ];
    for (const q of bad) expectErrors(await c.get(`/requests.json?${q}`), 400);
    expectErrors(await c.get('/requests.xml?status=pending'), 400);
  });

  it('adds the stage, grid, channel and public history with extensions=true', async () => {
    const [r] = (await c.get(`/requests/${ids[0]}.json?extensions=true`)).json();
    expect(r.extended_attributes).toMatchObject({
      channel: 'open311',
      stage: 'collect',
      grid_code: CITY.gridA,
      street_code: CITY.streetW,
    });
    expect(r.notes).toEqual([
      { datetime: expect.stringMatching(ZONED), description: '已提交', type: 'status_change' },
    ]);
    const x = (await c.get(`/requests/${ids[0]}.xml?extensions=true`)).xml().service_requests
      .request[0];
    expect(x.notes.note[0].type).toBe('status_change');
    expect(x.extended_attributes.grid_code).toBe(CITY.gridA);
  });
});

describe('GET one request', () => {
  it('answers a one-element list in both formats, and 404 for an unknown id', async () => {
    const id = (await submit()).json()[0].service_request_id as string;
    const j = (await c.get(`/requests/${id}.json`)).json();
    expect(j).toHaveLength(1);
    expect(j[0].service_request_id).toBe(id);
    const x = (await c.get(`/requests/${id}.xml`)).xml().service_requests.request;
    expect(x).toHaveLength(1);
    expect(x[0].service_request_id).toBe(id);
    expectErrors(await c.get('/requests/AJ000.json'), 404);
    expectErrors(await c.get('/requests/AJ000.xml'), 404);
  });
});

describe('the route guard', () => {
  it('declares every Open311 route public with its reason; the write names the api_key', () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/open311/'));
    expect(routes.length).toBeGreaterThanOrEqual(11);
    for (const r of routes) {
      expect(r.auth?.public, r.url).toBe(true);
      expect(r.auth && 'reason' in r.auth ? r.auth.reason : '').toMatch(/^Open311 GeoReport v2/);
    }
    const post = routes.find((r) => r.method === 'POST')!;
    expect(post.auth && 'reason' in post.auth ? post.auth.reason : '').toMatch(/api_key/);
  });
});
