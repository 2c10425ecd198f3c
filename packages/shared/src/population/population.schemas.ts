import { z } from 'zod';
import { AnyPhoneSchema } from '../common/phone.schemas';
import { CalendarDateSchema } from '../calendar/calendar.schemas';
import { ExportReasonSchema, PersonalSearchReasonSchema } from '../common/common.schemas';
import {
  DATA_STATES,
  PERSON_GENDERS,
  HOUSEHOLD_STATUSES,
  HOUSEHOLDER_RELATIONS,
  PERSON_ID_TYPES,
  PERSON_EVENT_ACTIONS,
  PERSON_STATUSES,
  POPULATION_TYPES,
  RESIDENCE_TYPES,
} from './person-fields';

export const PersonIdTypeSchema = z.enum(PERSON_ID_TYPES).describe('证件类型');
export const PopulationTypeSchema = z
  .enum(POPULATION_TYPES)
  .describe('人口类型: 户籍/流动/未落户/境外');
export const HouseholdStatusSchema = z.enum(HOUSEHOLD_STATUSES).describe('人户状态 (户籍人口)');
export const PersonStatusSchema = z.enum(PERSON_STATUSES);
export const DataStateSchema = z.enum(DATA_STATES).describe('数据状态: 录入/认领/已核实');
export const ResidenceTypeSchema = z
  .enum(RESIDENCE_TYPES)
  .describe('居住类型: 自有/租住/借住/其他');
export const HouseholderRelationSchema = z.enum(HOUSEHOLDER_RELATIONS).describe('与户主关系');
export const PersonGenderSchema = z.enum(PERSON_GENDERS);

const personText = (max: number) => z.string().trim().min(1).max(max);
const optionalPersonText = (max: number) => personText(max).nullable().optional();
const PersonDateSchema = CalendarDateSchema.describe('YYYY-MM-DD');

/** Any number, foreign ones included (the shared AnyPhoneSchema: optional +, digits and hyphens, spaces dropped). */
export const PersonPhoneSchema = AnyPhoneSchema;

/** Community (12 digits) or grid (14/15 digits) of a person without a house. */
export const PersonAreaCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{12}(\d{2,3})?$/, '请选择所在社区或网格');

/** 流动人口 and 境外人员 details, kept together as one JSON document. */
export const PersonDetailsSchema = z
  .object({
    arrivalDate: PersonDateSchema.nullable().optional().describe('来本地日期'),
    origin: optionalPersonText(100).describe('流出地 / 来自国家或地区'),
    arrivalReason: optionalPersonText(50).describe('流入原因'),
    residencePermitNo: optionalPersonText(40).describe('居住证号码'),
    permitValidUntil: PersonDateSchema.nullable().optional().describe('居住证有效期至'),
    visaType: optionalPersonText(30).describe('签证种类 (境外人员)'),
    stayUntil: PersonDateSchema.nullable().optional().describe('停留期至 (境外人员)'),
  })
  .meta({ id: 'PersonDetails' });
export type PersonDetails = z.infer<typeof PersonDetailsSchema>;

const PersonAttributesSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名最多 50 个字'),
  idType: PersonIdTypeSchema,
  idNumber: z
    .string()
    .trim()
    .min(1, '请填写证件号码')
    .max(30)
    .describe('Checked by the server: GB 11643 for resident IDs (15 digits are converted)'),
  gender: PersonGenderSchema.optional().describe('Derived from a resident ID; required otherwise'),
  birthDate: PersonDateSchema.optional().describe('Derived from a resident ID'),
  ethnicity: optionalPersonText(20).describe('民族'),
  nationality: optionalPersonText(50).describe('国籍 (境外人员)'),
  phone: PersonPhoneSchema.nullable().optional(),
  registeredPlace: optionalPersonText(200).describe('户籍地'),
  populationType: PopulationTypeSchema,
  householdStatus: HouseholdStatusSchema.nullable().optional(),
  relation: HouseholderRelationSchema.nullable().optional(),
  details: PersonDetailsSchema.optional(),
});

