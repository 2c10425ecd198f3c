import { Typography } from 'antd';
import { Panel } from '../../../components/panel';
import { useI18n } from '../../../lib/i18n';
import { useDemoAccounts } from '../api';

interface DemoAccountsTableProps {
  onPick: (username: string, password: string | null) => void;
}

/**
 * Only a demo database lists accounts; elsewhere this renders nothing. A plain table of buttons rather than antd's
 * Table: sixteen rows need no sorting or paging, and Table (with Pagination, Select, Tree…) was half of the login
 * page's JavaScript.
 */
export function DemoAccountsTable({ onPick }: DemoAccountsTableProps) {
  const { t } = useI18n();
  const { data } = useDemoAccounts();
  if (!data || data.items.length === 0) return null;
  const password = data.password;
  return (
    <Panel
      size="small"
      title={t('auth.demoAccounts')}
      className="demo-accounts"
      data-testid="demo-accounts"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {password ? t('auth.demoHint', { password }) : t('auth.demoHintNoPassword')}
      </Typography.Paragraph>
      <div className="demo-accounts__scroll">
        <table className="demo-accounts__table">
          <thead>
            <tr>
              <th scope="col">{t('auth.username')}</th>
              <th scope="col">{t('auth.role')}</th>
              <th scope="col">{t('auth.area')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={row.username} onClick={() => onPick(row.username, password)}>
                <td>
                  {/* A real button, so the keyboard can pick an account too. */}
                  <button
                    type="button"
                    className="demo-accounts__pick"
                    onClick={(e) => {
                      e.stopPropagation();
                      onPick(row.username, password);
                    }}
                  >
                    <code>{row.username}</code>
                  </button>
                </td>
                <td>{row.role}</td>
                <td className="demo-accounts__area" title={row.area}>
                  {row.area}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
