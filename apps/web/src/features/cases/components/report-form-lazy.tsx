import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { Input, Spin } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint';

// The phone report form renders first; its three heaviest parts follow once it is on screen, each in a chunk of its
// own: the map (OpenLayers), the category picker (antd Cascader with Select and a virtual list) and the photo
// uploader (Image preview, Progress, Tooltip) together weigh more than the form itself. A worker can start typing
// while they arrive. Form.Item hands value/onChange to these wrappers, which pass them on once the real part has
// arrived; the placeholders have its size, so nothing jumps.
const LocationPickerChunk = lazy(() =>
  import('./location-picker').then((m) => ({ default: m.LocationPicker })),
);
const CategoryPickerChunk = lazy(() =>
  import('./category-picker').then((m) => ({ default: m.CategoryPicker })),
);
const PhotoUploaderChunk = lazy(() =>
  import('./photo-uploader').then((m) => ({ default: m.PhotoUploader })),
);

/** Shows `placeholder` for the first paint, then the lazy part (with the same placeholder while it loads). */
function AfterFirstPaint({
  placeholder,
  children,
}: {
  placeholder: ReactNode;
  children: ReactNode;
}) {
  const painted = useAfterFirstPaint();
  return painted ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

export function LazyLocationPicker(props: ComponentProps<typeof LocationPickerChunk>) {
  return (
    <AfterFirstPaint
      placeholder={
        <div className="report-map report-map--loading">
          <Spin />
        </div>
      }
    >
      <LocationPickerChunk {...props} />
    </AfterFirstPaint>
  );
}

export function LazyCategoryPicker(props: ComponentProps<typeof CategoryPickerChunk>) {
  return (
    <AfterFirstPaint placeholder={<Input disabled placeholder={props.placeholder ?? '…'} />}>
      <CategoryPickerChunk {...props} />
    </AfterFirstPaint>
  );
}

export function LazyPhotoUploader(props: ComponentProps<typeof PhotoUploaderChunk>) {
  return (
    <AfterFirstPaint
      placeholder={
        <div className="photo-uploader-placeholder" aria-hidden>
          <CameraOutlined />
        </div>
      }
    >
      <PhotoUploaderChunk {...props} />
    </AfterFirstPaint>
  );
}
