import { z } from 'zod';
import { RATINGS } from '../cases/case-actions';
import { CrsSchema } from '../areas/areas.schemas';
import { HotlineOrderSchema } from '../cases/cases-api.schemas';
import { HOTLINE_ORDER_ID_PATTERN } from '../cases/hotline-order';

/**
 * The 12345 hotline round trip (docs/12345.md): what the centre sends us (派单, 回访, 催办, 督办, 撤回) and the
 * delivery log of what we send it (接单, 退回, 办理进度, 回单).
 */

/** Kinds of message we send the centre. */
export const HOTLINE_OUTBOUND_KINDS = ['accept', 'return', 'progress', 'reply'] as const;
export type HotlineOutboundKind = (typeof HOTLINE_OUTBOUND_KINDS)[number];

export const HOTLINE_OUTBOUND_LABELS: Record<HotlineOutboundKind, { zh: string; en: string }> = {
  accept: { zh: '接单', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  progress: { zh: '办理进度', en: 'Progress' },
  reply: { zh: '回单', en: 'Reply' },
};

/** pending: waiting for its next attempt; delivering: claimed by a process; delivered; dead: attempts exhausted. */
export const HOTLINE_DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'dead'] as const;
export type HotlineDeliveryStatus = (typeof HOTLINE_DELIVERY_STATUSES)[number];

const OrderIdParam = z
  .string()
  .trim()
  .regex(HOTLINE_ORDER_ID_PATTERN, '12345 工单编号应为 4–64 位字母、数字或 . _ -');
export const HotlineOrderParamsSchema = z.object({ orderId: OrderIdParam });

const Text = (max: number) => z.string().trim().min(1).max(max);

/** 派单: the centre hands us a work order. */
export const HotlineDispatchSchema = z.object({
  orderId: HotlineOrderSchema.shape.orderId,
  deadline: z.iso.datetime({ offset: true }).describe('The centre’s own deadline for the order'),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: CrsSchema.default('wgs84'),
  address: Text(200),
  description: Text(2000),
  classCode: z
    .string()
    .regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母')
    .optional(),
  urgent: z.boolean().optional(),
});
export type HotlineDispatch = z.infer<typeof HotlineDispatchSchema>;

export const HotlineDispatchResultSchema = z.object({
  orderId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  created: z.boolean(),
});

/** 回访: the centre called the resident back; 不满意 with a reason may reopen the case. */
export const HotlineVisitSchema = z.object({
  satisfaction: z.enum(RATINGS),
  comment: Text(500).optional(),
  reopen: z.boolean().default(false).describe('不满意: ask for the case to be reopened'),
  visitedAt: z.iso.datetime({ offset: true }).optional(),
});
export type HotlineVisit = z.infer<typeof HotlineVisitSchema>;

/** 催办 / 督办 / 撤回 from the centre. */
export const HotlineUrgeSchema = z.object({ note: Text(500).optional() });
export const HotlineSuperviseSchema = z.object({ note: Text(500) });
export const HotlineWithdrawSchema = z.object({ reason: Text(500) });
export type HotlineUrge = z.infer<typeof HotlineUrgeSchema>;
export type HotlineSupervise = z.infer<typeof HotlineSuperviseSchema>;
export type HotlineWithdraw = z.infer<typeof HotlineWithdrawSchema>;

/** What an inbound call did to the case. */
export const HotlineActionResultSchema = z.object({
  orderId: z.string(),
  caseId: z.string(),
  state: z.string(),
  applied: z.array(z.string()),
});

/** One row of the delivery log (administrators). */
export const HotlineDeliverySchema = z.object({
  id: z.string(),
  orderId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  kind: z.enum(HOTLINE_OUTBOUND_KINDS),
  status: z.enum(HOTLINE_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  payload: z.unknown(),
});
export type HotlineDelivery = z.infer<typeof HotlineDeliverySchema>;

export const HotlineDeliveryListQuerySchema = z.object({
  status: z.enum(HOTLINE_DELIVERY_STATUSES).optional(),
  orderId: OrderIdParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type HotlineDeliveryListQuery = z.infer<typeof HotlineDeliveryListQuerySchema>;

export const HotlineDeliveryListSchema = z.object({
  items: z.array(HotlineDeliverySchema),
  total: z.number().int(),
  /** Whether the centre's address and secret are configured (the secret itself is never shown). */
  configured: z.object({ url: z.string().nullable(), secretSet: z.boolean() }),
});
