import { useState } from 'react';
import { Button, Card, Image, List, Space, Tag, Typography } from 'antd';
import { AlertOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Hazard, Inspection, InspectionTargetType } from '@wangge/shared';
import { casePath } from '../../../app/paths';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { attachmentUrl } from '../../cases/upload';
import { useInspections } from '../places-api';
import { hazardLevelLabel, resultLabel } from '../unit-format';
import { InspectionForm } from './inspection-form';
import { RaiseCaseDialog } from './raise-case-dialog';

function HazardLine({
  inspection,
  hazard,
  canRaise,
  onRaise,
}: {
  inspection: Inspection;
  hazard: Hazard;
  canRaise: boolean;
  onRaise: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div style={{ padding: '4px 0' }} data-testid="hazard">
      <Tag color={hazard.level === 'major' ? 'red' : 'orange'}>
        {hazardLevelLabel(hazard.level, lang)}
      </Tag>
      <span>{hazard.description}</span>
      {hazard.rectifyBy ? (
        <Typography.Text type="secondary">{` · ${t('units.rectifyByOn', { date: hazard.rectifyBy })}`}</Typography.Text>
      ) : null}
      <div>
        {hazard.caseId ? (
          <Link to={casePath(hazard.caseId)}>
            <LinkOutlined /> {t('units.caseLinked')}
          </Link>
        ) : canRaise ? (
          <Button
            size="small"
            icon={<AlertOutlined />}
            onClick={onRaise}
            data-testid={`raise-case-${inspection.id}`}
          >
            {t('units.raiseCase')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** 检查记录 of one unit or place, newest first, each hazard with its case or a button to raise one. */
export function InspectionHistory({
  target,
}: {
  target: { type: InspectionTargetType; id: string; name: string };
}) {
  const { t, lang } = useI18n();
  const canManage = useHasPermission('registry.manage');
  const canReport = useHasPermission('cases.report');
  const list = useInspections(target.id);
  const [recording, setRecording] = useState(false);
  const [raising, setRaising] = useState<{ inspection: Inspection; hazard: Hazard } | null>(null);

  return (
    <Card
      size="small"
      title={t('units.inspections', { n: list.data?.total ?? 0 })}
      extra={
        canManage ? (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="record-inspection"
          >
            {t('units.recordInspection')}
          </Button>
        ) : null
      }
    >
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('units.noInspections') }}
        renderItem={(i) => (
          <List.Item style={{ display: 'block' }}>
            <Space wrap size={4}>
              <Tag color={i.result === 'passed' ? 'green' : 'red'}>
                {resultLabel(i.result, lang)}
              </Tag>
              <Typography.Text>{formatDateTime(i.at, lang)}</Typography.Text>
              <Typography.Text type="secondary">{i.inspectorName ?? i.inspectorId}</Typography.Text>
            </Space>
            {i.findings ? (
              <Typography.Paragraph style={{ margin: '4px 0' }}>{i.findings}</Typography.Paragraph>
            ) : null}
            {i.hazards.map((h) => (
              <HazardLine
                key={h.id}
                inspection={i}
                hazard={h}
                canRaise={canManage && canReport}
                onRaise={() => setRaising({ inspection: i, hazard: h })}
              />
            ))}
            {i.photos.length ? (
              <Image.PreviewGroup>
                <Space wrap size={4} style={{ marginTop: 4 }}>
                  {i.photos.map((p) => (
                    <Image
                      key={p}
                      src={attachmentUrl(p, 'thumb')}
                      preview={{ src: attachmentUrl(p) }}
                      width={64}
                      height={64}
                      style={{ objectFit: 'cover' }}
                      alt=""
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
          </List.Item>
        )}
      />
      {recording ? <InspectionForm target={target} onClose={() => setRecording(false)} /> : null}
      {raising ? (
        <RaiseCaseDialog
          inspection={raising.inspection}
          hazard={raising.hazard}
          onClose={() => setRaising(null)}
          onRaised={() => setRaising(null)}
        />
      ) : null}
    </Card>
  );
}
