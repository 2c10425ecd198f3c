import {
  maskName,
  PERSONS_EXPORT_MAX,
  type PersonExportQuery,
  type PersonUnmaskRequest,
  type PersonUnmaskResponse,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError, notFound } from '../../core/errors';
import { exportInClear } from '../../core/xlsx-export';
import { narrowScope, toRowFilter } from './person-model';
import type { PopulationContext } from './population-context';
import { exportLabels, personsWorkbook, type ExportRow } from './population-export';

/**
 * The only places plain ID numbers, phones, birth dates and 居住证号码 leave the database: an audited unmasking of
 * one record, and an export by holders of registry.export. Everything else shows the stored masks and birth years.
 */
export function createPersonPrivacy(ctx: PopulationContext) {
  const { deps, repo } = ctx;

  return {
    /** Reveals fields of one record; the audit entry (who, which record, which fields, why) is written first. */
    async unmask(
      actor: Actor,
      id: string,
      input: PersonUnmaskRequest,
      ip: string | null,
    ): Promise<PersonUnmaskResponse> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('人员');
      const fields = [...new Set(input.fields)];
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'person',
        targetId: id,
        areaCode: row.grid_code ?? row.community_code,
        ip,
        detail: { fields, reason: input.reason },
      });
      const out: PersonUnmaskResponse = {};
      if (fields.includes('idNumber')) out.idNumber = deps.cipher.decrypt(row.id_number_enc);
      if (fields.includes('phone'))
        out.phone = row.phone_enc ? deps.cipher.decrypt(row.phone_enc) : null;
      if (fields.includes('birthDate'))
        out.birthDate = row.birth_date_enc ? deps.cipher.decrypt(row.birth_date_enc) : null;
      if (fields.includes('residencePermitNo'))
        out.residencePermitNo = row.permit_no_enc ? deps.cipher.decrypt(row.permit_no_enc) : null;
      return out;
    },

    /** The filtered list as xlsx: masked unless a holder of registry.export gives a reason; every export is audited. */
    async exportXlsx(
      actor: Actor,
      query: PersonExportQuery,
      ip: string | null,
    ): Promise<{ fileName: string; content: Buffer; rows: number }> {
      const { reason, ...filter } = query;
      const unmasked = exportInClear(actor, reason);
      const rows = await repo.list(narrowScope(actor.scope, filter.areaCode), toRowFilter(filter), {
        limit: PERSONS_EXPORT_MAX + 1,
        offset: 0,
      });
      if (rows.length > PERSONS_EXPORT_MAX)
        throw new AppError(
          'validation_failed',
          `导出结果超过 ${PERSONS_EXPORT_MAX} 条，请缩小筛选范围`,
          { field: 'areaCode' },
        );
      const names = await ctx.names(rows.flatMap((r) => [r.community_code, r.grid_code]));
      const out: ExportRow[] = rows.map((r) => ({
        name: unmasked ? r.name : maskName(r.name),
        gender: exportLabels.gender(r.gender),
        // A masked sheet shows the birth year only, like the masked views: the full date narrows the ID number.
        birthDate: unmasked
          ? r.birth_date_enc
            ? deps.cipher.decrypt(r.birth_date_enc)
            : null
          : r.birth_year !== null
            ? `${r.birth_year}-**-**`
            : null,
        ethnicity: r.ethnicity,
        idType: exportLabels.idType(r.id_type),
        idNumber: unmasked ? deps.cipher.decrypt(r.id_number_enc) : r.id_masked,
        phone: unmasked ? (r.phone_enc ? deps.cipher.decrypt(r.phone_enc) : null) : r.phone_masked,
        populationType: exportLabels.populationType(r.population_type),
        householdStatus: exportLabels.householdStatus(r.household_status),
        registeredPlace: r.registered_place,
        community: names(r.community_code) ?? r.community_code,
        grid: r.grid_code ? (names(r.grid_code) ?? r.grid_code) : null,
        status: exportLabels.status(r.status),
        dataState: exportLabels.dataState(r.data_state),
        updatedAt: r.updated_at,
      }));
      const at = ctx.now();
      const watermark = `实有人口导出 · ${actor.displayName}（${actor.username}）· ${at} · ${unmasked ? '含完整个人信息，严禁外传' : '已脱敏'}`;
      const content = await personsWorkbook(out, watermark);
      await deps.audit.record({
        action: 'registry_exported',
        actor,
        targetType: 'person',
        ip,
        detail: { filter, rows: out.length, unmasked, ...(unmasked ? { reason } : {}) },
      });
      return { fileName: `persons-${at.slice(0, 10)}.xlsx`, content, rows: out.length };
    },
  };
}
