import { lazy, Suspense, type ComponentProps } from 'react';
import { Input } from 'antd';
import { CameraOutlined } from '@ant-design/icons';

// The phone report form renders first and its two heaviest fields follow a moment later, each in a chunk of its own:
// the category picker (antd Cascader with Select and a virtual list) and the photo uploader (Image preview,
// Progress, Tooltip) together weigh as much as the form itself. Form.Item hands value/onChange to these wrappers,
// which pass them on once the real field has arrived; the placeholders keep the layout from jumping.
const CategoryPickerChunk = lazy(() =>
  import('./category-picker').then((m) => ({ default: m.CategoryPicker })),
);
const PhotoUploaderChunk = lazy(() =>
  import('./photo-uploader').then((m) => ({ default: m.PhotoUploader })),
);

type CategoryPickerProps = ComponentProps<typeof CategoryPickerChunk>;
type PhotoUploaderProps = ComponentProps<typeof PhotoUploaderChunk>;

export function LazyCategoryPicker(props: CategoryPickerProps) {
  return (
    <Suspense fallback={<Input disabled placeholder={props.placeholder ?? '…'} />}>
      <CategoryPickerChunk {...props} />
    </Suspense>
  );
}

export function LazyPhotoUploader(props: PhotoUploaderProps) {
  return (
    <Suspense
      fallback={
        <div className="photo-uploader-placeholder" aria-hidden>
          <CameraOutlined />
        </div>
      }
    >
      <PhotoUploaderChunk {...props} />
    </Suspense>
  );
}
