import type { GroupFieldValue, MembershipEndReason } from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';

/**
 * Everything that would tell a reader of the raw database which group a person is in, or what the group's file
 * says: sealed together in one AES-256-GCM value (`details_enc`). Only `group_hash` stays in clear, for filtering.
 */
export interface MembershipDetails {
  groupCode: string;
  fields: Record<string, GroupFieldValue>;
  guardianName: string | null;
  guardianPhone: string | null;
  helpSituation: string | null;
  difficulties: string | null;
  dataSource: string | null;
  endReason: MembershipEndReason | null;
  endNote: string | null;
}

export const sealDetails = (cipher: FieldCipher, d: MembershipDetails): string =>
  cipher.encrypt(JSON.stringify(d));

export function openDetails(cipher: FieldCipher, stored: string): MembershipDetails {
  const d = JSON.parse(cipher.decrypt(stored)) as Partial<MembershipDetails>;
  return {
    groupCode: d.groupCode ?? '',
    fields: d.fields ?? {},
    guardianName: d.guardianName ?? null,
    guardianPhone: d.guardianPhone ?? null,
    helpSituation: d.helpSituation ?? null,
    difficulties: d.difficulties ?? null,
    dataSource: d.dataSource ?? null,
    endReason: d.endReason ?? null,
    endNote: d.endNote ?? null,
  };
}

/** The group lookup key: the same HMAC everywhere, so a filter by group is an equality. */
export const groupHash = (cipher: FieldCipher, code: string): string => cipher.lookupHash(code);
