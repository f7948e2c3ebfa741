import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, stripTags } from './strip-html-like-php.js';

describe('decodeHtmlEntities (PHP html_entity_decode, ENT_QUOTES)', () => {
  it.each([
    ['AT&amp;T', 'AT&T'],
    ['&lt;b&gt;', '<b>'],
    ['&quot;quoted&quot; &#39;single&#039;', '"quoted" \'single\''],
    ['caf&eacute; &euro;5 &hellip;', 'café €5 …'],
    ['&#x1F600; &#128512;', '😀 😀'],
    ['&amp;amp;', '&amp;'],
    ['&unknown; & alone &amp', '&unknown; & alone &amp'],
    ['&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'],
  ])('%s → %s', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});

describe('stripTags (PHP strip_tags)', () => {
  it.each([
    ['VIP <b>customer</b>', 'VIP customer'],
    ['a < b and c > d', 'a < b and c > d'],
    ['x<y', 'x'],
    ['trailing <', 'trailing '],
    ['<a href="x>y">link</a>', 'link'],
    ["<img alt='>' src=x>after", 'after'],
    ['<!-- note --> shown', ' shown'],
    ['<!-- never closed', ''],
    ['<div<nested>>text', 'text'],
    ['nul\u0000byte', 'nulbyte'],
    ['<script>alert(1)</script>', 'alert(1)'],
  ])('%j → %j', (input, expected) => {
    expect(stripTags(input)).toBe(expected);
  });
});
