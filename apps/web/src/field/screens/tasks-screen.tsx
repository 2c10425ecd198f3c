import { useState } from 'react';
import type { CaseView } from '@wangge/shared';
import { t } from '../i18n';
import { enqueue, useOps } from '../queue';
import { get, useCachedRead } from '../reads';
import type { FieldUser } from '../session';
import { PhotoInput } from './photo-input';

type Task = Pick<
  CaseView,
  'id' | 'caseNo' | 'state' | 'version' | 'address' | 'description' | 'position'
>;

export async function loadTasks(userId: string): Promise<Task[]> {
  const { items } = await get<{ items: CaseView[] }>(
    '/api/cases?state=verifying,checking&limit=200',
  );
  return items
    .filter(
      (c) =>
        (c.state === 'verifying' && c.assignedVerifierId === userId) ||
        (c.state === 'checking' && c.assignedCheckerId === userId),
    )
    .map(({ id, caseNo, state, version, address, description, position }) => ({
      id,
      caseNo,
      state,
      version,
      address,
      description,
      position,
    }));
}

type Answer = 'verify_true' | 'verify_false' | 'check_pass' | 'check_fail';
const NEEDS_PHOTO: ReadonlySet<Answer> = new Set(['verify_true', 'check_pass']);

/** One answer form: a photo for 属实/通过 (with the device position for 核实), a reason for the others. */
function AnswerForm(props: { task: Task; action: Answer; user: FieldUser; onDone: () => void }) {
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const positive = NEEDS_PHOTO.has(props.action);
  const submit = async () => {
    if (positive && photos.length === 0) return setError(t('tasks.photoRequired'));
    if (!positive && reason.trim().length < 1) return setError(t('tasks.reasonRequired'));
    const gps = props.action === 'verify_true' ? await devicePosition().catch(() => null) : null;
    await enqueue({
      userId: props.user.id,
      kind: 'task',
      caseId: props.task.id,
      title: `${props.task.caseNo} · ${label(props.action)}`,
      body: {
        action: props.action,
        version: props.task.version,
        ...(positive ? {} : { reason: reason.trim() }),
        ...(positive && reason.trim() ? { note: reason.trim() } : {}),
        ...(gps ? { gps } : {}),
      },
      photos,
    });
    props.onDone();
  };
  return (
    <div className="answer" data-testid="task-answer">
      <PhotoInput photos={photos} onChange={setPhotos} testId="task-photo-input" />
      <textarea
        rows={2}
        placeholder={t('tasks.reason')}
        aria-label={t('tasks.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && <div className="error">{error}</div>}
      <div className="row">
        <button type="button" onClick={props.onDone}>
          {t('tasks.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void submit()}
          data-testid="task-submit"
        >
          {t('tasks.confirm')}
        </button>
      </div>
    </div>
  );
}

function devicePosition(): Promise<{ lng: number; lat: number; crs: 'wgs84' }> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude, crs: 'wgs84' }),
      reject,
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}

const label = (a: Answer) =>
  t(
    a === 'verify_true'
      ? 'tasks.verifyTrue'
      : a === 'verify_false'
        ? 'tasks.verifyFalse'
        : a === 'check_pass'
          ? 'tasks.checkPass'
          : 'tasks.checkFail',
  );

/** 我的任务: 核实 and 核查 assigned to the worker, kept for offline; answers go to the outbox. */
export function TasksScreen(props: { user: FieldUser }) {
  const tasks = useCachedRead(`tasks:${props.user.id}`, () => loadTasks(props.user.id));
  const ops = useOps();
  const [open, setOpen] = useState<{ id: string; action: Answer } | null>(null);
  const queued = new Set(
    ops
      .filter((o) => o.kind === 'task' && o.status !== 'failed' && o.status !== 'conflict')
      .map((o) => o.caseId),
  );
  const list = tasks.data ?? [];
  return (
    <div className="screen">
      <div className="row between">
        {tasks.staleAt ? (
          <span className="hint">
            {t('tasks.cached', { t: new Date(tasks.staleAt).toLocaleString() })}
          </span>
        ) : (
          <span />
        )}
        <button type="button" className="link" onClick={tasks.reload}>
          {t('tasks.refresh')}
        </button>
      </div>
      {tasks.error && <div className="error">{tasks.error}</div>}
      {list.length === 0 && <div className="empty">{t('tasks.empty')}</div>}
      {list.map((task) => {
        const verify = task.state === 'verifying';
        const actions: Answer[] = verify
          ? ['verify_true', 'verify_false']
          : ['check_pass', 'check_fail'];
        return (
          <article key={task.id} className="card" data-testid="task" data-case-no={task.caseNo}>
            <div className="row between">
              <strong>{task.caseNo}</strong>
              <span className={verify ? 'tag blue' : 'tag green'}>
                {verify ? t('tasks.verify') : t('tasks.check')}
              </span>
            </div>
            <div>{task.address}</div>
            <div className="hint">{task.description}</div>
            {queued.has(task.id) ? (
              <div className="tag orange" data-testid="task-queued">
                {t('tasks.pending')}
              </div>
            ) : open?.id === task.id ? (
              <AnswerForm
                task={task}
                action={open.action}
                user={props.user}
                onDone={() => setOpen(null)}
              />
            ) : (
              <div className="row">
                {actions.map((a) => (
                  <button
                    key={a}
                    type="button"
                    className={NEEDS_PHOTO.has(a) ? 'primary' : ''}
                    onClick={() => setOpen({ id: task.id, action: a })}
                    data-testid={`task-${a}`}
                  >
                    {label(a)}
                  </button>
                ))}
              </div>
            )}
          </article>
        );
      })}
    </div>
  );
}
