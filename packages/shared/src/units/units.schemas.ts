import { z } from 'zod';
import { PhoneSchema } from '../common/phone.schemas';
import { CrsSchema } from '../areas/areas.schemas';
import { CalendarDateSchema } from '../calendar/calendar.schemas';
import {
  ExportReasonSchema,
  movedToBody,
  PersonalSearchReasonSchema,
} from '../common/common.schemas';
import {
  FOCUS_TAGS,
  UNIT_STATUSES,
  UNIT_TYPES,
  UNIT_UNMASK_FIELDS,
  UNITS_PAGE_MAX,
} from './unit-fields';

/** A mobile number or a landline with its area code (the shared PhoneSchema); stored encrypted, answered masked. */
export const UnitPhoneSchema = PhoneSchema;

export const unitText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** Where a record is: a map point (WGS84 unless `crs` says otherwise), a standard address node, or both. */
export const UnitLocationFieldsSchema = z.object({
  address: z
    .string()
    .trim()
    .min(2, '请填写地址（至少 2 个字）')
    .max(200)
    .optional()
    .describe('Free text; defaults to the standard address'),
  addressId: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe('Node of the standard address tree'),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  crs: CrsSchema.default('wgs84'),
});

export const UnitPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(UNITS_PAGE_MAX).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const bothOrNeither = (b: { lng?: number | undefined; lat?: number | undefined }) =>
  (b.lng === undefined) === (b.lat === undefined);

const UnitAttributesSchema = z.object({
  name: z.string().trim().min(2, '请填写单位名称（至少 2 个字）').max(100),
  // Checked by the server (parseCreditCode) so a bad check character answers `invalid_code` with its reason.
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .max(32)
    .nullable()
    .optional()
    .describe('统一社会信用代码 (GB 32100), unique'),
  registrationNo: z
    .string()
    .trim()
    .min(6, '注册号至少 6 位')
    .max(30)
    .nullable()
    .optional()
    .describe('注册号, for individual businesses without a credit code'),
  unitType: z.enum(UNIT_TYPES),
  focusTags: z.array(z.enum(FOCUS_TAGS)).max(FOCUS_TAGS.length),
  industry: unitText(50),
  legalRepName: unitText(50).describe('法定代表人 / 经营者'),
  legalRepPhone: UnitPhoneSchema.nullable().optional(),
  contactName: unitText(50),
  contactPhone: UnitPhoneSchema.nullable().optional(),
  employeeCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  status: z.enum(UNIT_STATUSES),
  inspectionIntervalDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .optional()
    .describe('null = the default of the unit type and focus tags'),
});

export const CreateUnitRequestSchema = UnitAttributesSchema.extend({
  focusTags: UnitAttributesSchema.shape.focusTags.default([]),
  status: UnitAttributesSchema.shape.status.default('operating'),
})
  .extend(UnitLocationFieldsSchema.shape)
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'CreateUnitRequest' });
export type CreateUnitRequest = z.infer<typeof CreateUnitRequestSchema>;

export const UpdateUnitRequestSchema = UnitAttributesSchema.partial()
  .extend(UnitLocationFieldsSchema.shape)
  .extend({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
  })
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'UpdateUnitRequest' });
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequestSchema>;

const areaFields = {
  adminCode: z.string(),
  streetCode: z.string(),
  streetName: z.string().nullable(),
  communityCode: z.string(),
  communityName: z.string().nullable(),
  gridCode: z.string(),
  gridName: z.string().nullable(),
};
export const UnitAreaFieldsSchema = z.object(areaFields);

export const UnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    creditCode: z.string().nullable(),
    registrationNo: z.string().nullable(),
    unitType: z.enum(UNIT_TYPES),
    focusTags: z.array(z.enum(FOCUS_TAGS)),
    isKeyUnit: z.boolean().describe('重点单位: under periodic inspection'),
    industry: z.string().nullable(),
    address: z.string(),
    addressId: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]).nullable().describe('WGS84 [lng, lat]'),
    ...areaFields,
    legalRepName: z.string().nullable().describe('Masked in lists, full in the detail'),
    legalRepPhone: z.string().nullable().describe('Always masked; POST …/unmask reveals it'),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    status: z.enum(UNIT_STATUSES),
    inspectionIntervalDays: z.number().int().nullable(),
    nextInspectionDue: z.string().nullable().describe('YYYY-MM-DD (Shanghai)'),
    lastInspectedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof UnitSchema>;

