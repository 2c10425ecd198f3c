/** A generated monthly report: its area, period and files (the bytes are under <dataDir>/reports). */
export interface ReportsTable {
  id: string;
  /** 'monthly' for now; the column leaves room for others. */
  kind: string;
  area_code: string;
  area_level: string;
  area_name: string;
  /** 'YYYY-MM' */
  period: string;
  /** 'manual' (POST /api/reports/monthly) or 'schedule' (the 1st-of-month job). */
  trigger: string;
  created_by: string | null;
  created_at: string;
  html_bytes: number;
  pdf_bytes: number | null;
  pdf_pages: number | null;
  /** The headline figures as JSON, so a list shows them without opening files. */
  headline: string;
}
export interface ReportsTables {
  reports: ReportsTable;
}