export const CreatePersonRequestSchema = PersonAttributesSchema.extend({
  idType: PersonIdTypeSchema.default('resident_id'),
  houseId: z.string().min(1).max(64).optional().describe('实有房屋 the person lives in'),
  residenceType: ResidenceTypeSchema.optional().describe(
    'Default: rent for floating residents, own otherwise',
  ),
  movedInAt: PersonDateSchema.optional().describe('Default: today'),
  areaCode: PersonAreaCodeSchema.optional().describe('Community or grid when there is no house'),
})
  .refine((b) => Boolean(b.houseId ?? b.areaCode), {
    message: '请选择居住房屋或所在社区/网格',
    path: ['areaCode'],
  })
  .meta({ id: 'CreatePersonRequest' });
export type CreatePersonRequest = z.infer<typeof CreatePersonRequestSchema>;

export const UpdatePersonRequestSchema = PersonAttributesSchema.partial()
  .extend({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
    areaCode: PersonAreaCodeSchema.optional().describe('Only for a person without a house'),
    status: z.literal('deceased').optional().describe('死亡: closes the current residence'),
  })
  .meta({ id: 'UpdatePersonRequest' });
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequestSchema>;

export const PersonMoveInRequestSchema = z
  .object({
    houseId: z.string().min(1).max(64),
    residenceType: ResidenceTypeSchema,
    relation: HouseholderRelationSchema.nullable().optional(),
    movedInAt: PersonDateSchema,
  })
  .meta({ id: 'PersonMoveInRequest' });
export type PersonMoveInRequest = z.infer<typeof PersonMoveInRequestSchema>;

export const PersonMoveOutRequestSchema = z
  .object({
    at: PersonDateSchema,
    reason: z.string().trim().min(1, '请填写迁出原因').max(200),
    destination: optionalPersonText(200).describe('迁往何处'),
  })
  .meta({ id: 'PersonMoveOutRequest' });
export type PersonMoveOutRequest = z.infer<typeof PersonMoveOutRequestSchema>;

/** What POST …/unmask can reveal; the birth date is here because year + mask must not rebuild an ID number. */
export const PERSON_UNMASK_FIELDS = [
  'idNumber',
  'phone',
  'birthDate',
  'residencePermitNo',
] as const;
export const PersonUnmaskRequestSchema = z
  .object({
    reason: z
      .string({ error: '请说明查看原因' })
      .trim()
      .min(2, '请说明查看原因（至少 2 个字）')
      .max(200),
    fields: z.array(z.enum(PERSON_UNMASK_FIELDS)).min(1).max(PERSON_UNMASK_FIELDS.length),
  })
  .meta({ id: 'PersonUnmaskRequest' });
export type PersonUnmaskRequest = z.infer<typeof PersonUnmaskRequestSchema>;

export const PersonUnmaskResponseSchema = z.object({
  idNumber: z.string().optional(),
  phone: z.string().nullable().optional(),
  birthDate: z.string().nullable().optional().describe('YYYY-MM-DD; stored encrypted'),
  residencePermitNo: z.string().nullable().optional().describe('居住证号码; stored encrypted'),
});
export type PersonUnmaskResponse = z.infer<typeof PersonUnmaskResponseSchema>;

export const PersonFilterSchema = z.object({
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{2,20}$/, '区域编码应为数字')
    .optional()
    .describe('District, street, community or grid code'),
  populationType: PopulationTypeSchema.optional(),
  dataState: DataStateSchema.optional(),
  status: PersonStatusSchema.optional(),
  name: z.string().trim().max(50).optional().describe('Any part of the name (姓名中的任意字)'),
});
export type PersonFilter = z.infer<typeof PersonFilterSchema>;

export const PersonExportQuerySchema = PersonFilterSchema.extend({ reason: ExportReasonSchema });
export type PersonExportQuery = z.infer<typeof PersonExportQuerySchema>;

export const PersonListQuerySchema = PersonFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;

/** Lookup by a full document number, in a body (never a URL): needs personal.unmask and a reason, audited. */
export const PersonLookupRequestSchema = z
  .object({
    idNumber: z.string().trim().min(1).max(30),
    idType: PersonIdTypeSchema.default('resident_id'),
    reason: PersonalSearchReasonSchema,
  })
  .meta({ id: 'PersonLookupRequest' });
export type PersonLookupRequest = z.infer<typeof PersonLookupRequestSchema>;

/** Lookup by a full phone, in a body: the same gate as the ID number (personal.unmask, reason, audit, limit). */
export const PersonPhoneLookupRequestSchema = z
  .object({
    phone: PersonPhoneSchema,
    reason: PersonalSearchReasonSchema,
  })
  .meta({ id: 'PersonPhoneLookupRequest' });
