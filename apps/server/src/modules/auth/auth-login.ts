import { dummyHash, verifyPassword } from '../../core/auth/password';
import { sha256 } from '../../core/crypto';
import { AppError } from '../../core/errors';
import { newSecret } from '../../core/ids';
import { IpThrottle, ProgressiveDelay } from '../../core/http/ip-throttle';
import type { AuthDeps } from './auth.service';
import type { createAuthRepo } from './auth.repo';

/**
 * The login policy (docs/security.md). Numbers live here and nowhere else.
 * - Per account: the 5th failure in a row locks it for 15 minutes for every device the user has not signed in from.
 * - Per known device (a cookie set at a successful login, kept 180 days): 5 failures in a row and the device is
 *   treated as unknown until its next correct password.
 * - Per typed username and address: 3 free attempts, then 1 s, 2 s, 4 s … (≤ 60 s) between attempts.
 * - Per address: 20 failures in 10 minutes block it (successes do not clear them).
 * Every refusal of a password (unknown user, wrong password, disabled, locked) is the same 401 with the same message.
 */
export const LOGIN_POLICY = {
  lockAfter: 5,
  lockMinutes: 15,
  deviceLockAfter: 5,
  deviceDays: 180,
} as const;
export const DEVICE_COOKIE = 'wangge_device';
export const LOGIN_FAILED_MESSAGE =
  '用户名或密码错误（连续输错 5 次后账号锁定 15 分钟，常用设备登录不受影响，管理员也可解锁）';

type Repo = ReturnType<typeof createAuthRepo>;

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
  deviceCookie: string | null;
}

export function createLoginGuard(deps: AuthDeps, repo: Repo) {
  const addresses = new IpThrottle();
  const delays = new ProgressiveDelay();
  const policy = { lockAfter: LOGIN_POLICY.lockAfter, lockMinutes: LOGIN_POLICY.lockMinutes };
  const refuse = () => new AppError('invalid_credentials', LOGIN_FAILED_MESSAGE);

  return {
    /**
     * Checks a password under the policy above and answers the user and the device cookie to set, or throws. Every
     * count is taken before the password is verified, so parallel guesses cannot all be verified.
     */
    async verify(a: LoginAttempt) {
      const nowMs = deps.clock.now().getTime();
      const now = new Date(nowMs).toISOString();
      // Both checks are synchronous, before the first await.
      if (!addresses.attempt(a.ip, nowMs))
        throw new AppError('rate_limited', '登录失败次数过多，请稍后再试');
      const delayKey = `${a.username.toLowerCase()}\n${a.ip}`;
      const wait = delays.begin(delayKey, nowMs);
      if (wait > 0)
        throw new AppError('rate_limited', `尝试过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`);

      const user = await deps.users.findForLogin(a.username);
      if (!user) {
        await verifyPassword(await dummyHash(), a.password);
        await deps.audit.record({
          action: 'login_failed',
          actor: null,
          ip: a.ip,
          // Not the typed name: a password typed into the name field would land in the audit log. Its first
          // character and length are enough to see one name being tried again and again.
          detail: { username: typedNameHint(a.username), reason: 'unknown_user' },
        });
        throw refuse();
      }
      const actor = { id: user.id, username: user.username };
      const deviceId = a.deviceCookie ? sha256(a.deviceCookie) : null;
      const device = deviceId ? await repo.chargeDevice(deviceId, user.id, now) : undefined;
      let evaluated: boolean;
      let justLocked = false;
      if (device && device.failed_logins <= LOGIN_POLICY.deviceLockAfter) evaluated = true;
      else {
        const c = await deps.users.chargeLoginAttempt(user.id, policy);
        evaluated = c.count <= LOGIN_POLICY.lockAfter;
        justLocked = c.count === LOGIN_POLICY.lockAfter;
      }
      if (!evaluated) {
        // The same work and the same answer as for an unknown name: a lock reveals neither itself nor the account.
        await verifyPassword(await dummyHash(), a.password);
        await deps.audit.record({
          action: 'login_failed',
          actor,
          ip: a.ip,
          detail: { reason: 'locked', knownDevice: Boolean(device) },
        });
        throw refuse();
      }
      const ok = (await verifyPassword(user.password_hash, a.password)) && user.status === 'active';
      if (!ok) {
        await deps.audit.record({
          action: 'login_failed',
          actor,
          ip: a.ip,
          detail: {
            reason: user.status === 'active' ? 'bad_password' : 'disabled',
            knownDevice: Boolean(device),
          },
        });
        if (justLocked) {
          const until = new Date(nowMs + LOGIN_POLICY.lockMinutes * 60_000).toISOString();
          await deps.audit.record({ action: 'account_locked', actor, ip: a.ip, detail: { until } });
        }
        throw refuse();
      }
      addresses.refund(a.ip, nowMs);
      delays.succeed(delayKey);
      // A correct password lifts the account's lock too when it came from a known device.
      await deps.users.resetFailedLogins(user.id);
      const deviceToken =
        a.deviceCookie && a.deviceCookie.length >= 32 ? a.deviceCookie : newSecret();
      await repo.rememberDevice({
        id: sha256(deviceToken),
        user_id: user.id,
        failed_logins: 0,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(nowMs + LOGIN_POLICY.deviceDays * 86_400_000).toISOString(),
      });
      return {
        user,
        device: { token: deviceToken, maxAgeSeconds: LOGIN_POLICY.deviceDays * 86_400 },
      };
    },

    /**
     * The current-password check of a password change, counted against the same per-account budget as logins:
     * a borrowed session cannot be used to guess the password.
     */
    async verifyCurrent(
      user: { id: string; username: string; password_hash: string },
      password: string,
      ip: string,
    ): Promise<void> {
      const c = await deps.users.chargeLoginAttempt(user.id, policy);
      const actor = { id: user.id, username: user.username };
      if (c.count > LOGIN_POLICY.lockAfter) {
        await deps.audit.record({
          action: 'login_failed',
          actor,
          ip,
          detail: { reason: 'locked', during: 'password_change' },
        });
        throw new AppError(
          'rate_limited',
          `当前密码输错次数过多，请 ${LOGIN_POLICY.lockMinutes} 分钟后再试或联系管理员`,
        );
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        await deps.audit.record({
          action: 'login_failed',
          actor,
          ip,
          detail: { reason: 'bad_password', during: 'password_change' },
        });
        if (c.count === LOGIN_POLICY.lockAfter)
          await deps.audit.record({
            action: 'account_locked',
            actor,
            ip,
            detail: { during: 'password_change' },
          });
        throw new AppError('invalid_credentials', '当前密码不正确', { field: 'currentPassword' });
      }
      await deps.users.resetFailedLogins(user.id);
    },
  };
}

/** What the audit keeps of a name that matched no account: its first character and its length, e.g. "a******". */
export function typedNameHint(typed: string): string {
  const chars = [...typed];
  return chars.length ? `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 31))}` : '';
}
