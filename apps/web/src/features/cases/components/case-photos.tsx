import { Image } from 'antd';
import { attachmentUrl } from '../upload';

/** Thumbnails of attachment ids; a tap opens the original in a lightbox (with the group's others). */
export function CasePhotos({
  ids,
  size = 72,
  testId,
}: {
  ids: readonly string[];
  size?: number;
  testId?: string;
}) {
  if (ids.length === 0) return null;
  return (
    <div className="photo-grid photo-grid--compact" data-testid={testId}>
      <Image.PreviewGroup>
        {ids.map((id) => (
          <Image
            key={id}
            src={attachmentUrl(id, 'thumb')}
            preview={{ src: attachmentUrl(id) }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt=""
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
