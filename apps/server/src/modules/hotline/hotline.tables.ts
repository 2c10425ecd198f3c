/** A 12345 work order we hold: the centre's id and our case (migration 2026-12-10T1100_hotline-webhooks). */
export interface HotlineOrdersTable {
  order_id: string;
  case_id: string;
  case_no: string;
  /** The centre's deadline, ISO UTC; null when the 派单 named none */
  deadline: string | null;
  created_at: string;
}

/** One outbound webhook and its delivery record. */
export interface HotlineDeliveriesTable {
  id: string;
  /** One message per case event: `<caseId>:<seq>` (接单/退回: `<caseId>:accept`, `<caseId>:return`) */
  dedupe_key: string;
  order_id: string;
  case_id: string;
  case_no: string;
  /** HotlineOutboundKind */
  kind: string;
  /** The case event's seq: an order's messages are delivered in this order */
  seq: number;
  /** The JSON body sent, byte for byte on every attempt */
  payload: string;
  /** HotlineDeliveryStatus */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** The process attempt that owns the row until `lease_until` */
  lease_token: string | null;
  lease_until: string | null;
  last_error: string | null;
  last_status_code: number | null;
  delivered_at: string | null;
  created_at: string;
}

export interface HotlineTables {
  hotline_orders: HotlineOrdersTable;
  hotline_deliveries: HotlineDeliveriesTable;
}
