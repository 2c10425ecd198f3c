/**
 * Publishing (freezing) a period and recomputing a published one (docs/indicators.md §6), and editing assessment
 * schemes (§7). Publishing copies the facts that place figures in the period, so its figures, rankings and
 * drill-downs stop moving; a recompute is a new version beside the old one, audited with its reason.
 */
import {
  BUILTIN_SCHEMES,
  checkScheme,
  periodEnded,
  periodFromKey,
  type AssessmentScheme,
  type Period,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { IndicatorsDeps, IndicatorsService } from './indicators.service';
import type { IndicatorsRepo } from './indicators.repo';
import type { IndicatorPublicationsTable } from './indicators.tables';

const presentPublication = (p: IndicatorPublicationsTable) => ({
  id: p.id,
  periodType: p.period_type,
  periodKey: p.period_key,
  version: p.version,
  publishedAt: p.as_of,
  publishedBy: p.published_by,
  reason: p.reason,
  factCount: p.fact_count,
  current: p.superseded_at === null,
  supersededAt: p.superseded_at,
});
export type PublicationView = ReturnType<typeof presentPublication>;

function endedPeriod(key: string, now: Date): Period {
  const r = periodFromKey(key);
  if (!r.ok) throw new AppError('validation_failed', r.message, { field: 'period' });
  if (r.period.type === 'custom')
    throw new AppError('validation_failed', '只能发布日、周、月、季或年度期间', {
      field: 'period',
    });
  if (!periodEnded(r.period, now))
    throw new AppError('validation_failed', `${r.period.key} 尚未结束，不能发布`, {
      field: 'period',
    });
  return r.period;
}

/** Publishing covers every area: only an account whose scope is the whole jurisdiction may do it. */
function assertWholeScope(actor: Actor) {
  if (!actor.scope.all) throw new AppError('forbidden', '发布与重算考核期间须由全辖区的管理员进行');
}

export function createPublications(
  deps: Pick<IndicatorsDeps, 'db' | 'clock'> & {
    audit: Pick<AuditService, 'record'>;
    /** Display names of the accounts that published. */
    userNames(ids: string[]): Promise<Map<string, string>>;
  },
  repo: IndicatorsRepo,
  service: Pick<IndicatorsService, 'currentSchemes'>,
) {
  async function freeze(actor: Actor, period: Period, reason: string | null) {
    const now = deps.clock.now().toISOString();
    const schemes = await service.currentSchemes();
    return deps.db.transaction().execute(async (tx) => {
      const existing = await repo.publications(period.type, period.key, tx);
      const current = existing.find((p) => p.superseded_at === null) ?? null;
      if (reason === null && current)
        throw new AppError(
          'conflict',
          `${period.key} 已发布（第 ${current.version} 版）；如需更正请重算`,
          {
            field: 'period',
          },
        );
      if (reason !== null && !current)
        throw new AppError('validation_failed', `${period.key} 尚未发布`, { field: 'period' });
      const pub: IndicatorPublicationsTable = {
        id: newId(),
        period_type: period.type,
        period_key: period.key,
        version: (existing[0]?.version ?? 0) + 1,
        as_of: now,
        published_by: actor.id,
        reason,
        schemes: JSON.stringify(schemes),
        fact_count: 0,
        superseded_at: null,
      };
      const count = await repo.publish(
        tx,
        pub,
        period.start,
        period.end,
        current ? { id: current.id, at: now } : null,
      );
      await deps.audit.record(
        {
          action: reason === null ? 'indicators_published' : 'indicators_recomputed',
          actor,
          targetType: 'indicator_period',
          targetId: `${period.type}:${period.key}`,
          detail: {
            ...(reason !== null ? { reason } : {}),
            period: period.key,
            version: pub.version,
            ...(current ? { replaces: current.version } : {}),
            facts: count,
          },
        },
        tx,
      );
      return presentPublication({ ...pub, fact_count: count });
    });
  }

  return {
    /** Freezes an ended period's figures (version 1). */
    publish(actor: Actor, periodKey: string) {
      assertWholeScope(actor);
      return freeze(actor, endedPeriod(periodKey, deps.clock.now()), null);
    },

    /** A new version of a published period from today's facts; the earlier one stays readable. */
    recompute(actor: Actor, periodKey: string, reason: string) {
      assertWholeScope(actor);
      return freeze(actor, endedPeriod(periodKey, deps.clock.now()), reason);
    },

    async list(periodKey?: string) {
      let rows: IndicatorPublicationsTable[];
      if (!periodKey) rows = await repo.allPublications(200);
      else {
        const r = periodFromKey(periodKey);
        if (!r.ok) throw new AppError('validation_failed', r.message, { field: 'period' });
        rows = await repo.publications(r.period.type, r.period.key);
      }
      const names = await deps.userNames(
        rows.flatMap((p) => (p.published_by ? [p.published_by] : [])),
      );
      return rows.map((p) => ({
        ...presentPublication(p),
        publishedByName: p.published_by ? (names.get(p.published_by) ?? null) : null,
      }));
    },

    schemes: () => service.currentSchemes(),

    /** Replaces a scheme's weights, bands and options (a new version); refused whole when anything is wrong. */
    async saveScheme(actor: Actor, code: string, scheme: AssessmentScheme) {
      if (!BUILTIN_SCHEMES.some((b) => b.code === code))
        throw new AppError('not_found', `考核方案 ${code} 不存在`, { field: 'code' });
      if (scheme.code !== code)
        throw new AppError('validation_failed', '方案编码与地址不一致', { field: 'code' });
      const issue = checkScheme(scheme)[0];
      if (issue) throw new AppError('validation_failed', issue.message, { field: issue.field });
      const at = deps.clock.now().toISOString();
      return deps.db.transaction().execute(async (tx) => {
        const version = await repo.saveScheme(tx, code, JSON.stringify(scheme), actor.id, at);
        await deps.audit.record(
          {
            action: 'assessment_scheme_changed',
            actor,
            targetType: 'assessment_scheme',
            targetId: code,
            detail: { version },
          },
          tx,
        );
        return { ...scheme, version };
      });
    },
  };
}
export type Publications = ReturnType<typeof createPublications>;
