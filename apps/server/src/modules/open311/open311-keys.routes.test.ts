import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { seedCity, userSession, type Session } from '../../../test/factories';
import { expectRefusal } from '../../../test/refusal';

// Partner api_keys: issued by an administrator and shown once, stored as a keyed hash, listed by prefix, revoked,
// every change audited; nobody else may see or issue them.

let t: TestApp;
let admin: Session;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  admin = await userSession(t, { username: 'root', roles: ['admin'] });
  leader = await userSession(t, {
    username: 'boss',
    roles: ['district_leader'],
    areaCodes: ['410101'],
  });
});
afterAll(async () => t.close());

describe('/api/open311/keys', () => {
  it('issues a key shown once; only its hash and prefix are kept', async () => {
    const res = await admin.post('/api/open311/keys', {
      name: '市民通 App',
      serviceCodes: ['06010'],
    });
    expect(res.statusCode).toBe(201);
    const { key, apiKey } = res.json();
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{40,}$/);
    expect(key).toMatchObject({
      name: '市民通 App',
      serviceCodes: ['06010'],
      revokedAt: null,
      createdBy: 'root',
    });
    expect(apiKey.startsWith(key.prefix)).toBe(true);
    const list = await admin.get('/api/open311/keys');
    expect(list.body).not.toContain(apiKey);
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(key.id);
    const rows = await t.services.db.selectFrom('open311_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(apiKey);
  });

  it('revokes a key once and audits issue and revoke', async () => {
    const { key } = (await admin.post('/api/open311/keys', { name: '旧网格通' })).json();
    const r = await admin.post(`/api/open311/keys/${key.id}/revoke`);
    expect(r.statusCode).toBe(200);
    expect(r.json().revokedAt).toBeTruthy();
    expect((await admin.post(`/api/open311/keys/${key.id}/revoke`)).json().revokedAt).toBe(
      r.json().revokedAt,
    );
    expectRefusal(await admin.post('/api/open311/keys/nope/revoke'), {
      status: 404,
      code: 'not_found',
    });
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'target_type', 'target_id'])
      .where('target_id', '=', key.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['token_created', 'token_revoked']);
    expect(audit.every((a) => a.target_type === 'open311_key')).toBe(true);
  });

  it('refuses bad input and other roles', async () => {
    expectRefusal(await admin.post('/api/open311/keys', { name: '' }), {
      code: 'validation_failed',
      field: 'name',
    });
    expectRefusal(await admin.post('/api/open311/keys', { name: '系统', serviceCodes: ['x'] }), {
      code: 'validation_failed',
      field: 'serviceCodes.0',
    });
    expectRefusal(await leader.get('/api/open311/keys'), { status: 403, code: 'forbidden' });
    expectRefusal(await leader.post('/api/open311/keys', { name: '越权' }), {
      status: 403,
      code: 'forbidden',
    });
  });
});

describe('/api/open311/settings', () => {
  it('sets the jurisdiction_id answered to and what discovery publishes', async () => {
    const defaults = (await admin.get('/api/open311/settings')).json();
    expect(defaults.jurisdictionId).toBeNull();
    const body = {
      jurisdictionId: 'wangge.example.gov.cn',
      contact: '城市运行管理服务指挥中心 12319',
      keyService: '向区数据局申请',
    };
    expect((await admin.put('/api/open311/settings', body)).json()).toEqual(body);
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    expect(
      (await get('/open311/v2/services.json?jurisdiction_id=wangge.example.gov.cn')).statusCode,
    ).toBe(200);
    expect((await get('/open311/v2/services.json?jurisdiction_id=410101')).statusCode).toBe(200);
    expect(
      (await get('/open311/v2/services.json?jurisdiction_id=other.example.org')).statusCode,
    ).toBe(404);
    const d = (await get('/open311/v2/discovery.json')).json();
    expect([d.contact, d.key_service]).toEqual([body.contact, body.keyService]);
    expectRefusal(
      await admin.put('/api/open311/settings', { ...body, jurisdictionId: 'Not A Domain' }),
      {
        code: 'validation_failed',
        field: 'jurisdictionId',
      },
    );
    expectRefusal(await leader.put('/api/open311/settings', body), {
      status: 403,
      code: 'forbidden',
    });
  });
});
