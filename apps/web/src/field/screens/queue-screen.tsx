import { useState } from 'react';
import type { QueuedOp } from '../db';
import { t, type MessageKey } from '../i18n';
import { clearSent, discard, flush, retry, useOps } from '../queue';
import type { FieldUser } from '../session';

const STATUS: Record<QueuedOp['status'], MessageKey> = {
  waiting: 'queue.waiting',
  sending: 'queue.sending',
  sent: 'queue.sent',
  failed: 'queue.failed',
  conflict: 'queue.conflict',
};
const KIND: Record<QueuedOp['kind'], MessageKey> = {
  report: 'queue.report',
  task: 'queue.task',
  patrol_start: 'queue.patrol_start',
  patrol_points: 'queue.patrol_points',
  patrol_checkin: 'queue.patrol_checkin',
  patrol_stop: 'queue.patrol_stop',
};
const TAG: Record<QueuedOp['status'], string> = {
  waiting: 'orange',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  conflict: 'red',
};

/** 待发送: every queued write with its state; a failure or conflict keeps the server's reason until the worker acts. */
export function QueueScreen(props: { user: FieldUser }) {
  const ops = useOps().filter((o) => o.userId === props.user.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="screen">
      <div className="row">
        <button type="button" onClick={() => void flush(props.user.id)} data-testid="send-now">
          {t('queue.sendNow')}
        </button>
        <button type="button" className="link" onClick={() => void clearSent()}>
          {t('queue.clearSent')}
        </button>
      </div>
      {ops.length === 0 && <div className="empty">{t('queue.empty')}</div>}
      {[...ops].reverse().map((op) => (
        <article key={op.id} className="card" data-testid="op" data-status={op.status}>
          <div className="row between">
            <strong>{t(KIND[op.kind])}</strong>
            <span className={`tag ${TAG[op.status]}`} data-testid="op-status">
              {t(STATUS[op.status])}
            </span>
          </div>
          <div>{op.title}</div>
          <div className="hint">
            {new Date(op.createdAt).toLocaleString()}
            {op.photos.length > 0 && ` · ${t('queue.photos', { n: op.photos.length })}`}
            {op.result && ` · ${op.result}`}
          </div>
          {op.reason && (
            <div className="error" data-testid="op-reason">
              {op.reason === 'login'
                ? t('queue.loginNeeded')
                : op.status === 'conflict'
                  ? t('queue.conflictHint') + op.reason
                  : op.reason}
            </div>
          )}
          {op.status !== 'sent' && op.status !== 'sending' && (
            <div className="row">
              {op.status !== 'waiting' && (
                <button type="button" onClick={() => void retry(op)} data-testid="retry">
                  {t('queue.retry')}
                </button>
              )}
              {confirming === op.id ? (
                <button
                  type="button"
                  className="danger"
                  onClick={() => void discard(op.id).then(() => setConfirming(null))}
                  data-testid="confirm-discard"
                >
                  {t('queue.confirmDiscard')}
                </button>
              ) : (
                <button type="button" className="danger" onClick={() => setConfirming(op.id)}>
                  {t('queue.discard')}
                </button>
              )}
            </div>
          )}
        </article>
      ))}
    </div>
  );
}
