import { Alert, Button, Card } from 'antd';
import type { PublicDuplicates } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { BoardItem } from './board-item';

/** "附近已有相同问题": the open reports nearby, each with +1, and the way on to a new report. */
export function DuplicateOffer({
  items,
  onSubmitAnyway,
  busy,
}: {
  items: PublicDuplicates['items'];
  onSubmitAnyway: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dup-title" data-testid="duplicate-offer" style={{ marginBottom: 12 }}>
      <Alert
        type="warning"
        showIcon
        message={<span id="dup-title">{t('board.dupTitle')}</span>}
        description={t('board.dupHint')}
        style={{ marginBottom: 8 }}
        role="alert"
      />
      {items.map(({ item, distanceM }) => (
        <Card key={item.id} size="small" style={{ marginBottom: 8 }}>
          <div style={{ color: '#595959', fontSize: 12 }}>
            {t('board.dupDistance', { m: distanceM })}
          </div>
          <BoardItem item={item} />
        </Card>
      ))}
      <Button block onClick={onSubmitAnyway} loading={busy} data-testid="submit-anyway">
        {t('board.submitAnyway')}
      </Button>
    </section>
  );
}
