/**
 * A 12345 work-order id: 4–64 letters, digits or . _ -, starting with a letter or digit. A plain pattern rather than
 * only a zod schema, so the phone report form checks it without loading zod (cases-api.schemas.ts builds the schema
 * from it).
 */
export const HOTLINE_ORDER_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{3,63}$/;

/** Whether a typed work-order id is valid (surrounding spaces ignored, as the schema trims them). */
export const isHotlineOrderId = (value: string): boolean =>
  HOTLINE_ORDER_ID_PATTERN.test(value.trim());
