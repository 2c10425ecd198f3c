import { z } from 'zod';

/** What an attachment holds; decided from the uploaded bytes, never from a file name or content type. */
export const AttachmentKindSchema = z.enum(['photo', 'video']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/**
 * Stored forms of one attachment:
 * `original` — the bytes as uploaded (with EXIF, for authorised staff);
 * `thumb` — a small auto-rotated WebP (photos only);
 * `public` — the photo re-encoded with every metadata block stripped (photos only), safe to publish.
 */
export const AttachmentVariantSchema = z.enum(['original', 'thumb', 'public']);
export type AttachmentVariant = z.infer<typeof AttachmentVariantSchema>;

/** Content types accepted on upload. They only select the raw-body parser; the bytes decide the type. */
export const ATTACHMENT_UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'image/*',
  'video/*',
] as const;

/**
 * The upload body: raw file bytes, not JSON. Validation accepts anything here because the server reads
 * the type from the bytes; the schema exists so the OpenAPI document describes a binary body.
 */
export const AttachmentUploadBodySchema = z
  .unknown()
  .meta({ type: 'string', format: 'binary', description: 'Raw photo or video bytes' });

export const AttachmentExifSchema = z
  .object({
    lng: z.number().nullable().describe('WGS84 longitude from the photo’s EXIF GPS, if any'),
    lat: z.number().nullable().describe('WGS84 latitude from the photo’s EXIF GPS, if any'),
    capturedAt: z
      .string()
      .nullable()
      .describe(
        'Capture time (ISO-8601 UTC); EXIF times without an offset are read as China time (+08:00)',
      ),
  })
  .meta({ id: 'AttachmentExif' });
export type AttachmentExif = z.infer<typeof AttachmentExifSchema>;

export const AttachmentSchema = z
  .object({
    id: z.string(),
    kind: AttachmentKindSchema,
    mime: z.string().describe('Type sniffed from the bytes, e.g. image/jpeg, video/mp4'),
    sizeBytes: z.number().int(),
    width: z
      .number()
      .int()
      .nullable()
      .describe('Display width after EXIF orientation; null for videos'),
    height: z.number().int().nullable(),
    exif: AttachmentExifSchema.nullable().describe(
      'null when the file carries no usable GPS or capture time',
    ),
    sha256: z.string().describe('Content address of the original bytes'),
    uploaderId: z.string(),
    createdAt: z.string(),
    url: z.string().describe('The original file'),
    thumbnailUrl: z.string().nullable().describe('Small preview; null for videos'),
    publicUrl: z.string().nullable().describe('Metadata-stripped copy; null for videos'),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentFileQuerySchema = z.object({
  variant: AttachmentVariantSchema.default('original'),
});
export type AttachmentFileQuery = z.infer<typeof AttachmentFileQuerySchema>;
