/** Paths of the citizen portal; they render outside the login guard. */
export const PUBLIC_PATHS = {
  report: '/public/report',
  track: '/public/track',
  board: '/public/board',
  figures: '/public/figures',
  /** Staff: 公开内容审核 (inside the login guard). */
  moderation: '/public-moderation',
} as const;

/** What the report page hands to the tracking page right after submission (never put in the URL). */
export interface ReceiptState {
  caseNo: string;
  secret: string;
}
