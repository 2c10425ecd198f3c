import { z } from 'zod';
import { CrsSchema, ImportProblemSchema, LatSchema, LngSchema } from '../areas/areas.schemas';
import { CreditCodeSchema } from '../departments/departments.schemas';
import { COMPONENT_STATUSES } from './component-fields';

export const ComponentStatusSchema = z
  .enum(COMPONENT_STATUSES)
  .describe('管理部件状态: 完好/破损/丢失/废弃/移除');

/** 日期型 of the standard: YYYYMMDD, and a real calendar day. */
export const YmdDateSchema = z
  .string()
  .trim()
  .regex(/^\d{8}$/, '日期应为 8 位数字 YYYYMMDD')
  .refine((s) => {
    const d = new Date(
      Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8))),
    );
    return d.toISOString().slice(0, 10).replaceAll('-', '') === s;
  }, '不是有效的日期');

export const ComponentCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{17}$/, '管理部件标识码应为 17 位数字 (16 位旧码请填在 legacyCode)');
export const LegacyComponentCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{16}$/, '旧部件标识码 (CJ/T 214) 应为 16 位数字');

/** Local extension attributes (地方扩展属性): flat scalar values, bounded so a row stays small. */
export const ComponentExtraSchema = z
  .record(
    z.string().trim().min(1).max(64),
    z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
  )
  .refine((o) => Object.keys(o).length <= 50, '扩展属性最多 50 项')
  .describe('Local extension attributes (地方扩展属性)');

const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** The editable 表2 attributes (the code, class, place and status have their own rules). */
const ComponentAttributesSchema = z.object({
  name: z.string().trim().min(1).max(30).describe('管理部件名称 GLBJMC'),
  deptCode: CreditCodeSchema.describe('主管部门代码 ZGBMDM (统一社会信用代码)'),
  deptName: z.string().trim().min(1).max(100).describe('主管部门名称 ZGBMMC'),
  ownerCode: CreditCodeSchema.nullable().optional().describe('权属单位代码 QSDWDM'),
  ownerName: nullableText(100).describe('权属单位名称 QSDWMC'),
  maintainerCode: CreditCodeSchema.nullable().optional().describe('养护单位代码 YHDWDM'),
  maintainerName: nullableText(100).describe('养护单位名称 YHDWMC'),
  initialDate: YmdDateSchema.describe('初始日期 CSRQ'),
  changeDate: YmdDateSchema.nullable().optional().describe('变更日期 BGRQ'),
  dataSource: nullableText(30).describe('数据来源 SJLY: 实测/地形图/基础地理数据/其他'),
  remarks: nullableText(1000).describe('备注 BZ'),
  legacyCode: LegacyComponentCodeSchema.nullable()
    .optional()
    .describe('16-digit CJ/T 214 code of the same component, if it had one'),
  extra: ComponentExtraSchema.optional(),
});

export const CreateComponentRequestSchema = ComponentAttributesSchema.extend({
  code: ComponentCodeSchema.describe('管理部件标识码 GLBJBSM: 6 admin + 5 class + 6 serial'),
  classCode: z
    .string()
    .regex(/^\d{5}$/, '部件小类代码应为 5 位数字')
    .optional()
    .describe('Digits 7–11 of the code; when given it must equal them'),
  status: ComponentStatusSchema.default('intact'),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: CrsSchema.default('wgs84'),
}).meta({ id: 'CreateComponentRequest' });
export type CreateComponentRequest = z.infer<typeof CreateComponentRequestSchema>;

export const UpdateComponentRequestSchema = ComponentAttributesSchema.partial()
  .extend({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    crs: CrsSchema.default('wgs84'),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), {
    message: '经纬度须同时提供',
    path: ['lng'],
  })
  .meta({ id: 'UpdateComponentRequest' });
export type UpdateComponentRequest = z.infer<typeof UpdateComponentRequestSchema>;

export const ChangeComponentStatusRequestSchema = z
  .object({
    status: ComponentStatusSchema,
    reason: z.string().trim().min(2, '请说明原因').max(200),
    caseId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The case that found or fixed the condition'),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('When given, another change since then answers 409'),
  })
  .meta({ id: 'ChangeComponentStatusRequest' });
export type ChangeComponentStatusRequest = z.infer<typeof ChangeComponentStatusRequestSchema>;

export const ComponentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    legacyCode: z.string().nullable(),
    classCode: z.string(),
    className: z.string().nullable(),
    name: z.string(),
    deptCode: z.string(),
    deptName: z.string(),
    ownerCode: z.string().nullable(),
    ownerName: z.string().nullable(),
    maintainerCode: z.string().nullable(),
    maintainerName: z.string().nullable(),
    status: ComponentStatusSchema,
    initialDate: z.string(),
    changeDate: z.string().nullable(),
    dataSource: z.string().nullable(),
    remarks: z.string().nullable(),
    adminCode: z.string(),
    streetCode: z.string(),
    streetName: z.string().nullable(),
    communityCode: z.string(),
    communityName: z.string().nullable(),
    gridCode: z.string(),
    gridName: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]).describe('WGS84 [lng, lat]'),
    extra: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Component' });
export type Component = z.infer<typeof ComponentSchema>;

