import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import type { TestApp } from '../../../test/test-app';
import type { Session } from '../../../test/factories';

/** The lists of GeoReport v2 XML, read back as arrays even with one item. */
const LISTS = new Set([
  'service',
  'request',
  'error',
  'attribute',
  'value',
  'endpoint',
  'format',
  'note',
]);
// Values stay text ("06010" keeps its zero), as a client reading the spec would take them.
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.has(name) });

// Answers are arbitrary documents the tests read field by field, as a client would.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Answer {
  status: number;
  type: string;
  text: string;
  json(): any;
  xml(): any;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The app on a real socket: Open311 clients speak HTTP, so the suite does too. */
export async function listen(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/open311/v2`;
  const answer = async (res: Response): Promise<Answer> => {
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text,
      json: () => JSON.parse(text),
      xml: () => parser.parse(text),
    };
  };
  return {
    base,
    get: async (path: string) => answer(await fetch(`${base}${path}`)),
    /** A form post, as the spec sends it (application/x-www-form-urlencoded). */
    post: async (path: string, form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form))
        for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return answer(
        await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: body.toString(),
        }),
      );
    },
  };
}
export type Client = Awaited<ReturnType<typeof listen>>;

/** Issues a partner key as the administrator; the key itself is in the answer only. */
export async function issueKey(admin: Session, name = '市民通 App', serviceCodes?: string[]) {
  const res = await admin.post('/api/open311/keys', {
    name,
    ...(serviceCodes ? { serviceCodes } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`issue key: ${res.statusCode} ${res.body}`);
  return res.json() as { key: { id: string; prefix: string }; apiKey: string };
}

/** The error list of an answer in either format, as {code, description}[]. */
export function errorsOf(a: Answer): { code: string; description: string }[] {
  if (a.type.startsWith('text/xml'))
    return (a.xml().errors.error as { code: string; description: string }[]).map((e) => ({
      code: String(e.code),
      description: e.description,
    }));
  return (a.json() as { code: number; description: string }[]).map((e) => ({
    code: String(e.code),
    description: e.description,
  }));
}
