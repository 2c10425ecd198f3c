import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { castCases, type CaseCast } from '../cases/cases.test-util';
import { walkToClosed } from '../public-cases/public-cases.test-util';
import { errorsOf, issueKey, listen, type Answer, type Client } from './open311.test-util';

// POST requests over real HTTP: the api_key (403), every refusal of the spec (400/404), the case entering the staff
// queue with its channel, the open/closed mapping, and what a public GET never shows.

let t: TestApp;
let cast: CaseCast;
let c: Client;
let apiKey: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  c = await listen(t);
  apiKey = (await issueKey(cast.admin)).apiKey;
});
afterAll(async () => t.close());

const form = (extra: Record<string, string | string[]> = {}) => ({
  api_key: apiKey,
  service_code: '06010',
  lat: String(CITY.inA[1]),
  long: String(CITY.inA[0]),
  description: '文化路口垃圾堆放',
  ...extra,
});
const submit = (extra: Record<string, string | string[]> = {}, fmt = 'json') =>
  c.post(`/requests.${fmt}`, form(extra));

function refused(a: Answer, status: number, pattern: RegExp) {
  expect(a.status, a.text).toBe(status);
  const [e] = errorsOf(a);
  expect(e!.code).toBe(String(status));
  expect(e!.description).toMatch(pattern);
}

const queue = async () =>
  (await cast.admin.get('/api/cases?limit=200')).json().items as {
    id: string;
    caseNo: string;
    source: string;
    state: string;
    description: string;
  }[];

describe('POST requests', () => {
  it('creates a case in the staff queue with the open311 channel, answering its id', async () => {
    const r = await submit({ media_url: 'https://partner.example.org/p/1.jpg' });
    expect(r.status, r.text).toBe(201);
    const [answer] = r.json();
    expect(Object.keys(answer).sort()).toEqual([
      'account_id',
      'service_notice',
      'service_request_id',
    ]);
    expect(typeof answer.service_request_id).toBe('string');
    const row = (await queue()).find((x) => x.caseNo === answer.service_request_id)!;
    expect(row).toMatchObject({ source: 'open311', state: 'pending_acceptance' });
    const [seen] = (await c.get(`/requests/${answer.service_request_id}.json`)).json();
    expect(seen.media_url).toBe('https://partner.example.org/p/1.jpg');
    expect(seen.description).toBe('文化路口垃圾堆放');
    // The 受理员 takes it like any other report.
    const detail = await cast.intake.get(`/api/cases/${row.id}`);
    expect(detail.json().allowedActions).toContain('accept');
  });

  it('answers XML for .xml', async () => {
    const r = await submit({}, 'xml');
    expect(r.status).toBe(201);
    expect(r.type).toBe('text/xml; charset=utf-8');
    expect(r.xml().service_requests.request[0].service_request_id).toMatch(/\w+/);
  });

  it('refuses a missing, unknown or revoked api_key with 403 and creates nothing', async () => {
    const before = (await queue()).length;
    refused(await submit({ api_key: '' }), 403, /api_key/);
    refused(await submit({ api_key: 'o311_not-a-key' }), 403, /api_key/);
    refused(await submit({ api_key: 'o311_not-a-key' }, 'xml'), 403, /api_key/);
    const other = await issueKey(cast.admin, '旧系统');
    expect((await cast.admin.post(`/api/open311/keys/${other.key.id}/revoke`)).statusCode).toBe(
      200,
    );
    refused(await submit({ api_key: other.apiKey }), 403, /revoked/);
    expect((await queue()).length).toBe(before);
  });

  it('keeps a key to its service codes', async () => {
    const narrow = await issueKey(cast.admin, '环卫小程序', ['06010']);
    expect((await submit({ api_key: narrow.apiKey })).status).toBe(201);
    refused(await submit({ api_key: narrow.apiKey, service_code: '06011' }), 403, /06011/);
  });

  it('refuses every bad field with 400 or 404, and creates nothing', async () => {
    const before = (await queue()).length;
    refused(await submit({ service_code: '' }), 400, /service_code is required/);
    refused(await submit({ service_code: '99999' }), 404, /99999/);
    refused(await submit({ lat: '', long: '' }), 400, /location is required/);
    refused(await submit({ lat: '95' }), 400, /lat must be between -90 and 90/);
    refused(await submit({ long: '181' }), 400, /long must be between/);
    refused(await submit({ lat: 'north' }), 400, /lat must be a decimal number/);
    refused(await submit({ long: '' }), 400, /together/);
    refused(await submit({ lat: '39.9', long: '116.4' }), 400, /网格/);
    refused(await submit({ description: '<script>alert(1)</script>' }), 400, /plain text/);
    refused(await submit({ address_string: '<img src=x onerror=alert(1)>' }), 400, /plain text/);
    refused(await submit({ description: '长'.repeat(2001) }), 400, /longer than 2000/);
    refused(await submit({ media_url: 'javascript:alert(1)' }), 400, /media_url/);
    refused(await submit({ email: 'not-an-address' }), 400, /email/);
    refused(await submit({ 'attribute[colour]': 'red' }), 400, /attribute\[colour\]/);
    refused(await submit({ lat: '', long: '', address_id: 'A-1' }), 400, /address_id/);
    refused(
      await submit({ lat: '', long: '', address_string: '无此地点某某路' }),
      400,
      /address_string/,
    );
    refused(await submit({ service_code: ['06010', '06011'] }), 400, /more than once/);
    expect((await queue()).length).toBe(before);
  });

  it('places a request sent with an address only through the place search', async () => {
    const r = await submit({ lat: '', long: '', address_string: '西社区第1网格' });
    expect(r.status, r.text).toBe(201);
    const [seen] = (
      await c.get(`/requests/${r.json()[0].service_request_id}.json?extensions=true`)
    ).json();
    expect(seen.address).toBe('西社区第1网格');
    expect(seen.extended_attributes.grid_code).toBe(CITY.gridA);
  });

  it('takes the plate code of a 部件 problem as an attribute', async () => {
    const services = (await c.get('/services.json')).json() as {
      service_code: string;
      metadata: boolean;
    }[];
    const mirror = services.find((s) => s.metadata)!.service_code;
    refused(
      await submit({ service_code: mirror, 'attribute[component_code]': '12' }),
      400,
      /component_code/,
    );
  });

  it('stores the contact details encrypted and never returns them', async () => {
    const r = await submit({
      email: 'li.ming@example.org',
      phone: '13812345678',
      first_name: '明',
      last_name: '李',
      description: '垃圾堆放，请回电 13812345678',
    });
    const id = r.json()[0].service_request_id;
    const row = await t.services.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('case_no', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.contact_enc).not.toContain('13812345678');
    expect(row.contact_enc).not.toContain('li.ming');
    const text = (await c.get(`/requests/${id}.json?extensions=true`)).text;
    for (const secret of ['13812345678', 'li.ming', '李', '市民通'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)[0].description).toBe('垃圾堆放，请回电 ***********');
  });
});