export type PersonPhoneLookupRequest = z.infer<typeof PersonPhoneLookupRequestSchema>;

/** One row of a list: the name, ID number and phone are masked. */
export const PersonListItemSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('Masked (张*明)'),
    gender: PersonGenderSchema.nullable(),
    birthYear: z
      .number()
      .int()
      .nullable()
      .describe('出生年份; the full date only through POST /unmask'),
    idType: PersonIdTypeSchema,
    idNumber: z
      .string()
      .describe('Masked (410105************): at most the first 6 shown, at least 12 hidden'),
    phone: z.string().nullable().describe('Masked (138****5678)'),
    populationType: PopulationTypeSchema,
    householdStatus: HouseholdStatusSchema.nullable(),
    status: PersonStatusSchema,
    dataState: DataStateSchema,
    houseId: z.string().nullable(),
    communityCode: z.string(),
    communityName: z.string().nullable(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof PersonListItemSchema>;

export const PersonListSchema = z.object({
  items: z.array(PersonListItemSchema),
  total: z.number().int(),
});
export type PersonList = z.infer<typeof PersonListSchema>;

/** One record: full name (registry.read), ID number and phone still masked. */
export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: PersonGenderSchema.nullable(),
    birthYear: z
      .number()
      .int()
      .nullable()
      .describe('出生年份; the full date only through POST /unmask'),
    ethnicity: z.string().nullable(),
    idType: PersonIdTypeSchema,
    idNumber: z.string().describe('Masked; POST /unmask reveals it'),
    phone: z.string().nullable().describe('Masked; POST /unmask reveals it'),
    nationality: z.string().nullable(),
    registeredPlace: z.string().nullable(),
    populationType: PopulationTypeSchema,
    householdStatus: HouseholdStatusSchema.nullable(),
    houseId: z.string().nullable(),
    houseAddress: z.string().nullable(),
    relation: HouseholderRelationSchema.nullable(),
    status: PersonStatusSchema,
    dataState: DataStateSchema,
    claimedByName: z.string().nullable(),
    claimedAt: z.string().nullable(),
    verifiedByName: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    details: PersonDetailsSchema,
    adminCode: z.string(),
    streetCode: z.string(),
    streetName: z.string().nullable(),
    communityCode: z.string(),
    communityName: z.string().nullable(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** A residence of the history; outside the caller's scope only the dates and type are shown (辖区外). */
export const ResidenceEntrySchema = z.object({
  id: z.string(),
  inScope: z.boolean().describe('false: 辖区外, house and address withheld'),
  houseId: z.string().nullable(),
  address: z.string().nullable(),
  residenceType: ResidenceTypeSchema,
  relation: HouseholderRelationSchema.nullable(),
  movedInAt: z.string(),
  movedOutAt: z.string().nullable().describe('null: current residence'),
  reason: z.string().nullable(),
  destination: z.string().nullable(),
});
export type ResidenceEntry = z.infer<typeof ResidenceEntrySchema>;

export const PersonEventSchema = z.object({
  id: z.string(),
  action: z.enum(PERSON_EVENT_ACTIONS),
  actorName: z.string().nullable(),
  at: z.string(),
  fields: z.array(z.string()).describe('Fields an update changed'),
});
export type PersonEvent = z.infer<typeof PersonEventSchema>;

export const PersonDetailSchema = PersonSchema.extend({
  residences: z.array(ResidenceEntrySchema).describe('Newest first'),
  events: z.array(PersonEventSchema).describe('Oldest first'),
}).meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const HouseResidentSchema = z.object({
  residenceId: z.string(),
  personId: z.string(),
  name: z.string().describe('Masked'),
  gender: PersonGenderSchema.nullable(),
  residenceType: ResidenceTypeSchema,
  relation: HouseholderRelationSchema.nullable(),
  movedInAt: z.string(),
  movedOutAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type HouseResident = z.infer<typeof HouseResidentSchema>;

export const HouseResidentsSchema = z
  .object({ current: z.array(HouseResidentSchema), former: z.array(HouseResidentSchema) })
  .meta({ id: 'HouseResidents' });
export type HouseResidents = z.infer<typeof HouseResidentsSchema>;
