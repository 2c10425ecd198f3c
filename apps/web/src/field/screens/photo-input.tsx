import { useEffect, useMemo } from 'react';
import { compressPhoto } from '../photo';
import { t } from '../i18n';

/** Camera or gallery photos, compressed on the phone as they are taken; thumbnails from blob: URLs. */
export function PhotoInput(props: {
  photos: Blob[];
  onChange: (p: Blob[]) => void;
  testId?: string;
}) {
  const urls = useMemo(() => props.photos.map((p) => URL.createObjectURL(p)), [props.photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <div className="photos">
      {urls.map((u, i) => (
        <button
          key={u}
          type="button"
          className="thumb"
          aria-label="删除照片"
          onClick={() => props.onChange(props.photos.filter((_, j) => j !== i))}
        >
          <img src={u} alt="" />
        </button>
      ))}
      <label className="add-photo">
        {t('report.addPhoto')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          data-testid={props.testId ?? 'photo-input'}
          onChange={async (e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            const small = await Promise.all(files.map((f) => compressPhoto(f).catch(() => f)));
            props.onChange([...props.photos, ...small].slice(0, 9));
          }}
        />
      </label>
    </div>
  );
}
