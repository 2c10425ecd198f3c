import { useState } from 'react';
import { ApiFailure } from '../api';
import { t } from '../i18n';
import { login, type FieldUser } from '../session';

export function LoginScreen(props: { onIn: (u: FieldUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="screen login"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          props.onIn(await login(username.trim(), password));
        } catch (err) {
          setError(
            err instanceof ApiFailure && err.status === 0
              ? t('login.offline')
              : (err as Error).message,
          );
        } finally {
          setBusy(false);
        }
      }}
    >
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input
          id="field-username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        {t('login.password')}
        <input
          id="field-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="field-login">
        {t('login.submit')}
      </button>
    </form>
  );
}
