/** Longest side of a stored photo: enough to see a broken manhole cover, small enough for a weak signal. */
const MAX_SIDE = 1600;
const QUALITY = 0.8;

/**
 * Shrinks a camera photo on the phone before it is queued: a 12-megapixel JPEG of 4–6 MB becomes ~300 KB.
 * Drawing to a canvas also drops the EXIF block (and with it the phone's own GPS tag and model).
 */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return file;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const out = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', QUALITY),
  );
  return out && out.size < file.size ? out : file;
}