export const UnitEmployeeSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z
      .string()
      .nullable()
      .describe('Masked; null when the person is not in the population registry'),
    position: z.string().nullable(),
    from: z.string(),
    to: z.string().nullable(),
  })
  .meta({ id: 'UnitEmployee' });
export type UnitEmployee = z.infer<typeof UnitEmployeeSchema>;

export const UnitDetailSchema = UnitSchema.extend({ employees: z.array(UnitEmployeeSchema) }).meta({
  id: 'UnitDetail',
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const UnitListSchema = z
  .object({ items: z.array(UnitSchema), total: z.number().int() })
  .meta({ id: 'UnitList' });
export type UnitList = z.infer<typeof UnitListSchema>;

export const UnitFilterSchema = z.object({
  areaCode: z.string().max(20).optional().describe('District, street, community or grid code'),
  unitType: z.enum(UNIT_TYPES).optional(),
  focusTag: z.enum(FOCUS_TAGS).optional(),
  keyOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the name, credit code, registration no. or address'),
  phone: movedToBody('/api/units/search'),
});
export type UnitFilter = z.infer<typeof UnitFilterSchema>;

export const UnitExportQuerySchema = UnitFilterSchema.extend({ reason: ExportReasonSchema });
export type UnitExportQuery = z.infer<typeof UnitExportQuerySchema>;

export const UnitListQuerySchema = UnitFilterSchema.extend(UnitPageQuerySchema.shape);
export type UnitListQuery = z.infer<typeof UnitListQuerySchema>;

/** The list's filters plus a full phone, in a body: needs personal.unmask and a reason, audited. */
export const UnitSearchRequestSchema = UnitListQuerySchema.omit({ phone: true })
  .extend({
    phone: UnitPhoneSchema.describe('Exact phone of the legal representative or contact'),
    reason: PersonalSearchReasonSchema,
  })
  .meta({ id: 'UnitSearchRequest' });
export type UnitSearchRequest = z.infer<typeof UnitSearchRequestSchema>;

export const AddUnitEmployeeRequestSchema = z
  .object({
    personId: z.string().min(1).max(64).describe('A person of the population registry'),
    position: unitText(50),
    from: CalendarDateSchema.optional().describe('Defaults to today'),
    to: CalendarDateSchema.nullable().optional(),
  })
  .refine((b) => !b.from || !b.to || b.to >= b.from, {
    message: '离职日期不能早于入职日期',
    path: ['to'],
  })
  .meta({ id: 'AddUnitEmployeeRequest' });
export type AddUnitEmployeeRequest = z.infer<typeof AddUnitEmployeeRequestSchema>;

export const UnitEmployeeParamsSchema = z.object({
  id: z.string().min(1).max(64),
  employeeId: z.string().min(1).max(64),
});

export const UnmaskUnitRequestSchema = z
  .object({
    reason: z.string().trim().min(4, '请说明查看原因（至少 4 个字）').max(200),
    fields: z
      .array(z.enum(UNIT_UNMASK_FIELDS))
      .min(1, '请选择要查看的字段')
      .max(UNIT_UNMASK_FIELDS.length),
  })
  .meta({ id: 'UnmaskUnitRequest' });
export type UnmaskUnitRequest = z.infer<typeof UnmaskUnitRequestSchema>;

export const UnmaskedUnitSchema = z.object({
  legalRepPhone: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
});
export type UnmaskedUnit = z.infer<typeof UnmaskedUnitSchema>;

/** What upsertUnits did: idempotent on the credit code (or registration no.). */
export interface UnitUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
}
