import { SaxesParser } from 'saxes';

/**
 * The XML side of the xlsx reader, on saxes (a well-formedness-checking streaming parser): text arrives in chunks of
 * any size (a tag or an entity may straddle two chunks) and comes out as open/close/text events. A DOCTYPE is
 * refused, so no entity defined by the file is ever expanded; namespace prefixes are dropped (x:row is row).
 * Also here: the two string helpers the xlsx parts need (Excel's _xHHHH_ escapes, detaching kept substrings).
 */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  /** Character data with entities decoded; may come in several pieces for one text node. */
  text(text: string): void;
}

export class XmlError extends Error {}

/** Excel's _xHHHH_ escapes (a carriage return is _x000D_), decoded as exceljs does. */
export const unescapeX = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/**
 * A copy of `s` that does not keep the decoded chunk it was cut from alive: V8 stores a substring of 13 or more
 * characters as a view on its parent, so one kept ID number would pin its whole chunk — the sheet's entire
 * XML, over a 100,000-row file. Prefixing makes a cons string that slice() flattens into a copy of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function localAttrs(raw: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  // xml:space keeps its prefix (it is not a namespace of the document); others lose theirs like element names.
  for (const name in raw) attrs[name.startsWith('xml:') ? name : localName(name)] = raw[name]!;
  return attrs;
}

/** Feeds saxes and turns its events (and its errors, and any DOCTYPE) into the handler's calls and XmlError. */
export class XmlScanner {
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  constructor(handler: XmlHandler) {
    const p = this.parser;
    p.on('opentag', (tag) => handler.open(localName(tag.name), localAttrs(tag.attributes)));
    p.on('closetag', (tag) => handler.close(localName(tag.name)));
    p.on('text', (t) => handler.text(t));
    p.on('cdata', (t) => handler.text(t));
    p.on('doctype', () => {
      throw new XmlError('DOCTYPE and other declarations are not accepted');
    });
    p.on('error', (err) => {
      throw new XmlError(err.message);
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** The input is complete: an unclosed element is a truncated document. */
  end(): void {
    this.parser.close();
  }
}
