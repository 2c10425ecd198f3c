import { XMLBuilder } from 'fast-xml-parser';

// GeoReport v2 answers in XML (required) and JSON (a mechanical mapping of the XML): the resource's suffix decides.
// A list root in XML (<services><service>…) is a JSON array; a service definition and discovery are JSON objects.

export type Format = 'xml' | 'json';
export const FORMATS: readonly Format[] = ['xml', 'json'];

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** A value in an answer: text, number, boolean, null (an empty element / JSON null), a nested object or a list. */
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

/** How a list renders in XML: the element of each item (e.g. attributes → attribute). */
export type ItemNames = Readonly<Record<string, string>>;

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/** XML nodes: a list becomes one wrapper with repeated item elements; null an empty element. */
function toXmlNode(v: Value, items: ItemNames, key: string): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) {
    const item = items[key];
    if (!item) throw new Error(`no XML item name for list ${key}`);
    return { [item]: v.map((x) => toXmlNode(x, items, item)) };
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toXmlNode(x, items, k);
    return out;
  }
  return String(v);
}

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * An answer whose root is a list (`root` of `item`s), or an object (`root` itself), in either format.
 * `items` names the elements of nested lists.
 */
export function render(format: Format, root: string, body: Value, items: ItemNames = {}): string {
  if (format === 'json') return JSON.stringify(body);
  const node = toXmlNode(body, items, root);
  return `${XML_HEAD}${builder.build({ [root]: node === '' ? '' : node })}`;
}

/** W3C ISO 8601 in China Standard Time with the zone spelled out: 2026-03-05T09:30:00+08:00. */
export function isoShanghai(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}
