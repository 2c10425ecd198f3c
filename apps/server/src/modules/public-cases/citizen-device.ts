import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Citizen } from './citizen-quotas';

/** The portal's device cookie: a random id per browser, the key of the per-device quotas. It carries nothing else. */
export const CITIZEN_DEVICE_COOKIE = 'wangge_citizen';
const FORMAT = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * Who is asking: the address and the device cookie, issued on the first write that needs it. A missing or malformed
 * cookie gets a fresh id (so the quota of that request still counts somewhere) and the address quota holds the rest.
 */
export function citizenOf(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { secureCookies: boolean },
): Citizen {
  const given = req.cookies[CITIZEN_DEVICE_COOKIE];
  if (given && FORMAT.test(given)) return { ip: req.ip, device: given };
  const device = randomBytes(16).toString('base64url');
  reply.setCookie(CITIZEN_DEVICE_COOKIE, device, {
    httpOnly: true,
    sameSite: 'strict',
    secure: opts.secureCookies || req.protocol === 'https',
    path: '/api/public',
    maxAge: ONE_YEAR_S,
  });
  return { ip: req.ip, device };
}
