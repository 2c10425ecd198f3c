import { expect, login, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 工作监督 (docs/supervision.md): a street leader raises 督办, follows it on the board and in 我的督办, the handling
// department answers, and the leader's 批示 shows on the case and on the board.
test.use({ user: 'jd_leader' });

/** One workflow action through the case page: open the form, write the note, submit, wait for it to close. */
async function act(page, id, action, note) {
  await page.goto(`/cases/${id}`);
  await page.getByTestId(`action-${action}`).click();
  const form = page.getByTestId(`action-form-${action}`);
  await expect(form).toBeVisible();
  // By hand only normal 督办 (the cards are the system's).
  if (action === 'supervise') await form.getByText('普通督办').click();
  await form.getByTestId('field-note').fill(note);
  await page.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
}

/** The case's card on the board (the first, when it is listed more than once). */
const onBoard = (page, id) =>
  page.locator(`[data-testid="supervision-case"][data-case-id="${id}"]`).first();

test('a street leader supervises a case; the department answers; a 批示 shows on the case and the board', async ({
  page,
  newPage,
}) => {
  // A case of the leader's street in 处置 that nobody supervises yet.
  const list = await page.request.get('/api/cases?state=handling&limit=100');
  expect(list.status()).toBe(200);
  const candidates = (await list.json()).items.filter(
    (c) => c.supervisionLevel === null && c.allowedActions.includes('supervise'),
  );
  expect(candidates.length, 'unsupervised cases in 处置 in the street').toBeGreaterThan(0);
  const c = candidates[0];

  await act(page, c.id, 'supervise', '请本周内处理完毕');
  await page.goto('/supervision');
  const card = onBoard(page, c.id);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('supervision-level')).toContainText('普通督办');
  await expect(card).toContainText('请本周内处理完毕');
  await expect(card).toContainText('尚未回复');
  // Each group's badge counts the cases listed under it.
  const group = page.getByTestId('supervision-group').filter({ has: card });
  await expect(group.getByTestId('group-count')).toContainText(
    String(await group.getByTestId('supervision-case').count()),
  );
  await screenshot(page, 'supervision-board-1440');

  await page.getByRole('tab', { name: '我的督办' }).click();
  await expect(
    page.getByTestId('supervision-mine').locator(`[data-case-id="${c.id}"]`),
  ).toContainText('我发起');
  await screenshot(page, 'supervision-mine-1440');

  // The handling department answers (whichever demo department the case went to).
  let handler = null;
  for (const user of ['dept_hw', 'dept_sz']) {
    const p = await newPage({ viewport: { width: 1440, height: 900 } });
    await login(p, user);
    const view = await (await p.request.get(`/api/cases/${c.id}`)).json();
    if (view.allowedActions?.includes('reply_supervision')) {
      handler = p;
      break;
    }
  }
  expect(handler, 'a department user who owes the reply').not.toBeNull();
  await act(handler, c.id, 'reply_supervision', '已安排人员今天下午清理');

  await page.goto('/supervision');
  await expect(onBoard(page, c.id).getByTestId('supervision-reply')).toContainText(
    '已安排人员今天下午清理',
  );

  await act(page, c.id, 'leader_instruct', '限本周五前整改到位并拍照反馈');
  await expect(page.getByTestId('case-instructions')).toContainText('限本周五前整改到位并拍照反馈');
  await screenshot(page, 'supervision-case-instructions-1440');
  await page.goto('/supervision');
  await expect(onBoard(page, c.id).getByTestId('supervision-instructions')).toContainText(
    '限本周五前整改到位并拍照反馈',
  );
  await screenshot(page, 'supervision-board-answered-1440');

  // By grid, the same case is on the board.
  await page.getByTestId('supervision-group-by').getByText('按网格').click();
  await expect(onBoard(page, c.id)).toBeVisible();

  // A case opens its detail page.
  await onBoard(page, c.id).getByRole('link', { name: c.caseNo }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'jd_leader' });

  test('the board fits a 375 px screen', async ({ page }) => {
    await page.goto('/supervision');
    await expect(page.getByTestId('supervision-case').first()).toBeVisible();
    expect(await scrollWidth(page), 'the board’s width').toBeLessThanOrEqual(376);
    await screenshot(page, 'supervision-board-375');
    await page.getByRole('tab', { name: '我的督办' }).click();
    await expect(page.getByTestId('supervision-mine')).toBeVisible();
    expect(await scrollWidth(page), 'my supervision’s width').toBeLessThanOrEqual(376);
    await screenshot(page, 'supervision-mine-375');
  });
});
