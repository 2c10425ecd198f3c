import type { Kysely } from 'kysely';
import type { Attachment, AttachmentVariant, Permission } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { createAttachmentsRepo } from './attachments.repo';
import type { AttachmentsTable } from './attachments.tables';
import type { BlobRead, BlobStore, ByteRange } from './blob-store';
import { isoMediaProblem } from './media-container';
import { KIND_LABEL, sniffMedia, type PhotoMime } from './media-sniff';
import { openUpload, type UploadInput } from './upload-spool';
import {
  createPhotoProcessor,
  THUMB_MIME,
  UndecodablePhotoError,
  type PhotoInfo,
} from './photo-process';

const MiB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AttachmentLimits {
  photoMaxBytes: number;
  videoMaxBytes: number;
  /** Decoded size limit for photos, against decompression bombs. */
  maxPixels: number;
  thumbLongSide: number;
  /** Bytes one user may upload in any 24 hours (a retry of the same bytes is not counted again). */
  dailyUploadBytes: number;
}

/** Phone photos are 2–8 MB; a short video clip as evidence fits in 50 MB. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  photoMaxBytes: 15 * MiB,
  videoMaxBytes: 50 * MiB,
  maxPixels: 100_000_000,
  thumbLongSide: 320,
  // Ten full-length videos and a few hundred photos a day: far above a grid worker's day, far below a disk.
  dailyUploadBytes: 1024 * MiB,
};

/**
 * Who may see every attachment regardless of uploader or case. There is no dedicated permission in
 * the catalogue yet, so this defaults to the auditors' one (administrators today); pass another, or
 * null to rely on uploader + `canView` only.
 */
export const DEFAULT_VIEW_ANY_PERMISSION: Permission = 'audit.read';

export interface AttachmentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  blobs: BlobStore;
  limits?: Partial<AttachmentLimits>;
  viewAnyPermission?: Permission | null;
  /** Late-bound: the case module answers "can read a case that links this attachment". Default: no. */
  canView?(actor: Actor, attachmentId: string): Promise<boolean>;
}

/** Uploads from outside the staff (the citizen portal): photos only, with a lower size limit. */
export interface PhotosOnly {
  maxBytes: number;
}

/** A file ready to send: open() streams it, whole or a byte range. */
export interface AttachmentFile {
  mime: string;
  /** Strong validator: the content address plus the variant never changes for a given id. */
  etag: string;
  /** Known up front for the original (from the row), so byte ranges can be resolved before opening. */
  size: number | null;
  open(range?: ByteRange): Promise<BlobRead>;
}

// Rounded up, so a file just over a 15 MB limit never reads "15.0 MB".
const fmtMiB = (n: number): string =>
  n % MiB === 0 ? `${n / MiB} MB` : `${(Math.ceil((n / MiB) * 10) / 10).toFixed(1)} MB`;

