import { useMutation } from '@tanstack/react-query';
import type { ImportKind, ImportMode, SheetImportReport } from '@wangge/shared';
import { ApiError, apiErrorFrom, getCsrfToken } from '../../lib/api-client';

export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}`;
export const reportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report.xlsx`;

/**
 * Sends the raw file (xlsx or CSV) as the body; the server reads the bytes, not the name. `path` is the upload
 * route: a registry's by default, or a configuration table's own (/api/categories/sheet …).
 */
export async function uploadSheet(
  kind: ImportKind | null,
  file: File,
  mode: ImportMode,
  path = `/api/imports/${kind ?? ''}`,
): Promise<SheetImportReport> {
  const isCsv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': isCsv
      ? 'text/csv'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  const token = getCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    const qs = new URLSearchParams({ mode, fileName: file.name.slice(0, 200) });
    res = await fetch(`${path}?${qs.toString()}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      message: '网络连接失败，请检查服务器是否可用',
    });
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) throw apiErrorFrom(res.status, body);
  return body as SheetImportReport;
}

export function useSheetImport() {
  return useMutation({
    mutationFn: (v: { kind: ImportKind; file: File; mode: ImportMode }) =>
      uploadSheet(v.kind, v.file, v.mode),
  });
}
