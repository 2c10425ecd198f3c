import { useState } from 'react';
import type { PublicDuplicates, PublicReportRequest } from '@wangge/shared';
import { fetchDuplicates } from './board-api';
import { solvePow } from './pow/solve-pow';

type Body = Omit<PublicReportRequest, 'pow'>;

/**
 * What happens between 提交 and the request: first the same class nearby is looked up, and if there is an open
 * report the resident is offered "+1" instead (they may still submit); then a fresh challenge is solved (a second or
 * so on a phone, in a Web Worker) and sent with the report.
 */
export function useGuardedSubmit(send: (body: PublicReportRequest) => void) {
  const [offer, setOffer] = useState<{ items: PublicDuplicates['items']; body: Body } | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const solveAndSend = async (body: Body) => {
    setOffer(null);
    setError(null);
    setWorking(true);
    try {
      send({ ...body, pow: await solvePow() });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };

  return {
    offer,
    working,
    error,
    async submit(body: Body) {
      if (body.lng !== undefined && body.lat !== undefined && body.classCode) {
        setWorking(true);
        const found = await fetchDuplicates({
          lng: body.lng,
          lat: body.lat,
          classCode: body.classCode,
        })
          .catch(() => null)
          .finally(() => setWorking(false));
        if (found?.items.length) {
          setOffer({ items: found.items, body });
          return;
        }
      }
      await solveAndSend(body);
    },
    /** "Not the same problem": send it after all. */
    submitAnyway: () => (offer ? solveAndSend(offer.body) : Promise.resolve()),
    dismiss: () => setOffer(null),
  };
}
