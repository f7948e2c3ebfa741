import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { parseOptionAssignments, parseOptionsDocument } from './option-assignments.js';

describe('parseOptionAssignments', () => {
  it('keeps name=value as text and parses name:=json', () => {
    expect(parseOptionAssignments(['siteId=123', 'count:=123', 'prechat:=true', 'keys:=["a","b"]', 'empty=', 'equation=a=b'], '--option')).toEqual({
      siteId: '123',
      count: 123,
      prechat: true,
      keys: ['a', 'b'],
      empty: '',
      equation: 'a=b',
    });
  });

  it('nests dotted names, lets later assignments win, and starts from a base it does not change', () => {
    const base = { widget: { org: 'acme' }, mode: 'popover' };
    const options = parseOptionAssignments(['widget.bindId=b', 'widget.guid=g', 'mode=inline', 'mode=embedded'], '--option', base);
    expect(options).toEqual({ widget: { org: 'acme', bindId: 'b', guid: 'g' }, mode: 'embedded' });
    expect(base).toEqual({ widget: { org: 'acme' }, mode: 'popover' });
  });

  it.each([
    ['nonce', 'is not name=value or name:=json'],
    ['=value', 'is not name=value or name:=json'],
    ['__proto__.polluted:=true', 'is not a valid option name'],
    ['widget.constructor.prototype.x=1', 'is not a valid option name'],
    ['a..b=1', 'is not a valid option name'],
    ['count:=12abc', 'the value after := must be JSON'],
    ['payload:={"__proto__":{"x":1}}', 'the value after := must be JSON'],
  ])('refuses %s as a usage error', (assignment, message) => {
    expect(() => parseOptionAssignments([assignment], '--option')).toThrow(message);
    expect(() => parseOptionAssignments([assignment], '--option')).toThrow(CliUsageError);
  });

  it('refuses to nest below a value that is not an object', () => {
    expect(() => parseOptionAssignments(['widget=x', 'widget.bindId=b'], '--option')).toThrow('widget is already set to a value that is not an object');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseOptionsDocument', () => {
  it('accepts a JSON object and refuses anything else', () => {
    expect(parseOptionsDocument('{"siteId": "abc"}', 'options.json')).toEqual({ siteId: 'abc' });
    expect(() => parseOptionsDocument('[1]', 'options.json')).toThrow('options.json must hold a JSON object of options.');
    expect(() => parseOptionsDocument('{"__proto__": {}}', 'options.json')).toThrow(/options\.json is not usable options JSON: .*__proto__/);
  });
});
