import { useState } from 'react';
import { App, Button, Card, Divider, Typography } from 'antd';
import type { CaseAction, CaseView } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useRefreshCase } from '../api';
import { DANGER_ACTIONS, OVERLAY_ACTIONS } from '../action-inputs';
import { actionLabel } from '../case-format';
import { ActionForm } from './action-form';

/** Buttons for exactly the actions the server says this user may take now. */
export function CaseActions({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const refresh = useRefreshCase(view.id);
  const main = view.allowedActions.filter((a) => !OVERLAY_ACTIONS.has(a));
  const overlays = view.allowedActions.filter((a) => OVERLAY_ACTIONS.has(a));
  const firstPositive = main.find((a) => !DANGER_ACTIONS.has(a));

  const button = (action: CaseAction) => (
    <Button
      key={action}
      type={action === firstPositive ? 'primary' : 'default'}
      danger={DANGER_ACTIONS.has(action)}
      onClick={() => setOpen(action)}
      data-testid={`action-${action}`}
    >
      {actionLabel(action, lang)}
    </Button>
  );

  return (
    <Card
      size="small"
      title={t('action.title')}
      className="case-actions"
      data-testid="case-actions"
    >
      {view.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">{t('action.none')}</Typography.Text>
      ) : (
        <>
          <div className="case-actions__buttons">{main.map(button)}</div>
          {overlays.length > 0 ? (
            <>
              {main.length > 0 ? <Divider style={{ margin: '10px 0' }} /> : null}
              <div className="case-actions__buttons">{overlays.map(button)}</div>
            </>
          ) : null}
        </>
      )}
      {open ? (
        <ActionForm
          key={open}
          view={view}
          action={open}
          onClose={() => setOpen(null)}
          onConflict={(text, stale) => {
            if (stale) void message.warning(text);
            refresh();
          }}
        />
      ) : null}
    </Card>
  );
}
