export interface AttachmentsTable {
  id: string;
  /** Content address of the original bytes (lower-case hex); several rows may share one blob. */
  sha256: string;
  kind: 'photo' | 'video';
  mime: string;
  size_bytes: number;
  /** Display size after EXIF orientation; null for videos. */
  width: number | null;
  height: number | null;
  /** WGS84 position from the photo's EXIF GPS. */
  exif_lng: number | null;
  exif_lat: number | null;
  captured_at: string | null;
  uploader_id: string;
  created_at: string;
}
export interface AttachmentsTables {
  attachments: AttachmentsTable;
}
