import { z } from 'zod';
import { PLACE_TYPES, PLACE_UNMASK_FIELDS } from './unit-fields';
import {
  UnitLocationFieldsSchema,
  UnitPageQuerySchema,
  UnitAreaFieldsSchema,
  UnitPhoneSchema,
  unitText,
} from './units.schemas';

const PlaceAttributesSchema = z.object({
  name: z.string().trim().min(2, '请填写场所名称（至少 2 个字）').max(100),
  placeType: z.enum(PLACE_TYPES),
  unitId: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe('The unit whose premises this is'),
  responsibleName: unitText(50).describe('负责人'),
  responsiblePhone: UnitPhoneSchema.nullable().optional(),
  inspectionIntervalDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .optional()
    .describe('null = the default of the place type'),
  remarks: unitText(500),
});

const bothOrNeither = (b: { lng?: number | undefined; lat?: number | undefined }) =>
  (b.lng === undefined) === (b.lat === undefined);

export const CreatePlaceRequestSchema = PlaceAttributesSchema.extend(UnitLocationFieldsSchema.shape)
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'CreateKeyPlaceRequest' });
export type CreatePlaceRequest = z.infer<typeof CreatePlaceRequestSchema>;

export const UpdatePlaceRequestSchema = PlaceAttributesSchema.partial()
  .extend(UnitLocationFieldsSchema.shape)
  .extend({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
  })
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'UpdateKeyPlaceRequest' });
export type UpdatePlaceRequest = z.infer<typeof UpdatePlaceRequestSchema>;

export const PlaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    placeType: z.enum(PLACE_TYPES),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    responsibleName: z.string().nullable().describe('Masked in lists, full in the detail'),
    responsiblePhone: z.string().nullable().describe('Always masked; POST …/unmask reveals it'),
    address: z.string(),
    addressId: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]).nullable().describe('WGS84 [lng, lat]'),
    ...UnitAreaFieldsSchema.shape,
    inspectionIntervalDays: z.number().int(),
    nextInspectionDue: z.string().describe('YYYY-MM-DD (Shanghai)'),
    lastInspectedAt: z.string().nullable(),
    remarks: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KeyPlace' });
export type Place = z.infer<typeof PlaceSchema>;

export const PlaceListSchema = z
  .object({ items: z.array(PlaceSchema), total: z.number().int() })
  .meta({ id: 'KeyPlaceList' });
export type PlaceList = z.infer<typeof PlaceListSchema>;

export const PlaceListQuerySchema = UnitPageQuerySchema.extend({
  areaCode: z.string().max(20).optional(),
  placeType: z.enum(PLACE_TYPES).optional(),
  unitId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional().describe('Part of the name or address'),
});
export type PlaceListQuery = z.infer<typeof PlaceListQuerySchema>;

export const UnmaskPlaceRequestSchema = z
  .object({
    reason: z.string().trim().min(4, '请说明查看原因（至少 4 个字）').max(200),
    fields: z
      .array(z.enum(PLACE_UNMASK_FIELDS))
      .min(1, '请选择要查看的字段')
      .max(PLACE_UNMASK_FIELDS.length),
  })
  .meta({ id: 'UnmaskKeyPlaceRequest' });
export type UnmaskPlaceRequest = z.infer<typeof UnmaskPlaceRequestSchema>;

export const UnmaskedPlaceSchema = z.object({ responsiblePhone: z.string().nullable().optional() });
export type UnmaskedPlace = z.infer<typeof UnmaskedPlaceSchema>;
