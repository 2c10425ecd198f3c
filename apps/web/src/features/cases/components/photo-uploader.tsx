import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button, Image, Progress, Tooltip, Typography } from 'antd';
import { CameraOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Attachment } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { attachmentUrl, uploadAttachment } from '../upload';

interface Item {
  uid: string;
  file: File;
  preview: string;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  attachment?: Attachment;
  error?: string;
}

interface PhotoUploaderProps {
  /** Ids of the uploaded photos, in order; set by antd Form.Item or by the page. */
  onChange?: (ids: string[]) => void;
  /** True while any photo is still uploading (the form should wait). */
  onBusyChange?: (busy: boolean) => void;
  /** A finished upload whose EXIF carries a GPS position. */
  onExifPosition?: (lngLat: [number, number]) => void;
  max?: number;
  testId?: string;
}

let uidSeq = 0;

/**
 * Photos taken or picked on the device are uploaded one by one as soon as they are chosen,
 * with a progress ring, an error with retry, and a thumbnail that opens the full photo.
 */
export function PhotoUploader({
  onChange,
  onBusyChange,
  onExifPosition,
  max = 9,
  testId = 'photo-uploader',
}: PhotoUploaderProps) {
  const { t } = useI18n();
  const [items, setItems] = useState<Item[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const callbacks = useRef({ onChange, onBusyChange, onExifPosition });
  const lastIds = useRef('');
  const lastBusy = useRef(false);

  useEffect(() => {
    callbacks.current = { onChange, onBusyChange, onExifPosition };
  });

  useEffect(() => {
    const ids = items.flatMap((i) => (i.attachment ? [i.attachment.id] : []));
    const key = ids.join(',');
    if (key !== lastIds.current) {
      lastIds.current = key;
      callbacks.current.onChange?.(ids);
    }
    const busy = items.some((i) => i.status === 'uploading');
    if (busy !== lastBusy.current) {
      lastBusy.current = busy;
      callbacks.current.onBusyChange?.(busy);
    }
  }, [items]);

  // Object URLs of the local previews are freed when the component goes away.
  const previews = useRef<string[]>([]);
  useEffect(() => () => previews.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const patch = (uid: string, change: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.uid === uid ? { ...i, ...change } : i)));

  const start = (uid: string, file: File) => {
    patch(uid, { status: 'uploading', percent: 0, error: undefined });
    uploadAttachment(file, (percent) => patch(uid, { percent }))
      .then((attachment) => {
        patch(uid, { status: 'done', percent: 100, attachment });
        const exif = attachment.exif;
        if (exif?.lng != null && exif.lat != null)
          callbacks.current.onExifPosition?.([exif.lng, exif.lat]);
      })
      .catch((err: unknown) =>
        patch(uid, { status: 'error', error: err instanceof Error ? err.message : String(err) }),
      );
  };

  const onFiles = (evt: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(evt.target.files ?? []).slice(0, Math.max(0, max - items.length));
    evt.target.value = '';
    const added = files.map((file): Item => {
      const preview = URL.createObjectURL(file);
      previews.current.push(preview);
      uidSeq += 1;
      return { uid: `p${uidSeq}`, file, preview, status: 'uploading', percent: 0 };
    });
    setItems((list) => [...list, ...added]);
    added.forEach((item) => start(item.uid, item.file));
  };

  return (
    <div className="photo-grid" data-testid={testId}>
      <Image.PreviewGroup>
        {items.map((item) => (
          <div key={item.uid} className="photo-tile" data-status={item.status}>
            <Image
              src={item.attachment?.thumbnailUrl ?? item.preview}
              preview={{ src: item.attachment ? attachmentUrl(item.attachment.id) : item.preview }}
              alt={item.status === 'error' ? '' : item.file.name}
              width={88}
              height={88}
              style={{ objectFit: 'cover' }}
            />
            {item.status === 'uploading' ? (
              <div className="photo-tile__overlay">
                <Progress type="circle" percent={item.percent} size={44} />
              </div>
            ) : null}
            {item.status === 'error' ? (
              <Tooltip title={item.error}>
                <div className="photo-tile__overlay photo-tile__overlay--error">
                  <Button
                    size="small"
                    icon={<ReloadOutlined />}
                    onClick={() => start(item.uid, item.file)}
                  >
                    {t('photos.retry')}
                  </Button>
                  <Typography.Text className="photo-tile__error" ellipsis>
                    {item.error}
                  </Typography.Text>
                </div>
              </Tooltip>
            ) : null}
            <Button
              className="photo-tile__remove"
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('photos.remove')}
              onClick={() => setItems((list) => list.filter((i) => i.uid !== item.uid))}
            />
          </div>
        ))}
      </Image.PreviewGroup>
      {items.length < max ? (
        <button
          type="button"
          className="photo-add"
          onClick={() => inputRef.current?.click()}
          data-testid={`${testId}-add`}
        >
          <CameraOutlined style={{ fontSize: 22 }} />
          <span>{t('photos.add')}</span>
        </button>
      ) : null}
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={onFiles}
        data-testid={`${testId}-input`}
      />
    </div>
  );
}
