import type { ResidentFile } from '@wangge/shared';
import type { ResidentFilesTable } from './resident-files.tables';

function parseIds(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A 民情档案 entry; the person's name is masked (S2 in lists and details alike: the entry is about what was said). */
export function presentResidentFile(
  r: ResidentFilesTable,
  names: { personName(id: string): string | null; gridName(code: string): string | null },
): ResidentFile {
  return {
    id: r.id,
    kind: r.kind as ResidentFile['kind'],
    at: r.at,
    houseId: r.house_id,
    personId: r.person_id,
    personName: r.person_id ? names.personName(r.person_id) : null,
    raised: r.raised,
    followUp: r.follow_up,
    status: r.status as ResidentFile['status'],
    streetCode: r.street_code,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    gridName: r.grid_code ? names.gridName(r.grid_code) : null,
    attachments: parseIds(r.attachments),
    caseId: r.case_id,
    caseNo: r.case_no,
    authorId: r.author_id,
    authorName: r.author_name,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
