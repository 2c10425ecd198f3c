import { pseudoActor, type Actor } from '../../core/auth/actor';

/**
 * The citizen pseudo-actor of one receipt: the `citizen` role, the case's reporter (so the workflow's
 * not_reporter guard admits it to 评价 and 申请重开 of its own case only), full area scope because a citizen
 * may report anywhere in the jurisdiction, and no permissions at all.
 */
export function citizenActor(receiptId: string): Actor {
  return pseudoActor(`citizen:${receiptId}`, { code: 'citizen', name: '市民' });
}
