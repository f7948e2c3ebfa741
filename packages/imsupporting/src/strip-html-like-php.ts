/**
 * The IMSupporting server "HTML-decodes then strip-tags" every value. Its examples are PHP, so these mirror
 * PHP's `html_entity_decode` (ENT_QUOTES, HTML 4.01 entities) and `strip_tags`, closely enough to tell a user
 * before production that a value will not be stored as sent. Named entities outside the table below are left
 * as they are (PHP would decode the rarer HTML 4.01 Greek and math ones too).
 */

/** HTML 4.01 Latin-1 entity names, in code point order from U+00A0. */
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

const otherEntities: Record<string, number> = {
  quot: 0x22, amp: 0x26, lt: 0x3c, gt: 0x3e, OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161,
  Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c,
  zwj: 0x200d, lrm: 0x200e, rlm: 0x200f, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019,
  sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022,
  hellip: 0x2026, permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e,
  frasl: 0x2044, euro: 0x20ac, trade: 0x2122, larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193,
  harr: 0x2194, minus: 0x2212, infin: 0x221e, ne: 0x2260, le: 0x2264, ge: 0x2265, loz: 0x25ca, spades: 0x2660,
  clubs: 0x2663, hearts: 0x2665, diams: 0x2666,
};

const namedEntities = new Map<string, number>(Object.entries(otherEntities));
latin1Names.split(' ').forEach((name, index) => namedEntities.set(name, 0xa0 + index));

const entityPattern = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));/g;

/** Decodes character references like PHP's `html_entity_decode` with ENT_QUOTES; unknown ones stay as they are. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entityPattern, (reference, decimal?: string, hex?: string, name?: string) => {
    const codePoint =
      decimal !== undefined ? Number.parseInt(decimal, 10) : hex !== undefined ? Number.parseInt(hex, 16) : namedEntities.get(name ?? '');
    if (codePoint === undefined || codePoint === 0 || codePoint > 0x10ffff) return reference;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return reference;
    return String.fromCodePoint(codePoint);
  });
}

/** C's `isspace`, which PHP uses to decide that a `<` does not open a tag. */
const isSpace = (character: string | undefined): boolean =>
  character !== undefined && ' \t\n\v\f\r'.includes(character);

/**
 * Removes tags like PHP's `strip_tags`: a `<` not followed by whitespace opens a tag that runs to the
 * matching `>` (quotes and nested `<` respected); `<!-- … -->` comments go; an unterminated tag swallows the
 * rest of the text; NUL characters are removed.
 */
export function stripTags(text: string): string {
  if (!text.includes('<') && !text.includes('\u0000')) return text;
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index] as string;
    if (character === '\u0000') {
      index++;
      continue;
    }
    if (character !== '<' || isSpace(text[index + 1])) {
      output += character;
      index++;
      continue;
    }
    const end = text.startsWith('<!--', index) ? commentEnd(text, index) : tagEnd(text, index);
    if (end < 0) break;
    index = end;
  }
  return output;
}

/** The index after the comment's `-->`, or -1 when it never closes. */
function commentEnd(text: string, start: number): number {
  const close = text.indexOf('-->', start + 4);
  return close < 0 ? -1 : close + 3;
}

/** The index after the tag's closing `>`, or -1 when it never closes. */
function tagEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start + 1; index < text.length; index++) {
    const character = text[index];
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '<') {
      depth++;
    } else if (character === '>') {
      if (depth === 0) return index + 1;
      depth--;
    }
  }
  return -1;
}