export const ComponentStatusChangeSchema = z.object({
  id: z.string(),
  fromStatus: ComponentStatusSchema.nullable().describe(
    'null for the entry that registered the component',
  ),
  toStatus: ComponentStatusSchema,
  reason: z.string(),
  caseId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ComponentStatusChange = z.infer<typeof ComponentStatusChangeSchema>;

export const ComponentDetailSchema = ComponentSchema.extend({
  history: z.array(ComponentStatusChangeSchema).describe('Oldest first'),
}).meta({ id: 'ComponentDetail' });
export type ComponentDetail = z.infer<typeof ComponentDetailSchema>;

/** "minLng,minLat,maxLng,maxLat" in WGS84. */
export const BboxQuerySchema = z
  .string()
  .max(100)
  .transform((s, ctx) => {
    const n = s.split(',').map((x) => Number(x.trim()));
    const [a, b, c, d] = n;
    if (
      n.length !== 4 ||
      a === undefined ||
      b === undefined ||
      c === undefined ||
      d === undefined ||
      n.some((x) => !Number.isFinite(x))
    ) {
      ctx.addIssue({ code: 'custom', message: 'bbox 应为 minLng,minLat,maxLng,maxLat' });
      return z.NEVER;
    }
    if (
      a > c ||
      b > d ||
      LngSchema.safeParse(a).error ||
      LngSchema.safeParse(c).error ||
      LatSchema.safeParse(b).error ||
      LatSchema.safeParse(d).error
    ) {
      ctx.addIssue({ code: 'custom', message: 'bbox 范围无效' });
      return z.NEVER;
    }
    return [a, b, c, d] as [number, number, number, number];
  })
  .describe('minLng,minLat,maxLng,maxLat (WGS84)');

const ClassFilterSchema = z
  .string()
  .regex(/^\d{2}(\d{3})?$/, '部件分类应为 2 位大类或 5 位小类代码')
  .optional()
  .describe('A 5-digit 小类, or a 2-digit 大类 for all its classes');

export const ComponentListQuerySchema = z.object({
  classCode: ClassFilterSchema,
  status: ComponentStatusSchema.optional(),
  areaCode: z
    .string()
    .max(20)
    .optional()
    .describe('District, street, community or grid code within the caller’s scope'),
  bbox: BboxQuerySchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ComponentListQuery = z.infer<typeof ComponentListQuerySchema>;

export const ComponentListSchema = z.object({
  items: z.array(ComponentSchema),
  total: z.number().int().describe('Matches of the filter, all pages'),
});

export const ComponentGeoJsonQuerySchema = z.object({
  bbox: BboxQuerySchema.optional(),
  classCode: ClassFilterSchema,
  status: ComponentStatusSchema.optional(),
});
export type ComponentGeoJsonQuery = z.infer<typeof ComponentGeoJsonQuerySchema>;

/** Most features one map-layer answer carries; beyond it the client should zoom in. */
export const COMPONENT_GEOJSON_LIMIT = 5000;

export const ComponentFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({
          type: z.literal('Point'),
          coordinates: z.tuple([z.number(), z.number()]),
        }),
        properties: z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          classCode: z.string(),
          status: ComponentStatusSchema,
        }),
      }),
    ),
    limit: z.number().int().describe(`At most this many features (${COMPONENT_GEOJSON_LIMIT})`),
    truncated: z.boolean().describe('More components match than were sent: zoom in or filter'),
  })
  .meta({ id: 'ComponentFeatureCollection' });
export type ComponentFeatureCollection = z.infer<typeof ComponentFeatureCollectionSchema>;

export const ImportComponentsRequestSchema = z
  .object({
    format: z.enum(['csv', 'geojson']),
    content: z
      .string()
      .min(1)
      .describe(
        'The file text: CSV with a header row (表2 names or abbreviations, 经度/纬度), or a GeoJSON FeatureCollection of Points',
      ),
    crs: CrsSchema.default('wgs84'),
    dryRun: z.boolean().default(false).describe('Validate and report without writing'),
  })
  .meta({ id: 'ImportComponentsRequest' });
export type ImportComponentsRequest = z.infer<typeof ImportComponentsRequestSchema>;

export const ComponentImportProblemSchema = ImportProblemSchema.extend({
  index: z
    .number()
    .int()
    .nullable()
    .describe(
      'Data row (CSV, 0 = first row after the header) or feature index (GeoJSON); null for the whole file',
    ),
  line: z.number().int().nullable().describe('CSV line number (the header is line 1)'),
});
export type ComponentImportProblem = z.infer<typeof ComponentImportProblemSchema>;

export const ComponentImportReportSchema = z
  .object({
    ok: z.boolean(),
    committed: z.boolean(),
    counts: z.object({ rows: z.number().int(), created: z.number().int() }),
    extensionFields: z
      .array(z.string())
      .describe('Columns not in 表2, stored as local extension attributes'),
    errors: z.array(ComponentImportProblemSchema),
    warnings: z.array(ComponentImportProblemSchema),
  })
  .meta({ id: 'ComponentImportReport' });
export type ComponentImportReport = z.infer<typeof ComponentImportReportSchema>;
