import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PublicCodeResult } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { IpThrottle } from '../../core/http/ip-throttle';
import { newId } from '../../core/ids';
import type { CodeSender } from './code-sender';
import type { createPublicCasesRepo } from './public-cases.repo';
import { sameHash } from './receipt-secret';

const MINUTE = 60_000;
/** A code lives 10 minutes, is used once and allows 5 wrong tries. */
const CODE_TTL_MS = 10 * MINUTE;
const MAX_TRIES = 5;
/** Codes per phone in a window, counted in the database (every process sees them). */
const CODES_PER_PHONE = 3;
const WINDOW_MS = 10 * MINUTE;
const DAY_MS = 24 * 60 * MINUTE;

export interface PhoneLookupDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  repo: ReturnType<typeof createPublicCasesRepo>;
  /** The deployment's sender, or null when no SMS gateway is configured (and it is not the demo). */
  codeSender(): Promise<CodeSender | null>;
  limits?: { codesPerIp?: number; failedCodesPerIp?: number };
}

/** The phone as stored for lookup: digits only, so 0371-12345678 and 037112345678 are one number. */
export const normalisePhone = (phone: string) => phone.replace(/\D/g, '');

/**
 * 手机号 + 一次性验证码: a citizen who left a phone finds their reports. A code is sent for any well-formed number, with
 * or without reports, and the answer is the same; only the right code opens the list (which may be empty).
 */
export function createPhoneLookup(deps: PhoneLookupDeps) {
  const codeRequests = new IpThrottle(deps.limits?.codesPerIp ?? 10, WINDOW_MS);
  const failures = new IpThrottle(deps.limits?.failedCodesPerIp ?? 10, WINDOW_MS);
  const phoneHash = (phone: string) =>
    deps.cipher.lookupHash(`citizen-phone:${normalisePhone(phone)}`);
  const codeHash = (id: string, code: string) =>
    deps.cipher.lookupHash(`citizen-code:${id}:${code}`);
  const wrong = () =>
    new AppError('validation_failed', '验证码不正确或已过期，请重新获取', { field: 'code' });

  return {
    phoneHash,

    async requestCode(phone: string, ip: string): Promise<PublicCodeResult> {
      const now = deps.clock.now();
      if (!codeRequests.attempt(ip, now.getTime()))
        throw new AppError('rate_limited', '获取验证码过于频繁，请稍后再试');
      const sender = await deps.codeSender();
      if (!sender)
        throw new AppError('forbidden', '本平台未开通短信验证码查询，请使用查询码和查询密码查询');
      const hash = phoneHash(phone);
      const since = new Date(now.getTime() - WINDOW_MS).toISOString();
      if ((await deps.repo.codesSince(hash, since)) >= CODES_PER_PHONE)
        throw new AppError('rate_limited', '该号码获取验证码过于频繁，请 10 分钟后再试', {
          field: 'phone',
        });
      await deps.repo.dropCodesBefore(new Date(now.getTime() - DAY_MS).toISOString());
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
      await deps.repo.insertCode({
        id,
        phone_hash: hash,
        code_hash: codeHash(id, code),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        attempts: 0,
        used_at: null,
      });
      const { shownCode } = await sender.sendCode(normalisePhone(phone), code);
      return { expiresAt, shownCode };
    },

    /** The receipts of a phone once its latest code is given; spends the code. */
    async receiptsOf(phone: string, code: string, ip: string) {
      const now = deps.clock.now();
      if (failures.blocked(ip, now.getTime()))
        throw new AppError('rate_limited', '验证失败次数过多，请稍后再试');
      const hash = phoneHash(phone);
      const row = await deps.repo.latestCode(hash, now.toISOString());
      const ok =
        row !== undefined &&
        row.attempts < MAX_TRIES &&
        sameHash(codeHash(row.id, code), row.code_hash) &&
        // Used once: of two requests with the same code, only the one whose update lands reads the list.
        (await deps.repo.spendCode(row.id, now.toISOString()));
      if (!ok) {
        failures.fail(ip, now.getTime());
        if (row) await deps.repo.countTry(row.id);
        throw wrong();
      }
      return deps.repo.receiptsByPhone(hash, 20);
    },
  };
}
