import {
  CASE_SOURCE_LABELS,
  CASE_STATE_INFO,
  CASE_STAGE_LABELS,
  CLOSE_REASON_LABELS,
  PUBLIC_CASE_STATUS_LABELS,
  PUBLIC_MILESTONE_LABELS,
  citizenStatus,
  type PublicMilestone,
} from '@wangge/shared';
import type { FeedCase } from '../cases';
import { isoShanghai, type Value } from './open311-format';

/** What the view needs besides the case: names the other modules give, and the policy's answers. */
export interface ViewContext {
  serviceName: string | null;
  /** The class is sensitive (综治, special groups, disputes): its place is never shown. */
  sensitive: boolean;
  departmentName: string | null;
  /** What the partner sent with a request that came through Open311 (null for other channels). */
  partner: { mediaUrl: string | null; attributes: Record<string, string | string[]> } | null;
  milestones: { kind: PublicMilestone; at: string }[] | null;
}

/** Before dispatch the supervision centre answers for a case (docs/open311.md §6). */
export const CENTRE = '城市运行管理服务指挥中心';

// Digit runs long enough to be a phone, ID or plate number are masked in any text shown publicly.
const LONG_NUMBER = /\d[\d -]{5,}\d/g;
export const scrubText = (s: string) => s.replace(LONG_NUMBER, (m) => '*'.repeat(m.length));

/** Points are published to 4 decimals (about 10 m), never more precisely than a resident could see on a map. */
const coarse = (v: number) => Math.round(v * 10_000) / 10_000;

/** "handling 处置中: 已派遣至区环卫中心": the status in the citizens' words, never a person's name. */
export function statusNotes(c: FeedCase, departmentName: string | null): string {
  const status = citizenStatus(c.state);
  const label = PUBLIC_CASE_STATUS_LABELS[status];
  let note = label.hint.zh;
  if ((status === 'handling' || status === 'suspended') && departmentName)
    note = status === 'handling' ? `已派遣至${departmentName}` : `${departmentName}：${note}`;
  if (status === 'closed')
    note = c.closeReason ? `已办结（${CLOSE_REASON_LABELS[c.closeReason].zh}）` : '已办结';
  if (status === 'merged' && c.masterCaseNo) note = `与同一问题合并办理，请关注 ${c.masterCaseNo}`;
  return `${status} ${label.zh}: ${note}`;
}

/**
 * A case as a GeoReport v2 `request`. Text is shown only for requests a partner sent through Open311 (their own,
 * published words, numbers masked); reports from other channels are described by their service alone until a
 * moderated text exists. A sensitive class shows no place at all: no address, point or grid.
 */
export function requestOf(c: FeedCase, x: ViewContext, extensions: boolean): Record<string, Value> {
  const closed = !c.open;
  const ownText = c.source === 'open311' && !x.sensitive;
  const r: Record<string, Value> = {
    service_request_id: c.caseNo,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(c, x.departmentName),
    service_name: x.serviceName,
    service_code: c.classCode,
    description: ownText ? scrubText(c.description) : null,
    agency_responsible: x.departmentName ?? CENTRE,
    service_notice: null,
    requested_datetime: isoShanghai(c.createdAt),
    updated_datetime: isoShanghai(closed ? (c.closedAt ?? c.updatedAt) : c.updatedAt),
    expected_datetime: isoShanghai(c.deadlineAt),
    address: x.sensitive ? null : scrubText(c.address),
    address_id: null,
    zipcode: null,
    lat: x.sensitive ? null : coarse(c.position[1]),
    long: x.sensitive ? null : coarse(c.position[0]),
    media_url: x.sensitive ? null : (x.partner?.mediaUrl ?? null),
  };
  if (!extensions) return r;
  const stage = CASE_STATE_INFO[c.state].stage;
  r.attributes = Object.entries(x.partner?.attributes ?? {}).map(([code, value]) => ({
    code,
    value: Array.isArray(value) ? value.join(',') : value,
  }));
  r.extended_attributes = {
    grid_code: x.sensitive ? null : c.gridCode,
    community_code: x.sensitive ? null : c.communityCode,
    street_code: c.streetCode,
    stage,
    stage_label: stage ? CASE_STAGE_LABELS[stage].zh : CASE_STATE_INFO[c.state].zh,
    close_reason: c.closeReason,
    supervision_level: c.supervisionLevel,
    channel: c.source,
    channel_label: CASE_SOURCE_LABELS[c.source]?.zh ?? c.source,
    deadline: isoShanghai(c.deadlineAt),
  };
  r.notes = (x.milestones ?? []).map((m) => ({
    datetime: isoShanghai(m.at),
    description: PUBLIC_MILESTONE_LABELS[m.kind].zh,
    type: 'status_change',
  }));
  return r;
}

/** The XML element names of the lists inside a request. */
export const REQUEST_ITEMS = {
  service_requests: 'request',
  attributes: 'attribute',
  notes: 'note',
} as const;
