import { z } from 'zod';
import { PhoneDigitsSchema } from '../common/phone.schemas';
import { AddressPathItemSchema, AddressAreaCodeSchema } from './addresses.schemas';
import {
  ExportReasonSchema,
  movedToBody,
  PersonalSearchReasonSchema,
} from '../common/common.schemas';
import { HOUSE_OWNERSHIPS, HOUSE_USES, RENT_PURPOSES } from './house-fields';

export const HouseUseSchema = z.enum(HOUSE_USES).describe('自住/出租/空置/商用/混合/其他');
export const HouseOwnershipSchema = z.enum(HOUSE_OWNERSHIPS).describe('私产/公房/单位产/其他');

/** A calendar day as YYYY-MM-DD. */
export const ContractDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

/** A mobile or a landline with area code, stored as digits (the shared PhoneDigitsSchema: spaces and dashes dropped). */
export const LandlordPhoneInputSchema = PhoneDigitsSchema;

export const HouseRentalSchema = z
  .object({
    purpose: z.enum(RENT_PURPOSES).describe('租赁用途: 居住/经营'),
    contractStart: ContractDateSchema.nullable().optional(),
    contractEnd: ContractDateSchema.nullable().optional(),
  })
  .refine((r) => !r.contractStart || !r.contractEnd || r.contractStart <= r.contractEnd, {
    message: '合同结束日期不能早于开始日期',
    path: ['contractEnd'],
  })
  .meta({ id: 'HouseRental' });
export type HouseRental = z.infer<typeof HouseRentalSchema>;

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

const HouseAttributes = {
  use: HouseUseSchema,
  ownership: HouseOwnershipSchema,
  areaM2: z
    .number()
    .positive('面积应大于 0')
    .max(100_000)
    .nullable()
    .optional()
    .describe('建筑面积 (m²)'),
  certificateNo: text(50).describe('不动产权证号 / 房产证号'),
  landlordName: text(50).describe('房主/出租人姓名'),
  landlordPhone: LandlordPhoneInputSchema.nullable()
    .optional()
    .describe('Stored encrypted; answered masked'),
  rental: HouseRentalSchema.nullable().optional().describe('Only for uses rented and mixed'),
  remarks: text(1000),
};

export const CreateHouseRequestSchema = z
  .object({
    addressId: z.string().min(1).max(64).describe('A 户室 node; one house per room'),
    ...HouseAttributes,
  })
  .meta({ id: 'CreateHouseRequest' });
export type CreateHouseRequest = z.infer<typeof CreateHouseRequestSchema>;

export const UpdateHouseRequestSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
    use: HouseAttributes.use.optional(),
    ownership: HouseAttributes.ownership.optional(),
    areaM2: HouseAttributes.areaM2,
    certificateNo: HouseAttributes.certificateNo,
    landlordName: HouseAttributes.landlordName,
    landlordPhone: HouseAttributes.landlordPhone,
    rental: HouseAttributes.rental,
    remarks: HouseAttributes.remarks,
  })
  .meta({ id: 'UpdateHouseRequest' });
export type UpdateHouseRequest = z.infer<typeof UpdateHouseRequestSchema>;

export const HouseSchema = z
  .object({
    id: z.string(),
    addressId: z.string(),
    fullAddress: z.string(),
    use: HouseUseSchema,
    ownership: HouseOwnershipSchema,
    areaM2: z.number().nullable(),
    certificateNo: z.string().nullable(),
    landlordName: z.string().nullable().describe('Masked (张*明) in lists, in full on the detail'),
    landlordPhone: z
      .string()
      .nullable()
      .describe('Always masked (138****5678); POST /api/houses/:id/unmask reveals it'),
    rental: z
      .object({
        purpose: z.enum(RENT_PURPOSES),
        contractStart: z.string().nullable(),
        contractEnd: z.string().nullable(),
      })
      .nullable(),
    remarks: z.string().nullable(),
    adminCode: z.string(),
    streetCode: z.string(),
    communityCode: z.string(),
    communityName: z.string().nullable(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'House' });
export type House = z.infer<typeof HouseSchema>;

export const HouseDetailSchema = HouseSchema.extend({
  path: z
    .array(AddressPathItemSchema)
    .describe('The address path, root first, ending with the room'),
}).meta({ id: 'HouseDetail' });
export type HouseDetail = z.infer<typeof HouseDetailSchema>;

export const HouseListQuerySchema = z.object({
  areaCode: AddressAreaCodeSchema.optional().describe('District, street, community or grid code'),
  use: HouseUseSchema.optional(),
  ownership: HouseOwnershipSchema.optional(),
  q: z.string().max(100).optional().describe('Words that must all appear in the full address'),
  landlordPhone: movedToBody('/api/houses/search'),
  addressId: z.string().min(1).max(64).optional().describe('The house of this 户室, if any'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HouseListQuery = z.infer<typeof HouseListQuerySchema>;

/** The list's filters plus the landlord's full phone, in a body: needs personal.unmask and a reason, audited. */
export const HouseSearchRequestSchema = HouseListQuerySchema.omit({ landlordPhone: true })
  .extend({
    landlordPhone: LandlordPhoneInputSchema.describe(
      'Exact match on the landlord phone (by its keyed hash)',
    ),
    reason: PersonalSearchReasonSchema,
  })
  .meta({ id: 'HouseSearchRequest' });
export type HouseSearchRequest = z.infer<typeof HouseSearchRequestSchema>;

/** The filter of an export: the list's, without paging. */
export const HouseExportQuerySchema = HouseListQuerySchema.omit({
  limit: true,
  offset: true,
}).extend({ reason: ExportReasonSchema });
export type HouseExportQuery = z.infer<typeof HouseExportQuerySchema>;
/** Most rows one export may hold; a larger result must be narrowed by its filter. */
export const HOUSES_EXPORT_MAX = 50_000;

export const HouseListSchema = z.object({ items: z.array(HouseSchema), total: z.number().int() });
export type HouseList = z.infer<typeof HouseListSchema>;

export const HouseUnmaskRequestSchema = z
  .object({ reason: z.string().trim().min(2, '请说明查看原因').max(200) })
  .meta({ id: 'HouseUnmaskRequest' });
export type HouseUnmaskRequest = z.infer<typeof HouseUnmaskRequestSchema>;

export const LandlordPhoneResponseSchema = z.object({ landlordPhone: z.string().nullable() });