describe('what a public GET shows', () => {
  it('hides the place and text of a sensitive class, and staff words of other channels', async () => {
    const staff = await cast.inspector.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区文化路 12 号 张三家',
      description: '邻里纠纷，张三 13900001111',
      classCode: 'Z03001',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const patrol = await cast.inspector.post('/api/cases', {
      lng: CITY.inA[0],
      lat: CITY.inA[1],
      address: '西社区文化路 12 号门前',
      description: '巡查发现垃圾，监督员王五',
      classCode: '06010',
    });
    const [z] = (await c.get(`/requests/${staff.json().caseNo}.json?extensions=true`)).json();
    expect(z).toMatchObject({
      lat: null,
      long: null,
      address: null,
      description: null,
      media_url: null,
    });
    expect(z.extended_attributes).toMatchObject({
      grid_code: null,
      community_code: null,
      street_code: CITY.streetW,
    });
    const [p] = (await c.get(`/requests/${patrol.json().caseNo}.json`)).json();
    expect(p.description).toBeNull();
    expect(p.address).toBe('西社区文化路 12 号门前');
    expect(p.lat).toBeCloseTo(CITY.inA[1], 4);
    expect(JSON.stringify(p)).not.toMatch(/王五|insp|监督员/);
  });

  it('maps a closed case to closed, with the close time and the result in citizens’ words', async () => {
    const id = (await submit()).json()[0].service_request_id as string;
    const staffId = (await queue()).find((x) => x.caseNo === id)!.id;
    await walkToClosed(t, cast, staffId);
    const [r] = (await c.get(`/requests/${id}.json?extensions=true`)).json();
    expect(r.status).toBe('closed');
    expect(r.status_notes).toMatch(/^closed 已办结: 已办结（/);
    expect(r.agency_responsible).toBe('区环卫中心');
    expect(r.expected_datetime).toMatch(/\+08:00$/);
    expect(r.notes.map((n: { description: string }) => n.description)).toEqual(
      expect.arrayContaining(['已提交', '已受理', '已派遣至责任单位', '已办结']),
    );
    const closed = (await c.get('/requests.json?status=closed')).json();
    expect(closed.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
  });
});

describe('throttling', () => {
  // Last in the file: it blocks the test client's address for the rest of the window.
  it('answers 429 with the error list after 20 bad keys from one address', async () => {
    // The file's earlier refusals count too: keep guessing until the address is stopped, within 20.
    let tries = 0;
    for (; tries < 21; tries++) {
      const r = await submit({ api_key: `o311_guess${tries}` });
      if (r.status === 429) break;
      refused(r, 403, /api_key/);
    }
    expect(tries).toBeGreaterThan(0);
    expect(tries).toBeLessThanOrEqual(20);
    // Stopped for a good key too: the address is throttled, not the key.
    refused(await submit(), 429, /Too many/);
    refused(await submit({}, 'xml'), 429, /Too many/);
  });
});
