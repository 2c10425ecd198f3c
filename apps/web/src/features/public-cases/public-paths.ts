/** Paths of the citizen portal; they render outside the login guard. */
export const PUBLIC_PATHS = {
  report: '/public/report',
  track: '/public/track',
} as const;

/** What the report page hands to the tracking page right after submission (never put in the URL). */
export interface ReceiptState {
  caseNo: string;
  secret: string;
}
