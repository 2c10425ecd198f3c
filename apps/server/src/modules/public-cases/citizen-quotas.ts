import { AppError } from '../../core/errors';
import { IpThrottle } from '../../core/http/ip-throttle';

/** Citizens' photos are phone pictures; 10 MB is plenty and keeps a flood of uploads cheap to refuse. */
export const PUBLIC_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Who is asking: the network address and the portal's device cookie (docs/security.md, citizen portal). */
export interface Citizen {
  ip: string;
  device: string;
}

export interface CitizenQuotaLimits {
  /** Reports per device in 24 hours. */
  reportsPerDevice: number;
  /** Photos per network address in 24 hours (many homes share one address behind a carrier's NAT). */
  photosPerIp: number;
  /** Photos per device in 24 hours. */
  photosPerDevice: number;
  /** Photos uploaded for one report form (3 attached, a few replaced). */
  photosPerReport: number;
  /** "+1" per device in 24 hours. */
  supportsPerDevice: number;
  /** "+1" per network address in 24 hours. */
  supportsPerIp: number;
}

export const DEFAULT_CITIZEN_QUOTAS: CitizenQuotaLimits = {
  reportsPerDevice: 10,
  photosPerIp: 60,
  photosPerDevice: 15,
  photosPerReport: 6,
  supportsPerDevice: 20,
  supportsPerIp: 100,
};

/**
 * Per-address and per-device quotas of the portal, in process memory like the login throttle: a flood from one
 * address or one browser stops here before it costs a write. A client that drops the cookie gets a new device each
 * time and is held by the address quota alone.
 */
export function createCitizenQuotas(limits: Partial<CitizenQuotaLimits> = {}) {
  const l = { ...DEFAULT_CITIZEN_QUOTAS, ...limits };
  const reportsByDevice = new IpThrottle(l.reportsPerDevice, DAY);
  const photosByIp = new IpThrottle(l.photosPerIp, DAY);
  const photosByDevice = new IpThrottle(l.photosPerDevice, DAY);
  const photosByReport = new IpThrottle(l.photosPerReport, DAY);
  const supportsByDevice = new IpThrottle(l.supportsPerDevice, DAY);
  const supportsByIp = new IpThrottle(l.supportsPerIp, DAY);
  const full = (message: string) => new AppError('upload_quota_exceeded', message);

  return {
    limits: l,
    /** Counts a report of this device, or refuses it. */
    report(who: Citizen, nowMs: number): void {
      if (!reportsByDevice.attempt(`d:${who.device}`, nowMs))
        throw new AppError('rate_limited', '本设备今日提交次数已达上限，请明天再试');
    },
    /** Counts a "+1" against the device and the address, or refuses it (nothing counted). */
    support(who: Citizen, nowMs: number): void {
      if (supportsByDevice.blocked(`d:${who.device}`, nowMs))
        throw new AppError('rate_limited', '本设备今日 +1 次数已达上限，请明天再试');
      if (supportsByIp.blocked(who.ip, nowMs))
        throw new AppError('rate_limited', '当前网络今日 +1 次数已达上限，请稍后再试');
      supportsByDevice.fail(`d:${who.device}`, nowMs);
      supportsByIp.fail(who.ip, nowMs);
    },
    /** Counts a photo upload against the address, the device and the report, or refuses it (nothing counted). */
    photo(who: Citizen, report: string, nowMs: number): { refund(): void } {
      if (photosByReport.blocked(report, nowMs))
        throw full(`每次上报最多上传 ${l.photosPerReport} 张照片`);
      if (photosByDevice.blocked(`d:${who.device}`, nowMs))
        throw full('本设备今日上传照片已达上限，请明天再试');
      if (photosByIp.blocked(who.ip, nowMs)) throw full('当前网络今日上传照片已达上限，请稍后再试');
      for (const [t, k] of [
        [photosByReport, report],
        [photosByDevice, `d:${who.device}`],
        [photosByIp, who.ip],
      ] as const)
        t.fail(k, nowMs);
      return {
        // A refused file (wrong type, too large) or a repeat of the same bytes does not use the quota.
        refund: () => {
          photosByReport.refund(report, nowMs);
          photosByDevice.refund(`d:${who.device}`, nowMs);
          photosByIp.refund(who.ip, nowMs);
        },
      };
    },
  };
}
export type CitizenQuotas = ReturnType<typeof createCitizenQuotas>;