/** Photo and video attachments: sniffing, limits, EXIF, derived variants and per-record visibility. */
export function createAttachmentsService(deps: AttachmentsDeps) {
  const limits: AttachmentLimits = { ...DEFAULT_ATTACHMENT_LIMITS, ...deps.limits };
  const viewAny =
    deps.viewAnyPermission === undefined ? DEFAULT_VIEW_ANY_PERMISSION : deps.viewAnyPermission;
  const repo = createAttachmentsRepo(deps.db);
  const photos = createPhotoProcessor({
    maxPixels: limits.maxPixels,
    thumbLongSide: limits.thumbLongSide,
  });
  const { blobs } = deps;

  function present(r: AttachmentsTable): Attachment {
    const base = `/api/attachments/${r.id}/file`;
    const isPhoto = r.kind === 'photo';
    const hasExif = r.exif_lng !== null || r.exif_lat !== null || r.captured_at !== null;
    return {
      id: r.id,
      kind: r.kind,
      mime: r.mime,
      sizeBytes: r.size_bytes,
      width: r.width,
      height: r.height,
      exif: hasExif ? { lng: r.exif_lng, lat: r.exif_lat, capturedAt: r.captured_at } : null,
      sha256: r.sha256,
      uploaderId: r.uploader_id,
      createdAt: r.created_at,
      url: base,
      thumbnailUrl: isPhoto ? `${base}?variant=thumb` : null,
      publicUrl: isPhoto ? `${base}?variant=public` : null,
    };
  }

  async function canSee(actor: Actor, row: AttachmentsTable): Promise<boolean> {
    if (row.uploader_id === actor.id) return true;
    // Seeing every attachment is for callers whose scope is everything: an auditor of one street sees that street's.
    if (viewAny && actor.scope.all && actor.permissions.has(viewAny)) return true;
    return deps.canView ? deps.canView(actor, row.id) : false;
  }

  /** The row, or the same 404 whether it is missing or not visible (no existence leak). */
  async function visibleRow(actor: Actor, id: string): Promise<AttachmentsTable> {
    const row = await repo.findById(id);
    if (!row || !(await canSee(actor, row))) throw notFound('附件');
    return row;
  }

  const undecodable = () =>
    new AppError('validation_failed', '图片无法解码，文件可能已损坏', { field: 'body' });

  /** Stores the original and, for photos, any missing variant. Idempotent, so retries repair gaps. */
  async function storeBlobs(
    sha256: string,
    input: UploadInput,
    mime: string,
    isPhoto: boolean,
  ): Promise<void> {
    // Photo bytes before the original is stored: storing a spooled file moves it.
    const bytes = isPhoto ? await input.bytes() : null;
    await input.storeOriginal(blobs);
    if (!bytes) return;
    try {
      if (!(await blobs.has(sha256, 'thumb')))
        await blobs.put(sha256, await photos.thumbnail(bytes), 'thumb');
      if (!(await blobs.has(sha256, 'public')))
        await blobs.put(sha256, await photos.publicCopy(bytes, mime as PhotoMime), 'public');
    } catch (err) {
      if (err instanceof UndecodablePhotoError) throw undecodable();
      throw err;
    }
  }

  /**
   * Checks and stores one upload. The same uploader sending the same bytes again gets their existing row
   * back (created: false), which makes offline-queue retries safe; another uploader gets a row of their
   * own that shares the stored blob.
   */
  async function store(
    actor: Actor,
    input: UploadInput,
    only?: PhotosOnly,
  ): Promise<{ attachment: Attachment; created: boolean }> {
    const sniffed = sniffMedia(input.head);
    if (!sniffed.ok) throw new AppError('unsupported_media_type', sniffed.reason);
    if (only && sniffed.kind !== 'photo')
      throw new AppError('unsupported_media_type', '只能上传照片（JPEG、PNG 或 WebP）');
    const kindMax = sniffed.kind === 'photo' ? limits.photoMaxBytes : limits.videoMaxBytes;
    const max = only ? Math.min(kindMax, only.maxBytes) : kindMax;
    if (input.size > max)
      throw new AppError(
        'payload_too_large',
        `${KIND_LABEL[sniffed.kind]}不能超过 ${fmtMiB(max)}（本文件 ${fmtMiB(input.size)}）`,
      );
    if (sniffed.kind === 'video') {
      // The first bytes only say "starts like a video": check the container over the whole file.
      const problem = await isoMediaProblem(input.source, {
        requireFtyp: sniffed.mime === 'video/mp4',
      });
      if (problem)
        throw new AppError(
          'unsupported_media_type',
          `视频文件无效：${problem}。请上传手机拍摄的 MP4 或 MOV 原文件`,
        );
    }
    const { sha256 } = input;
    const isPhoto = sniffed.kind === 'photo';

    const existing = await repo.findByUploaderAndHash(actor.id, sha256);
    if (existing) {
      await storeBlobs(sha256, input, existing.mime, isPhoto);
      return { attachment: present(existing), created: false };
    }

    const since = new Date(deps.clock.now().getTime() - DAY_MS).toISOString();
    const used = await repo.bytesUploadedSince(actor.id, since);
    if (used + input.size > limits.dailyUploadBytes)
      throw new AppError(
        'upload_quota_exceeded',
        `24 小时内上传已达 ${fmtMiB(limits.dailyUploadBytes)} 的上限（已用 ${fmtMiB(used)}），请稍后再传`,
      );

    let info: PhotoInfo | null = null;
    if (isPhoto) {
      try {
        info = await photos.inspect(await input.bytes());
      } catch (err) {
        if (err instanceof UndecodablePhotoError) throw undecodable();
        throw err;
      }
    }
    // Blobs before the row: a row never points at missing bytes. A crash in between leaves an
    // unreferenced blob, which a sweep can remove; the reverse would be a broken attachment.
    await storeBlobs(sha256, input, sniffed.mime, isPhoto);
    const row: AttachmentsTable = {
      id: newId(),
      sha256,
      kind: sniffed.kind,
      mime: sniffed.mime,
      size_bytes: input.size,
      width: info?.width ?? null,
      height: info?.height ?? null,
      exif_lng: info?.exif?.lng ?? null,
      exif_lat: info?.exif?.lat ?? null,
      captured_at: info?.exif?.capturedAt ?? null,
      uploader_id: actor.id,
      created_at: deps.clock.now().toISOString(),
    };
    await repo.insertOnce(row);
    // A concurrent identical upload by the same user may have inserted first: answer with that row.
    const stored = (await repo.findByUploaderAndHash(actor.id, sha256)) ?? row;
    return { attachment: present(stored), created: stored.id === row.id };
  }

  return {
    limits,
    /** The largest upload any kind accepts: the raw-body parser's limit. */
    maxUploadBytes: Math.max(limits.photoMaxBytes, limits.videoMaxBytes),
    /** Where the upload route spools bodies: beside the blobs, so storing one is a rename. */
    incomingDir: blobs.incomingDir,

    /** Stores an upload: bytes from an in-process caller, or a file the route spooled to disk. */
    async upload(
      actor: Actor,
      body: unknown,
      only?: PhotosOnly,
    ): Promise<{ attachment: Attachment; created: boolean }> {
      const input = await openUpload(body);
      if (!input) throw new AppError('validation_failed', '上传内容为空', { field: 'body' });
      try {
        return await store(actor, input, only);
      } finally {
        await input.close();
      }
    },

    async get(actor: Actor, id: string): Promise<Attachment> {
      return present(await visibleRow(actor, id));
    },

    async file(actor: Actor, id: string, variant: AttachmentVariant): Promise<AttachmentFile> {
      const row = await visibleRow(actor, id);
      if (variant !== 'original' && row.kind !== 'photo')
        throw new AppError('not_found', '视频只有原始文件，没有缩略图或公开版本');
      return {
        mime: variant === 'thumb' ? THUMB_MIME : row.mime,
        etag: `"${row.sha256}-${variant}"`,
        size: variant === 'original' ? row.size_bytes : null,
        async open(range) {
          const read = await blobs.get(row.sha256, variant, range);
          if (!read) throw new AppError('not_found', '附件文件缺失');
          return read;
        },
      };
    },

    /** Attachments by id without a visibility check, for modules that link them (cases). */
    async describe(ids: readonly string[]): Promise<Attachment[]> {
      return (await repo.findByIds([...new Set(ids)])).map(present);
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
