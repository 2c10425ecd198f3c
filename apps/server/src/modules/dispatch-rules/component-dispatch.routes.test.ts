import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { castCases, step as stepOn, type CaseCast } from '../cases/cases.test-util';
import { body as componentBody, code as componentCode } from '../components/components.test-util';

// docs/case-workflow.md §4 step 1: a case bound to a 部件 goes to its 养护单位, else 权属单位, else 主管部门, when a
// department carries that credit code; otherwise the matrix decides.
const MAINTAINER = '91410101MA1234567Y';
const OWNER = '12410101MB7654321A';
const NOBODY = '91410101MA0000000Q';

let t: TestApp;
let cast: CaseCast;
let admin: Session;
let maintainerId: string;
let ruleId: string;
const components: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  cast = await castCases(t);
  admin = cast.admin;
  const dept = async (code: string, name: string, creditCode: string) => {
    const res = await admin.post('/api/departments', {
      code,
      name,
      areaCode: CITY.district,
      creditCode,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  maintainerId = await dept('yh', '市政养护公司', MAINTAINER);
  await dept('qs', '区自来水公司', OWNER);
  // The matrix sends 供水井盖 cases to the 市政所 (cast.dept2Id).
  const rule = await admin.post('/api/dispatch-rules', {
    classCode: '01001',
    areaCode: CITY.district,
    departmentId: cast.dept2Id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  ruleId = rule.json().id;
  const register = async (key: string, serial: number, more: Record<string, unknown>) => {
    const res = await admin.post(
      '/api/components',
      componentBody(componentCode('01001', serial), CITY.inA, more),
    );
    expect(res.statusCode, res.body).toBe(201);
    components[key] = res.json().id;
  };
  await register('maintained', 1, {
    maintainerCode: MAINTAINER,
    maintainerName: '市政养护公司',
    ownerCode: OWNER,
  });
  await register('owned', 2, {
    maintainerCode: NOBODY,
    ownerCode: OWNER,
    ownerName: '区自来水公司',
  });
  await register('unknown', 3, { maintainerCode: NOBODY });
});
afterAll(async () => t.close());

const suggest = async (extra: string) => {
  const res = await admin.get(
    `/api/dispatch-rules/suggest?classCode=01001&gridCode=${CITY.gridA}${extra}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('dispatch via a 部件', () => {
  it('suggests the 养护单位, then the 权属单位, and otherwise the matrix rule', async () => {
    expect(await suggest(`&componentId=${components.maintained}`)).toMatchObject({
      primary: { code: 'yh' },
      componentRole: 'maintainer',
      matchedRuleId: null,
      fallback: null,
      streetCode: CITY.streetW,
    });
    expect(await suggest(`&componentId=${components.owned}`)).toMatchObject({
      primary: { code: 'qs' },
      componentRole: 'owner',
    });
    // Neither unit is a department, and the 主管部门's code (components.test-util CREDIT) names none either.
    expect(await suggest(`&componentId=${components.unknown}`)).toMatchObject({
      primary: { code: 'sz' },
      componentRole: null,
      matchedRuleId: ruleId,
    });
    expect(await suggest('')).toMatchObject({
      primary: { code: 'sz' },
      componentRole: null,
      matchedRuleId: ruleId,
    });
    const bad = await admin.get(
      `/api/dispatch-rules/suggest?classCode=01001&gridCode=${CITY.gridA}&componentId=nope`,
    );
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'componentId']);
  });

  it('feeds the case engine: dispatching to the component’s unit is not an override, the matrix department is', async () => {
    const conditionId = (await admin.get('/api/categories/01001/conditions')).json().items[0]
      .id as string;
    const dispatched = async (componentKey: string, serial: number, departmentId: string) => {
      const code = componentCode('01001', serial);
      const c = (
        await cast.inspector.post('/api/cases', {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '文化路 1 号',
          description: '井盖破损',
          componentCode: code,
        })
      ).json();
      expect(c.componentId).toBe(components[componentKey]);
      await stepOn(cast, cast.intake, c.id, 'accept');
      await stepOn(cast, cast.shift, c.id, 'register', { classCode: '01001', conditionId });
      await stepOn(cast, cast.dispatcher, c.id, 'dispatch', { departmentId });
      const events = (await admin.get(`/api/cases/${c.id}/events`)).json().items as {
        action: string;
        data: { effects: { dispatch?: { overridden: boolean } }[] };
      }[];
      return events.find((e) => e.action === 'dispatch')!.data.effects.find((e) => e.dispatch)!
        .dispatch!.overridden;
    };
    expect(await dispatched('maintained', 1, maintainerId)).toBe(false);
    expect(await dispatched('maintained', 1, cast.dept2Id)).toBe(true);
    expect(await dispatched('unknown', 3, cast.dept2Id)).toBe(false);
  });
});
