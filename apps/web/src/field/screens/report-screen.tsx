import { lazy, Suspense, useState } from 'react';
import { t } from '../i18n';
import { usePosition } from '../position';
import { enqueue } from '../queue';
import { get, useCachedRead } from '../reads';
import type { FieldUser } from '../session';
import { CategoryPicker, rememberCode, type FieldCategory } from './category-picker';
import { PhotoInput } from './photo-input';

const FieldMap = lazy(() => import('../field-map'));

export async function loadCategories(): Promise<FieldCategory[]> {
  const kinds = await Promise.all(
    ['matter', 'governance'].map((k) =>
      get<{ items: FieldCategory[] }>(`/api/categories?kind=${k}&view=flat`),
    ),
  );
  return kinds.flatMap((k) =>
    k.items.map((c) => ({
      code: c.code,
      name: c.name,
      level: c.level,
      synonyms: c.synonyms,
      active: c.active,
    })),
  );
}

/** 上报: category, position (with accuracy, corrected on the map), address, text and photos → the outbox. */
export function ReportScreen(props: {
  user: FieldUser;
  basemapUrl: string | null;
  onQueued: () => void;
}) {
  const categories = useCachedRead('categories', loadCategories);
  const pos = usePosition();
  const [classCode, setClassCode] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [showMap, setShowMap] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const fix = pos.fix;
  const ready = classCode && fix && address.trim().length >= 2 && description.trim().length >= 2;

  const submit = async () => {
    if (!ready || !fix) {
      setMessage(t('report.missing'));
      return;
    }
    const name = categories.data?.find((c) => c.code === classCode)?.name ?? classCode;
    await enqueue({
      userId: props.user.id,
      kind: 'report',
      title: `${name} · ${address.trim()}`,
      body: {
        lng: fix.lng,
        lat: fix.lat,
        crs: 'wgs84',
        address: address.trim(),
        description: description.trim(),
        classCode,
      },
      photos,
    });
    rememberCode(classCode);
    setClassCode(null);
    setAddress('');
    setDescription('');
    setPhotos([]);
    pos.set(null);
    setShowMap(false);
    setMessage(navigator.onLine ? t('report.sent') : t('report.queued'));
    props.onQueued();
  };

  return (
    <form
      className="screen"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {message && (
        <div className="notice" role="status" data-testid="report-message">
          {message}
        </div>
      )}
      <section>
        <h2>{t('report.category')}</h2>
        <CategoryPicker
          categories={categories.data ?? []}
          value={classCode}
          onChange={(c) => {
            setClassCode(c);
            setMessage(null);
          }}
        />
      </section>
      <section>
        <h2>{t('report.position')}</h2>
        <div className="row">
          <button type="button" onClick={pos.locate} disabled={pos.locating} data-testid="locate">
            {pos.locating ? t('report.locating') : t('report.locate')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => setShowMap((v) => !v)}
            data-testid="adjust-on-map"
          >
            {t('report.adjust')}
          </button>
        </div>
        <div className="hint" data-testid="position">
          {fix
            ? `${fix.lng.toFixed(6)}, ${fix.lat.toFixed(6)} · ${
                fix.corrected
                  ? t('report.adjusted')
                  : fix.accuracy !== null
                    ? t('report.accuracy', { n: fix.accuracy })
                    : ''
              }`
            : (pos.error ?? t('report.noPosition'))}
        </div>
        {showMap && (
          <Suspense fallback={<div className="fmap" />}>
            <div className="hint">{t('report.mapHint')}</div>
            <FieldMap
              basemapUrl={props.basemapUrl}
              marker={fix ? [fix.lng, fix.lat] : null}
              onPick={([lng, lat]) => pos.set({ lng, lat, accuracy: null, corrected: true })}
            />
          </Suspense>
        )}
      </section>
      <section>
        <label>
          <h2>{t('report.address')}</h2>
          <input
            value={address}
            placeholder={t('report.addressHint')}
            maxLength={200}
            onChange={(e) => setAddress(e.target.value)}
            data-testid="address"
          />
        </label>
        <label>
          <h2>{t('report.description')}</h2>
          <textarea
            value={description}
            rows={3}
            maxLength={2000}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="description"
          />
        </label>
      </section>
      <section>
        <h2>{t('report.photos')}</h2>
        <PhotoInput photos={photos} onChange={setPhotos} />
      </section>
      <button type="submit" className="primary" data-testid="report-submit">
        {t('report.submit')}
      </button>
    </form>
  );
}
