import type { Attachment } from '@wangge/shared';
import { ApiError, apiErrorFrom, getCsrfToken } from '../../lib/api-client';

/** URL of an attachment's file; `thumb` is a small WebP preview. */
export function attachmentUrl(id: string, variant: 'thumb' | 'original' = 'original'): string {
  return `/api/attachments/${encodeURIComponent(id)}/file?variant=${variant}`;
}

/**
 * POST /api/attachments with the raw file bytes. XMLHttpRequest rather than fetch because
 * only it reports upload progress, which matters on a slow mobile connection.
 */
export function uploadAttachment(
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (evt) => {
      if (evt.lengthComputable) onProgress(Math.round((evt.loaded / evt.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Attachment);
      else reject(apiErrorFrom(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ status: 0, code: 'network', message: '网络连接失败，请检查服务器是否可用' }),
      );
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
