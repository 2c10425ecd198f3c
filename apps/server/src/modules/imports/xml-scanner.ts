/**
 * A minimal incremental XML tokenizer for the parts of an xlsx file: text arrives in chunks of any size (a tag or an
 * entity may straddle two chunks) and comes out as open/close/text events. It knows what spreadsheet XML uses —
 * elements, attributes, the predefined and numeric entities, comments, processing instructions, CDATA — and refuses
 * a DOCTYPE, so no entity defined by the file is ever expanded. Namespace prefixes are dropped (x:row is row).
 */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  /** Character data with entities decoded; may come in several pieces for one text node. */
  text(text: string): void;
}

export class XmlError extends Error {}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes &amp; &lt; &gt; &quot; &apos; &#nnn; &#xhh;. Unknown or invalid references are kept as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? whole : String.fromCodePoint(code);
  });
}

/** Excel's _xHHHH_ escapes (a carriage return is _x000D_), decoded as exceljs does. */
export const unescapeX = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

/**
 * A copy of `s` that does not keep the decoded chunk it was cut from alive: V8 stores a substring of 13 or more
 * characters as a view on its parent, so one kept ID number would pin its whole 64 KiB chunk — the sheet's entire
 * XML, over a 100,000-row file. Prefixing makes a cons string that slice() flattens into a copy of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function parseAttrs(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!raw.includes('=')) return attrs;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    // xml:space keeps its prefix (it is not a namespace of the document); others lose theirs like element names.
    const name = m[1]!.startsWith('xml:') ? m[1]! : localName(m[1]!);
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Index of the `>` that ends the tag opened at `from`, skipping quoted attribute values; -1 when not there yet. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** No tag, comment or CDATA section of a spreadsheet comes near this: longer unfinished markup is refused. */
const MAX_PENDING = 1 << 20;

const BAD_NAME = /[<>&"'=]/;

export class XmlScanner {
  private pending = '';
  /** Open elements, to refuse mismatched or unclosed ones (a truncated or spliced part). */
  private readonly stack: string[] = [];
  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    this.pending = this.pending ? this.pending + chunk : chunk;
    this.pending = this.pending.slice(this.scan(this.pending));
    if (this.pending.length > MAX_PENDING) throw new XmlError('markup too long');
  }

  /** The input is complete: anything left unconsumed is a truncated document. */
  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (rest.includes('<') || this.stack.length) throw new XmlError('unterminated markup');
    if (rest) this.handler.text(decodeEntities(rest));
  }

  /** Emits every complete token of `s` and returns where the unconsumed rest starts. */
  private scan(s: string): number {
    const h = this.handler;
    let pos = 0;
    while (pos < s.length) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end may stop inside an entity: keep from its `&` until the next chunk completes it.
        const amp = s.lastIndexOf('&');
        const cut = amp >= pos && !s.includes(';', amp) ? amp : s.length;
        if (cut > pos) h.text(decodeEntities(s.slice(pos, cut)));
        return cut;
      }
      if (lt > pos) h.text(decodeEntities(s.slice(pos, lt)));
      pos = lt;
      const next = s[lt + 1];
      if (next === undefined) return pos;
      if (next === '!') {
        if (s.startsWith('<!--', lt)) {
          const close = s.indexOf('-->', lt + 4);
          if (close < 0) return pos;
          pos = close + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const close = s.indexOf(']]>', lt + 9);
          if (close < 0) return pos;
          if (close > lt + 9) h.text(s.slice(lt + 9, close));
          pos = close + 3;
        } else if (s.length - lt < 9) return pos;
        else throw new XmlError('DOCTYPE and other declarations are not accepted');
        continue;
      }
      if (next === '?') {
        const close = s.indexOf('?>', lt + 2);
        if (close < 0) return pos;
        pos = close + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) return pos;
      if (next === '/') {
        const name = localName(s.slice(lt + 2, gt).trim());
        if (this.stack.pop() !== name) throw new XmlError(`unexpected </${name}>`);
        h.close(name);
      } else {
        const selfClosing = s[gt - 1] === '/';
        const body = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const space = body.search(/\s/);
        const name = localName(space < 0 ? body : body.slice(0, space));
        if (!name || BAD_NAME.test(name)) throw new XmlError('bad element name');
        h.open(name, space < 0 ? {} : parseAttrs(body.slice(space)));
        if (selfClosing) h.close(name);
        else this.stack.push(name);
      }
      pos = gt + 1;
    }
    return pos;
  }
}
