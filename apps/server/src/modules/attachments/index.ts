/**
 * Photo and video attachments (照片/视频附件): content-addressed blobs, type sniffing, EXIF GPS and
 * capture time, thumbnails and metadata-stripped public copies. Cases link attachments by id and
 * plug their read rule in through the service's `canView` hook.
 */
export {
  createAttachmentsService,
  DEFAULT_ATTACHMENT_LIMITS,
  DEFAULT_VIEW_ANY_PERMISSION,
  type AttachmentLimits,
  type AttachmentsDeps,
  type AttachmentsService,
} from './attachments.service';
export { registerAttachmentsRoutes } from './attachments.routes';
export type { BlobRead, BlobStore, ByteRange } from './blob-store';
export { createLocalBlobStore } from './local-blob-store';
export { attachmentsModule } from './attachments.module';
