import { createHash, randomBytes } from 'node:crypto';
import type { PowChallenge, PowSolution } from '@wangge/shared';
import { AppError } from '../../core/errors';
import { sameHash } from './receipt-secret';

/**
 * Proof of work for anonymous writes, with no outside service: the server hands out a signed challenge, the browser
 * finds a nonce whose SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits (about 2^difficulty hashes:
 * a second on a phone at 16, nothing for one resident, a real cost for a script sending thousands), and the server
 * checks it once. The signature means no state until a challenge is spent; the spent list makes each one single use.
 */
export const POW_DIFFICULTY = 16;
export const POW_TTL_MS = 10 * 60_000;

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const digest = (challenge: string, nonce: string) =>
  createHash('sha256').update(`${challenge}:${nonce}`).digest();

/** The client's search, for tests and scripted clients (the browser does the same in a Web Worker). */
export function solvePow(challenge: string, difficulty: number): string {
  const prefix = createHash('sha256').update(`${challenge}:`);
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (leadingZeroBits(prefix.copy().update(nonce).digest()) >= difficulty) return nonce;
  }
}

export interface PowDeps {
  /** Keyed signature of a payload (the field cipher's lookup HMAC). */
  sign(payload: string): string;
  now(): Date;
  /** Records a challenge id as used; false when it was already used. */
  spend(id: string, expiresAt: string): Promise<boolean>;
  /** Drops spent ids that have expired. */
  forget(before: string): Promise<void>;
  difficulty?: number;
}

export function createPow(deps: PowDeps) {
  const difficulty = deps.difficulty ?? POW_DIFFICULTY;
  const refuse = (message: string) => new AppError('validation_failed', message, { field: 'pow' });
  const signatureOf = (payload: string) => deps.sign(`pow:${payload}`).slice(0, 43);
  let lastSweep = 0;

  return {
    difficulty,
    issue(): PowChallenge {
      const now = deps.now().getTime();
      const expires = now + POW_TTL_MS;
      const payload = `${randomBytes(12).toString('base64url')}.${expires.toString(36)}.${difficulty}`;
      return {
        challenge: `${payload}.${signatureOf(payload)}`,
        difficulty,
        expiresAt: new Date(expires).toISOString(),
      };
    },

    /** Accepts a solution once, or refuses it with field `pow` (missing, forged, expired, too easy, reused). */
    async verify(solution: PowSolution | undefined): Promise<void> {
      if (!solution) throw refuse('请先完成提交验证 (页面会自动计算，请稍候再提交)');
      const parts = solution.challenge.split('.');
      if (parts.length !== 4) throw refuse('提交验证无效，请刷新页面重试');
      const [id, expiresB36, bits, signature] = parts as [string, string, string, string];
      const payload = `${id}.${expiresB36}.${bits}`;
      if (!sameHash(signature, signatureOf(payload))) throw refuse('提交验证无效，请刷新页面重试');
      const now = deps.now().getTime();
      const expires = parseInt(expiresB36, 36);
      if (!(expires > now)) throw refuse('提交验证已过期，请重新提交');
      if (Number(bits) < difficulty) throw refuse('提交验证无效，请刷新页面重试');
      if (leadingZeroBits(digest(solution.challenge, solution.nonce)) < Number(bits))
        throw refuse('提交验证未通过，请重新提交');
      if (!(await deps.spend(id, new Date(expires).toISOString())))
        throw refuse('提交验证已使用过，请重新提交');
      if (now - lastSweep > POW_TTL_MS) {
        lastSweep = now;
        await deps.forget(new Date(now).toISOString());
      }
    },
  };
}
export type Pow = ReturnType<typeof createPow>;
