import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { OpKeySchema } from './field.schemas';

/** Most track points one upload may carry (a phone offline for hours sends several batches). */
export const PATROL_POINTS_MAX = 500;

const At = z.iso.datetime({ offset: true }).describe('When the phone took the position');
const Lng = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);

/** Body of POST /api/patrols (巡查开始). The id is the phone's: points recorded offline already name it. */
export const StartPatrolRequestSchema = z
  .object({
    id: OpKeySchema.describe(
      'Client-generated patrol id; starting the same id again answers the same patrol',
    ),
    startedAt: At,
    areaCode: z
      .string()
      .regex(/^\d{6,15}$/)
      .optional()
      .describe(
        'The area patrolled (within the caller’s scope); by default the grid at the start point',
      ),
    lng: Lng.optional(),
    lat: Lat.optional(),
    crs: CrsSchema.default('wgs84'),
  })
  .meta({ id: 'StartPatrolRequest' });
export type StartPatrolRequest = z.infer<typeof StartPatrolRequestSchema>;

export const StopPatrolRequestSchema = z.object({ endedAt: At }).meta({ id: 'StopPatrolRequest' });
export type StopPatrolRequest = z.infer<typeof StopPatrolRequestSchema>;

export const TrackPointSchema = z.object({
  at: At,
  lng: Lng,
  lat: Lat,
  accuracy: z.number().min(0).max(100000).optional().describe('Metres, as the phone reports it'),
});

/** Body of POST /api/patrols/:id/points: a batch; a point already stored (same time) is skipped, so resending is safe. */
export const TrackPointsRequestSchema = z
  .object({
    crs: CrsSchema.default('wgs84').describe(
      'gcj02 from phone map SDKs in China; stored as WGS-84',
    ),
    points: z.array(TrackPointSchema).min(1).max(PATROL_POINTS_MAX),
  })
  .meta({ id: 'TrackPointsRequest' });
export type TrackPointsRequest = z.infer<typeof TrackPointsRequestSchema>;

export const TrackPointsResponseSchema = z.object({
  stored: z.number().int().describe('New points of this batch'),
  total: z.number().int().describe('Points of the patrol now'),
});

/** Body of POST /api/patrols/:id/checkins (打卡 at a point). */
export const CheckInRequestSchema = z
  .object({
    key: OpKeySchema,
    at: At,
    lng: Lng,
    lat: Lat,
    crs: CrsSchema.default('wgs84'),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'CheckInRequest' });
export type CheckInRequest = z.infer<typeof CheckInRequestSchema>;

export const CheckInSchema = z.object({
  id: z.string(),
  at: z.string(),
  position: z.tuple([z.number(), z.number()]),
  gridCode: z.string().nullable(),
  note: z.string().nullable(),
});

export const PatrolSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    userName: z.string(),
    areaCode: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    pointCount: z.number().int(),
    distanceM: z.number().describe('Length of the track in metres'),
  })
  .meta({ id: 'Patrol' });
export type Patrol = z.infer<typeof PatrolSchema>;

export const PatrolDetailSchema = PatrolSchema.extend({
  track: z.array(z.tuple([z.number(), z.number()])).describe('WGS-84 [lng, lat], in time order'),
  checkins: z.array(CheckInSchema),
}).meta({ id: 'PatrolDetail' });
export type PatrolDetail = z.infer<typeof PatrolDetailSchema>;

export const PatrolListQuerySchema = z.object({
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  areaCode: z.string().max(20).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Patrols started that day (Asia/Shanghai)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PatrolListQuery = z.infer<typeof PatrolListQuerySchema>;
export const PatrolListSchema = z.object({ items: z.array(PatrolSchema) });
