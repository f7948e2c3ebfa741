import { describe, expect, it } from 'vitest';
import { clearComm100VisitorData } from './browser.js';
import { comm100PrechatFieldTypes } from './comm100-api.js';

/** A widget that is already running, in a window object of its own, logging the calls it gets. */
function runningWidget(form: { type: string; value: string }[]) {
  const calls: unknown[][] = [];
  const Comm100API = {
    get: (...args: unknown[]) => {
      calls.push(['get', ...args]);
      return form.map((field) => ({ ...field }));
    },
    set: (...args: unknown[]) => void calls.push(['set', ...args]),
  };
  return { window: { Comm100API }, calls };
}

describe('clearComm100VisitorData', () => {
  it('defaults to blanking the four pre-chat field types the adapter fills (its zod-free copy has not drifted)', async () => {
    const widget = runningWidget(comm100PrechatFieldTypes.map((type) => ({ type, value: 'x' })));
    const result = await clearComm100VisitorData({ customVariables: [], window: widget.window });
    expect(result).toEqual({ ok: true, value: { customVariables: [], prechatFields: [...comm100PrechatFieldTypes] }, diagnostics: [] });
  });

  it('makes exactly the documented Visitor-side API calls on the window it is given, with the campaign', async () => {
    const widget = runningWidget([
      { type: 'name', value: 'Ada' },
      { type: 'text', value: 'typed by the visitor' },
    ]);
    const result = await clearComm100VisitorData({ customVariables: ['plan'], campaignId: 7, window: widget.window, timeoutMs: 0 });
    expect(result.ok).toBe(true);
    expect(widget.calls).toEqual([
      ['set', 'livechat.customVariables', [{ name: 'plan', value: '' }]],
      ['get', 'livechat.prechat.fields', 7],
      // Fields of other types go back unchanged: Comm100 writes the whole list back.
      ['set', 'livechat.prechat.fields', [{ type: 'name', value: '' }, { type: 'text', value: 'typed by the visitor' }], 7],
    ]);
  });

  it('does not write the form back when it has none of the given types', async () => {
    const widget = runningWidget([{ type: 'text', value: 'kept' }]);
    const result = await clearComm100VisitorData({ customVariables: [], prechatFields: ['email'], window: widget.window });
    expect(result).toEqual({ ok: true, value: { customVariables: [], prechatFields: [] }, diagnostics: [] });
    expect(widget.calls).toEqual([['get', 'livechat.prechat.fields']]);
  });
});
