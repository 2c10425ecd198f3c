import { describe, expect, it } from 'vitest';
import { leaderLevelOf, nextLeaderLevel } from './case-actions';
import { A, at, code, dispatched, LATER, NOW, step } from './case-fixtures.test-util';
import type { ActorContext } from './case-types';

/** 督办升级 (docs/supervision.md): rows `escalate_supervision`, system only, keeping the state. */
const communityLeader: ActorContext = {
  ...A.streetLeader,
  userId: 'u-comm',
  roleCodes: ['community_leader'],
};

describe('督办升级 (escalate_supervision)', () => {
  it('a 督办 starts at the issuing leader’s level, or below the community for the centre and the system', () => {
    let [c] = step(dispatched('handling'), 'supervise', A.streetLeader, {});
    expect(c.supervision).toMatchObject({ leaderLevel: 'street', raisedAt: NOW, replied: false });
    [c] = step(dispatched('handling'), 'supervise', A.shift, {});
    expect(c.supervision?.leaderLevel).toBeNull();
    [c] = step(dispatched('handling'), 'supervise', A.system, { level: 'yellow' });
    expect(c.supervision?.leaderLevel).toBeNull();
    expect(leaderLevelOf(['street_leader', 'district_leader'])).toBe('district');
  });

  it('climbs community → street → district, one level per escalation, and tells the new level’s leaders', () => {
    let [c] = step(dispatched('handling'), 'supervise', A.system, { level: 'yellow' });
    const later = at(A.system, LATER);
    const [up, effects] = step(c, 'escalate_supervision', later, {});
    c = up;
    expect(effects).toEqual([
      { type: 'escalate_supervision', to: 'community', raisedAt: NOW },
      { type: 'notify', target: 'leaders', about: 'escalate_supervision' },
    ]);
    expect(c.supervision).toMatchObject({ leaderLevel: 'community', escalatedAt: LATER });
    [c] = step(c, 'escalate_supervision', later, {});
    [c] = step(c, 'escalate_supervision', later, {});
    expect(c.supervision?.leaderLevel).toBe('district');
    expect(c.state).toBe('handling');
    // Nobody above the district: it stays there until answered.
    expect(code(c, 'escalate_supervision', later, {})).toBe('already_done');
    expect(nextLeaderLevel('district')).toBeNull();
  });

  it('a community leader’s 督办 goes to the street first', () => {
    const [c] = step(dispatched('handling'), 'supervise', communityLeader, {});
    const [after] = step(c, 'escalate_supervision', A.system, {});
    expect(after.supervision?.leaderLevel).toBe('street');
  });

  it('an answered, cancelled or absent 督办 does not escalate', () => {
    expect(code(dispatched('handling'), 'escalate_supervision', A.system, {})).toBe(
      'no_supervision',
    );
    let [c] = step(dispatched('handling'), 'supervise', A.streetLeader, {});
    [c] = step(c, 'reply_supervision', A.handler, { note: '已安排' });
    expect(code(c, 'escalate_supervision', A.system, {})).toBe('already_done');
    [c] = step(dispatched('handling'), 'supervise', A.streetLeader, {});
    [c] = step(c, 'cancel_supervision', A.streetLeader, {});
    expect(code(c, 'escalate_supervision', A.system, {})).toBe('no_supervision');
  });

  it('only the system escalates', () => {
    const [c] = step(dispatched('handling'), 'supervise', A.streetLeader, {});
    for (const who of [A.leader, A.streetLeader, A.shift, A.handler])
      expect(code(c, 'escalate_supervision', who, {})).toBe('role_not_allowed');
  });

  it('a higher card is a new 督办: raised afresh, back at the bottom, unanswered', () => {
    let [c] = step(dispatched('handling'), 'supervise', A.system, { level: 'yellow' });
    [c] = step(c, 'escalate_supervision', A.system, {});
    [c] = step(c, 'supervise', at(A.system, LATER), { level: 'red' });
    expect(c.supervision).toMatchObject({ level: 'red', leaderLevel: null, raisedAt: LATER });
  });
});
