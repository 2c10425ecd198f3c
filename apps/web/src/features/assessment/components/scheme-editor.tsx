import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import {
  INDICATOR_OBJECT_LABELS,
  INDICATORS,
  POSITION_LABELS,
  SCHEME_TARGETS,
  type AssessmentScheme,
  type SchemeTarget,
} from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useSaveScheme, type StoredScheme } from '../api';
import { bandsText, placeOfField, weightSum, weightsComplete } from '../assessment-format';

/** A scheme as edited: weights and grade minimums may be blank while typing. */
type Draft = AssessmentScheme;

const targetLabel = (target: SchemeTarget, lang: 'zh' | 'en') =>
  target === 'area' || target === 'department'
    ? INDICATOR_OBJECT_LABELS[target][lang]
    : POSITION_LABELS[target][lang];

const toDraft = ({ version: _v, ...scheme }: StoredScheme): Draft => scheme;

/**
 * One assessment scheme: per target its indicators with editable weights (the sum live, red off 100 %), the
 * conversion read-only, and the grade minimums. Save sends the whole scheme; the server's refusal is shown at the
 * target, the grade band, or the top, by its field.
 */
export function SchemeEditor({ scheme }: { scheme: StoredScheme }) {
  const { t, lang } = useI18n();
  const save = useSaveScheme();
  const [draft, setDraft] = useState<Draft>(() => toDraft(scheme));
  // A changed stored scheme (after a save, or someone else's) replaces the draft. The list does not say which
  // version it holds, so the content is compared.
  const stored = JSON.stringify(toDraft(scheme));
  const [base, setBase] = useState(stored);
  if (stored !== base) {
    setBase(stored);
    setDraft(toDraft(scheme));
  }
  // The version is known from the list when the server gives it, else from this session's last save.
  const [savedVersion, setSavedVersion] = useState<number | undefined>();
  const version = scheme.version ?? savedVersion;
  const refusal = isApiError(save.error) ? save.error : null;
  const place = placeOfField(refusal?.field);
  const otherError =
    save.error && (!refusal || place.kind === 'scheme') ? save.error.message : null;
  const targets = SCHEME_TARGETS.filter((tg) => draft.targets[tg]);

  const setWeight = (target: SchemeTarget, index: number, weight: number | null) => {
    save.reset();
    setDraft((d) => ({
      ...d,
      targets: {
        ...d.targets,
        [target]: (d.targets[target] ?? []).map((c, i) =>
          i === index ? { ...c, weight: weight ?? Number.NaN } : c,
        ),
      },
    }));
  };
  const setGrade = (index: number, min: number | null) => {
    save.reset();
    setDraft((d) => ({
      ...d,
      grades: d.grades.map((g, i) => (i === index ? { ...g, min: min ?? Number.NaN } : g)),
    }));
  };
  const submit = () =>
    save.mutate(draft, {
      onSuccess: (s) => {
        setSavedVersion(s.version);
        notifySuccess(
          t('assess.saved', { name: lang === 'en' ? s.en : s.zh, n: s.version ?? '—' }),
        );
      },
    });

  return (
    <Card
      size="small"
      title={
        <span>
          {lang === 'en' ? draft.en : draft.zh} <Typography.Text code>{draft.code}</Typography.Text>
        </span>
      }
      extra={
        version ? (
          <Tag data-testid={`assess-version-${draft.code}`}>
            {t('assess.schemeVersion', { n: version })}
          </Tag>
        ) : null
      }
      data-testid={`assess-scheme-${draft.code}`}
    >
      {otherError ? (
        <Alert type="error" showIcon title={otherError} style={{ marginBottom: 8 }} />
      ) : null}
      <div className="assess-targets">
        {targets.map((target) => {
          const components = draft.targets[target] ?? [];
          const sum = weightSum(components);
          const ok = weightsComplete(components);
          const error =
            place.kind === 'target' && place.target === target ? refusal?.message : null;
          return (
            <section
              key={target}
              className={`assess-target${error ? ' assess-target--error' : ''}`}
              data-testid={`assess-target-${draft.code}-${target}`}
            >
              <div className="assess-target__head">
                <strong>{targetLabel(target, lang)}</strong>
                <span
                  className={ok ? 'assess-sum' : 'assess-sum assess-sum--bad'}
                  data-testid={`assess-sum-${draft.code}-${target}`}
                  data-ok={ok ? '1' : '0'}
                >
                  {t('assess.sum', { sum })}
                </span>
              </div>
              {components.map((c, i) => {
                const bands = bandsText(c.conversion);
                return (
                  <div key={c.indicator} className="assess-component">
                    <span className="assess-component__name">{INDICATORS[c.indicator][lang]}</span>
                    <InputNumber
                      size="small"
                      min={0}
                      max={100}
                      step={5}
                      value={Number.isFinite(c.weight) ? c.weight : null}
                      onChange={(v) => setWeight(target, i, v)}
                      suffix="%"
                      status={
                        error && (place.kind !== 'target' || place.index === i || !ok)
                          ? 'error'
                          : undefined
                      }
                      aria-label={`${INDICATORS[c.indicator][lang]} ${t('assess.weight')}`}
                      data-testid={`assess-weight-${draft.code}-${target}-${c.indicator}`}
                      className="assess-component__weight"
                    />
                    <span className="assess-component__conv case-muted" title={bands ?? undefined}>
                      {t(`assess.conv.${c.conversion.type}` as MessageKey)}
                      {bands ? <div className="assess-bands">{bands}</div> : null}
                    </span>
                  </div>
                );
              })}
              {error ? (
                <div
                  className="assess-error"
                  role="alert"
                  data-testid={`assess-error-${draft.code}-${target}`}
                >
                  {error}
                </div>
              ) : null}
            </section>
          );
        })}
      </div>
      <div className="assess-grades" data-testid={`assess-grades-${draft.code}`}>
        <strong>{t('assess.grades')}</strong>
        <Space wrap size={[12, 8]}>
          {draft.grades.map((g, i) => (
            <span key={g.grade} className="assess-grade">
              {t('assess.gradeMin', { grade: g.grade })}
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={Number.isFinite(g.min) ? g.min : null}
                onChange={(v) => setGrade(i, v)}
                status={
                  place.kind === 'grade' && (place.index === null || place.index === i)
                    ? 'error'
                    : undefined
                }
                style={{ width: 72 }}
                data-testid={`assess-grade-${draft.code}-${g.grade}`}
              />
            </span>
          ))}
        </Space>
        {place.kind === 'grade' && refusal ? (
          <div
            className="assess-error"
            role="alert"
            data-testid={`assess-error-${draft.code}-grades`}
          >
            {refusal.message}
          </div>
        ) : null}
      </div>
      <Space className="assess-actions">
        <Button
          type="primary"
          onClick={submit}
          loading={save.isPending}
          data-testid={`assess-save-${draft.code}`}
        >
          {t('assess.save')}
        </Button>
        <Button
          onClick={() => {
            save.reset();
            setDraft(toDraft(scheme));
          }}
          data-testid={`assess-reset-${draft.code}`}
        >
          {t('assess.reset')}
        </Button>
      </Space>
    </Card>
  );
}
