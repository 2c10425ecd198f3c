import { useEffect, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { uploadPublicPhoto } from '../api';

export const MAX_PUBLIC_PHOTOS = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

interface Shot {
  id: string;
  preview: string;
}

/**
 * Up to 3 photos, uploaded as they are chosen under the report form's key (the server ties them to the report and
 * strips their metadata from the public copy). The preview is the local file: the server never sends photos back.
 */
export function PhotoPicker({
  idempotencyKey,
  onChange,
}: {
  idempotencyKey: string;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const live = useRef<Shot[]>([]);
  // Previews are freed when the form goes and when a new form (another report) starts without photos.
  useEffect(
    () => () => {
      live.current.forEach((s) => URL.revokeObjectURL(s.preview));
      live.current = [];
      setShots([]);
      setError(null);
    },
    [idempotencyKey],
  );

  const set = (next: Shot[]) => {
    for (const s of live.current) if (!next.includes(s)) URL.revokeObjectURL(s.preview);
    live.current = next;
    setShots(next);
    onChange(next.map((s) => s.id));
  };

  const add = async (files: FileList | null) => {
    setError(null);
    const chosen = [...(files ?? [])].slice(0, MAX_PUBLIC_PHOTOS - shots.length);
    let next = shots;
    setBusy(true);
    for (const file of chosen) {
      if (!TYPES.includes(file.type)) {
        setError(t('public.photoType'));
        continue;
      }
      if (file.size > MAX_BYTES) {
        setError(t('public.photoSize'));
        continue;
      }
      try {
        const r = await uploadPublicPhoto(file, idempotencyKey);
        next = [...next, { id: r.id, preview: URL.createObjectURL(file) }];
        set(next);
      } catch (e) {
        setError(isApiError(e) ? e.message : String(e));
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="public-photos">
      <div className="public-photos">
        {shots.map((s) => (
          <div key={s.id} className="public-photo">
            <img src={s.preview} alt="" />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('public.photoRemove')}
              onClick={() => set(shots.filter((x) => x.id !== s.id))}
            />
          </div>
        ))}
        {shots.length < MAX_PUBLIC_PHOTOS ? (
          <Button
            className="public-photo public-photo--add"
            icon={<CameraOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
          >
            {t('public.photoAdd')}
          </Button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept={TYPES.join(',')}
        multiple
        style={{ display: 'none' }}
        data-testid="public-photo-input"
        onChange={(e) => void add(e.target.files)}
      />
      <Typography.Text type={error ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {error ?? t('public.photoHint')}
      </Typography.Text>
    </div>
  );
}
