import { parseVisitorContext, type VisitorContext } from '@visitor-context/core';
import { findDemoVisitor } from '../src/demo-visitors.js';
import type { VendorDemo } from '../src/vendor-demo.js';
import { readConfig } from '../src/config.js';

/** The custom variables of the demo Comm100 account (what its Control Panel would define). */
const comm100CustomVariables = readConfig({}).accounts.comm100?.customVariables ?? [];

/** The demo visitor's canonical context, validated as the server does. */
export function demoContext(visitorId: string): VisitorContext {
  const parsed = parseVisitorContext(findDemoVisitor(visitorId)?.session);
  if (!parsed.ok) throw new Error(`demo visitor ${visitorId} is invalid: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.value;
}

type Json = Record<string, unknown>;

/**
 * What each vendor's agent panel must show for a context: derived from the adapter's own payload (what the
 * page hands the vendor), in the shape the vendor's stand-in reports what it received.
 */
export async function expectedPanel(vendor: VendorDemo, context: VisitorContext | undefined): Promise<unknown> {
  const payload = await vendor.clientPayload(context);
  if (!payload.ok) throw new Error(`${vendor.id} could not translate: ${JSON.stringify(payload.diagnostics)}`);
  const value = payload.value as Json;
  switch (vendor.id) {
    case 'giosg':
      return { data: value['visitorData'] };
    case 'genesys': {
      const attributes = ((value['options'] as Json)['messaging'] as Json)['customAttributes'];
      return { messengerDatabase: { messaging: { customAttributes: attributes } } };
    }
    case 'comm100':
      if (context === undefined) {
        // Logged out: the page blanked every custom variable the Control Panel defines (a blank one still
        // shows, empty) and every form field, so none of the last visitor's data is left.
        return { customVariables: Object.fromEntries(comm100CustomVariables.map((name) => [name, ''])), prechat: {} };
      }
      return {
        customVariables: Object.fromEntries((value['customVariables'] as { name: string; value: string }[]).map((item) => [item.name, item.value])),
        // The agent sees the form's filled-in fields; a blanked field is an empty form field, not shown.
        prechat: Object.fromEntries(
          (value['prechatFields'] as { type: string; value: string }[]).filter((item) => item.value !== '').map((item) => [item.type, item.value]),
        ),
      };
    case 'wxcc':
      return value['custom_chat_fields'];
    case 'imsupporting':
      return Object.keys(value).length === 0 ? { source: 'none' } : { visitorContext: value };
    default:
      throw new Error(`no panel expectation for ${vendor.id}`);
  }
}
