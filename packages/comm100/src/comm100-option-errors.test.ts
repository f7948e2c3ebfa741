/* Option errors through Comm100's real schemas: each names the option, what it must be and what it got. */
import { describe, expect, it } from 'vitest';
import { createComm100Adapter, renderComm100Snippet } from './index.js';

const messages = (result: { readonly diagnostics: readonly { readonly message: string }[] }): string[] =>
  result.diagnostics.map((item) => item.message);

describe('Comm100 option errors', () => {
  it('explain a site id given as text, a missing campaign id and a typo in the snippet options', () => {
    const result = renderComm100Snippet({}, { siteId: '10000', campaignID: 'abc' } as never);
    expect(result.ok).toBe(false);
    expect(messages(result)).toEqual([
      'Option siteId (required) must be a whole number greater than 0; got the string "10000". See the adapter\'s README for its options.',
      'Option campaignId is required: give a string matching /^[A-Za-z0-9-]{1,64}$/ or a whole number greater than 0. See the adapter\'s README for its options.',
      expect.stringMatching(/^Unknown option "campaignID"\. Did you mean "campaignId"\? Known options: strict, customVariables, fieldVariables, prechat, skipPrechat, siteId, campaignId, scriptUrl, standbyScriptUrl, nonce\./),
    ]);
  });

  it('explain invalid factory options in the TypeError', () => {
    expect(() => createComm100Adapter({ customVariable: ['plan'] } as never)).toThrow(
      /^Invalid Comm100 adapter options: Unknown option "customVariable"\. Did you mean "customVariables"\?/,
    );
    expect(() => createComm100Adapter({ prechat: 'no' } as never)).toThrow('Option prechat (optional) must be true or false; got the string "no".');
  });
});
