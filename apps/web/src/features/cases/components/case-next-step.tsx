import { Alert } from 'antd';
import { REQUEST_TYPE_LABELS, type CaseView } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../auth/api';
import { useDepartments } from '../../departments/api';
import { actionLabel, roleLabel } from '../case-format';

type Step = CaseView['nextSteps'][number];

/** 下一步: who acts next and what they must do, as the case table says (the server's nextSteps). */
export function CaseNextStep({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const departments = useDepartments();
  const zh = lang === 'zh';
  const sep = zh ? '、' : ', ';
  const paren = (text: string) => (zh ? `（${text}）` : ` (${text})`);
  const colon = zh ? '：' : ': ';

  const who = (s: Step) => {
    const roles = s.roles.map((r) => roleLabel(r, lang)).join(sep);
    if (s.userId)
      return roles + paren(s.userId === me.id ? t('cases.nextYou') : t('cases.nextAssignee'));
    if (s.departmentId) {
      const dept = departments.data?.items.find((d) => d.id === s.departmentId);
      return roles + paren(dept?.name ?? s.departmentId);
    }
    return roles;
  };
  const what = (s: Step) =>
    s.requestType
      ? zh
        ? `审批${REQUEST_TYPE_LABELS[s.requestType].zh}申请`
        : `decide the ${REQUEST_TYPE_LABELS[s.requestType].en.toLowerCase()} request`
      : s.actions.map((a) => actionLabel(a, lang)).join(' / ');
  const mine = (s: Step) => s.actions.some((a) => view.allowedActions.includes(a));

  return (
    <Alert
      className="case-next"
      type={view.nextSteps.some(mine) ? 'warning' : 'info'}
      showIcon
      data-testid="case-next"
      title={
        view.nextSteps.length === 0 ? (
          <span>
            <b>
              {t('cases.next')}
              {colon}
            </b>
            {t('cases.nextNone')}
          </span>
        ) : (
          view.nextSteps.map((s, i) => (
            <div key={i} className="case-next__line" data-mine={mine(s) || undefined}>
              <b>
                {t('cases.next')}
                {colon}
              </b>
              {who(s)} — {what(s)}
            </div>
          ))
        )
      }
    />
  );
}
