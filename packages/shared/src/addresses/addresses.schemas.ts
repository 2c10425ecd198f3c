import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { ADDRESS_LEVELS, cleanAddressName } from './address-levels';
import { BUILDING_STRUCTURES, BUILDING_USES } from './house-fields';

export const AddressLevelSchema = z
  .enum(ADDRESS_LEVELS)
  .describe('街巷 → 门牌 → 小区/院落 → 楼栋 → 单元 → 楼层 → 户室');

/** A name of one level: "金水路", "12号", "3号楼", "502室". "|" separates levels in import files, so it is refused. */
export const AddressNameSchema = z
  .string()
  .transform(cleanAddressName)
  .pipe(
    z
      .string()
      .min(1, '请填写名称')
      .max(50, '名称最多 50 个字')
      .regex(/^[^|]*$/, '名称不能包含 |'),
  );

/** Any current area code (district, street, community or grid). */
export const AddressAreaCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{6,20}$/, '区域代码应为 6–20 位数字或大写字母');

/** 楼栋 attributes, kept on the building node. */
export const BuildingInfoSchema = z
  .object({
    floorsAbove: z.number().int().min(1).max(200).nullable().optional().describe('地上层数'),
    floorsBelow: z.number().int().min(0).max(20).nullable().optional().describe('地下层数'),
    structure: z.enum(BUILDING_STRUCTURES).nullable().optional().describe('建筑结构'),
    use: z.enum(BUILDING_USES).nullable().optional().describe('房屋用途'),
    builtYear: z.number().int().min(1800).max(2100).nullable().optional().describe('建成年份'),
  })
  .meta({ id: 'BuildingInfo' });
export type BuildingInfo = z.infer<typeof BuildingInfoSchema>;

/** One step of a path: enough to show a breadcrumb. */
export const AddressPathItemSchema = z.object({
  id: z.string(),
  level: AddressLevelSchema,
  name: z.string(),
});
export type AddressPathItem = z.infer<typeof AddressPathItemSchema>;

export const AddressNodeSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    level: AddressLevelSchema,
    name: z.string(),
    fullName: z
      .string()
      .describe('The names of the path joined: 金水路12号阳光小区3号楼3单元5层502室'),
    formerNames: z
      .array(z.object({ name: z.string(), until: z.string() }))
      .describe('Names before each rename, oldest first'),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    adminCode: z.string(),
    streetCode: z.string().nullable(),
    communityCode: z.string().nullable(),
    gridCode: z
      .string()
      .nullable()
      .describe('Null for nodes filed at a coarser area (a 街巷 crossing several grids)'),
    areaName: z
      .string()
      .nullable()
      .describe('Name of the most specific area the node is filed under'),
    childCount: z.number().int(),
    building: BuildingInfoSchema.nullable().describe('楼栋 attributes (level building only)'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AddressNode' });
export type AddressNode = z.infer<typeof AddressNodeSchema>;

export const AddressDetailSchema = AddressNodeSchema.extend({
  path: z
    .array(AddressPathItemSchema)
    .describe('Ancestors, root first (the node itself not included)'),
  children: z
    .array(AddressNodeSchema)
    .describe(
      'First 200 children in natural order; page further with GET /api/addresses?parentId=',
    ),
}).meta({ id: 'AddressDetail' });
export type AddressDetail = z.infer<typeof AddressDetailSchema>;

export const AddressListQuerySchema = z.object({
  parentId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Children of this node; without it and any filter: the roots in scope'),
  level: AddressLevelSchema.optional(),
  areaCode: AddressAreaCodeSchema.optional().describe('District, street, community or grid code'),
  q: z.string().max(100).optional().describe('Words that must all appear in the full address'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AddressListQuery = z.infer<typeof AddressListQuerySchema>;

export const AddressListSchema = z.object({
  items: z.array(AddressNodeSchema),
  total: z.number().int(),
});
export type AddressList = z.infer<typeof AddressListSchema>;

export const AddressSearchQuerySchema = z.object({
  q: z.string().trim().min(1, '请输入地址关键词').max(100),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type AddressSearchQuery = z.infer<typeof AddressSearchQuerySchema>;

const PlaceFields = {
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  crs: CrsSchema.default('wgs84'),
  areaCode: AddressAreaCodeSchema.optional().describe(
    'Area to file the node under when it has no coordinates: a grid, or for a 街巷 its community, street or district',
  ),
};
const bothOrNeither = (b: { lng?: number | undefined; lat?: number | undefined }) =>
  (b.lng === undefined) === (b.lat === undefined);

export const CreateAddressRequestSchema = z
  .object({
    parentId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('Absent or null for a 街巷 (root)'),
    level: AddressLevelSchema,
    name: AddressNameSchema,
    ...PlaceFields,
    building: BuildingInfoSchema.nullable().optional(),
  })
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'CreateAddressRequest' });
export type CreateAddressRequest = z.infer<typeof CreateAddressRequestSchema>;

export const UpdateAddressRequestSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
    name: AddressNameSchema.optional().describe('A rename keeps the old name in formerNames'),
    ...PlaceFields,
    building: BuildingInfoSchema.nullable().optional(),
  })
  .refine(bothOrNeither, { message: '经纬度须同时提供', path: ['lng'] })
  .meta({ id: 'UpdateAddressRequest' });
export type UpdateAddressRequest = z.infer<typeof UpdateAddressRequestSchema>;
