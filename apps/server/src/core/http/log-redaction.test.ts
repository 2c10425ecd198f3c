import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';

let t: TestApp;
let admin: Session;
const lines: string[] = [];
const ID = '410101197512314567';
const PHONE = '13987654321';
const SECRET = 'S3cr3tReceiptXyZ';
const NAME = '赵六一';

beforeAll(async () => {
  // The real pino logger at info level, writing into memory instead of stdout.
  t = await createTestApp({
    logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
  });
  await seedCity(t);
  admin = await userSession(t, { username: 'boss', roles: ['admin'] });
});
afterAll(async () => t.close());

describe('request logs', () => {
  it('hold the method, route pattern and status, never query strings, path values or bodies', async () => {
    lines.length = 0;
    const q = `idNumber=${ID}&phone=${PHONE}&name=${encodeURIComponent(NAME)}&secret=${SECRET}`;
    await admin.get(`/api/persons/lookup?${q}`);
    await admin.get(`/api/persons?q=${ID}&phone=${PHONE}`);
    await admin.get(`/api/houses?landlordPhone=${PHONE}`);
    await t.app.inject({ method: 'GET', url: `/api/public/cases/Q${ID}?secret=${SECRET}` });
    await t.app.inject({ method: 'GET', url: `/api/no-such-route/${ID}?secret=${SECRET}` });
    await admin.post('/api/persons/lookup', { idNumber: ID, phone: PHONE });
    await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: {
        lng: CITY.inA[0],
        lat: CITY.inA[1],
        address: `${NAME}家门口`,
        description: `身份证 ${ID} 电话 ${PHONE}`,
        contactPhone: PHONE,
      },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ID, password: SECRET },
    });

    const log = lines.join('');
    // The capture is real: the requests were logged, with their routes.
    expect(log).toContain('"route":"/api/public/cases/:caseNo"');
    expect(log).toContain('"statusCode":');
    expect(log).toContain('"responseTime":');
    for (const value of [ID, PHONE, SECRET, NAME, encodeURIComponent(NAME), 'idNumber=', 'secret='])
      expect(log, value).not.toContain(value);
  });

  it('are one line per request', async () => {
    lines.length = 0;
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'GET', url: '/api/health' });
    const requestLines = lines.filter((l) => l.includes('"route":"/api/health"'));
    expect(requestLines).toHaveLength(5);
    expect(JSON.parse(requestLines[0]!)).toMatchObject({
      msg: 'request',
      req: { method: 'GET', route: '/api/health' },
      res: { statusCode: 200 },
    });
  });
});
