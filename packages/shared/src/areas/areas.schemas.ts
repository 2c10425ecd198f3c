import { z } from 'zod';
import { AreaLevelSchema, GridSchemeSchema, GridTypeSchema } from './area-codes';
import { GRID_ROLES } from '../permissions';

export const CrsSchema = z.enum(['wgs84', 'gcj02', 'bd09']).describe('Source coordinate system');
export type Crs = z.infer<typeof CrsSchema>;

export const AreaRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: AreaLevelSchema,
});
export type AreaRef = z.infer<typeof AreaRefSchema>;

export const AreaNodeSchema = AreaRefSchema.extend({
  parentCode: z.string().nullable(),
  gridType: GridTypeSchema.nullable(),
}).meta({ id: 'AreaNode' });
export type AreaNode = z.infer<typeof AreaNodeSchema>;

export const AreaTreeResponseSchema = z.object({ items: z.array(AreaNodeSchema) });

export const GridStaffSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(GRID_ROLES),
  phone: z
    .string()
    .nullable()
    .describe('Masked (138****5678) unless the viewer may see it in full'),
  phoneMasked: z.boolean(),
  since: z.string(),
});
export type GridStaff = z.infer<typeof GridStaffSchema>;

export const AreaDetailSchema = AreaNodeSchema.extend({
  gridScheme: GridSchemeSchema.nullable(),
  path: z.array(AreaRefSchema).describe('Ancestors from the district down, then this area'),
  areaKm2: z.number(),
  center: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  childCount: z.number().int(),
  staff: z.array(GridStaffSchema),
}).meta({ id: 'AreaDetail' });
export type AreaDetail = z.infer<typeof AreaDetailSchema>;

/** What the map's detail panel counts in an area; null where the caller may not read that register. */
export const AreaCountsSchema = z
  .object({
    persons: z.number().int().nullable().describe('实有人口 living there (registry.read)'),
    houses: z.number().int().nullable().describe('实有房屋 (registry.read)'),
    openCases: z.number().int().nullable().describe('Open cases (cases.read)'),
  })
  .meta({ id: 'AreaCounts' });
export type AreaCounts = z.infer<typeof AreaCountsSchema>;

export const AreaSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(64),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const AreaSearchResponseSchema = z.object({ items: z.array(AreaNodeSchema) });

export const AreaGeoJsonQuerySchema = z.object({
  level: AreaLevelSchema.optional(),
  parentCode: z.string().max(20).optional(),
});

export const LngSchema = z.coerce.number().min(-180).max(180);
export const LatSchema = z.coerce.number().min(-90).max(90);

export const LocateQuerySchema = z.object({
  lng: LngSchema,
  lat: LatSchema,
  crs: CrsSchema.default('wgs84'),
});

export const LocateResponseSchema = z
  .discriminatedUnion('found', [
    z.object({
      found: z.literal(true),
      grid: AreaRefSchema,
      path: z.array(AreaRefSchema).describe('district, street, community, grid'),
      otherGrids: z
        .array(AreaRefSchema)
        .describe('Micro or dedicated grids that also contain the point'),
      position: z.tuple([z.number(), z.number()]).describe('The point in WGS84'),
    }),
    z.object({
      found: z.literal(false),
      reason: z.enum(['outside_every_grid', 'outside_scope']),
      message: z.string(),
      path: z
        .array(AreaRefSchema)
        .describe('Higher-level areas (district, street…) that contain the point, if any'),
    }),
  ])
  .meta({ id: 'LocateResult' });
export type LocateResponse = z.infer<typeof LocateResponseSchema>;

export const ImportAreasRequestSchema = z.object({
  geojson: z.unknown().describe('A GeoJSON FeatureCollection'),
  crs: CrsSchema.default('wgs84'),
  level: AreaLevelSchema.optional().describe('Level for features that do not name theirs'),
  parentCode: z.string().max(20).optional().describe('Parent for features that do not name theirs'),
  gridScheme: GridSchemeSchema.optional().describe(
    'Grid code scheme of this file; default: the deployment setting, per-feature gridScheme wins',
  ),
  codeField: z.string().max(64).optional(),
  nameField: z.string().max(64).optional(),
  dryRun: z.boolean().default(false).describe('Validate and report without writing'),
});
export type ImportAreasRequest = z.infer<typeof ImportAreasRequestSchema>;

export const ImportProblemSchema = z.object({
  index: z.number().int().nullable().describe('Feature index in the file'),
  code: z.string().nullable(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportReportSchema = z
  .object({
    ok: z.boolean(),
    committed: z.boolean(),
    counts: z.object({
      features: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
    errors: z.array(ImportProblemSchema),
    warnings: z.array(ImportProblemSchema),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const AssignStaffRequestSchema = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(GRID_ROLES),
});
export const StaffAssignmentParamsSchema = z.object({
  id: z.string().min(1).max(64),
  assignmentId: z.string().min(1).max(64),
});

export const UnmaskRequestSchema = z.object({
  reason: z.string().trim().min(4, '请说明查看原因').max(200),
});
