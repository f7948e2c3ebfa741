import type { JsonObject, VisitorContext } from '@visitor-context/core';
import { describeAdapterConformance, parseHtml, runInlineScripts, type SnippetCase } from '@visitor-context/testkit';
import {
  createGenesysAdapter,
  renderGenesysSnippet,
  type GenesysChannel,
  type GenesysPayload,
} from './index.js';

/** A fresh plain copy: values built inside node:vm have another realm's prototypes. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Runs the Messenger snippet with a recording Genesys, fires Database.ready, and returns the command it issued. */
function readMessengerSnippet(html: string): unknown {
  const calls: unknown[][] = [];
  const genesys = (...args: unknown[]): void => void calls.push(args);
  runInlineScripts(html, { Genesys: genesys });
  const subscription = calls.find((call) => call[0] === 'subscribe' && call[1] === 'Database.ready');
  (subscription?.[2] as (() => void) | undefined)?.();
  const command = calls.find((call) => call[0] === 'command');
  return command === undefined ? undefined : plain({ channel: 'messenger', command: command[1], options: command[2] });
}

function readWebChatSnippet(html: string): unknown {
  let config: { data?: unknown } | undefined;
  runInlineScripts(html, { ININ: { webchat: { create: (given: { data?: unknown }) => void (config = given) } } });
  return config === undefined ? undefined : plain({ channel: 'web-chat', data: config.data });
}

/** Runs the Widgets snippet against a page that already has a widgets config, and reads the userData it leaves. */
function readWidgetsSnippet(html: string): unknown {
  const sandbox = runInlineScripts(html, { _genesys: { widgets: { main: { theme: 'dark' }, webchat: { transport: { type: 'purecloud-v2-sockets' } } } } });
  const genesys = sandbox['_genesys'] as { widgets: { main: unknown; webchat: { transport: unknown; userData?: unknown } } };
  // The page's own config is kept; the snippet only adds userData.
  if (JSON.stringify(plain(genesys.widgets.main)) !== '{"theme":"dark"}') return undefined;
  return plain(genesys.widgets.webchat.userData);
}

/** The Widgets snippet sends the form fields in userData (no WebChat.open is issued to prefill the form). */
function expectedWidgetsUserData(context: VisitorContext): unknown {
  const result = createGenesysAdapter({ channel: 'widgets' }).toVendor(context);
  return result.ok && result.value.channel === 'widgets' ? { ...result.value.form, ...result.value.userData } : undefined;
}

function readJsonBlock(html: string): unknown {
  const parsed = parseHtml(html);
  const block = parsed.elements('script')[0];
  return block === undefined ? undefined : JSON.parse(parsed.text(block));
}

const snippetFor = (channel: GenesysChannel): SnippetCase => ({
  name: `${channel} snippet`,
  render: (context) =>
    renderGenesysSnippet(context, {
      channel,
      nonce: 'r4nd0m',
      ...(channel === 'messenger' ? { deploymentId: 'deployment-1' } : {}),
      ...(channel === 'web-chat' ? { webChatConfig: { orgId: 1 } } : {}),
    }),
  read: channel === 'messenger' ? readMessengerSnippet : channel === 'web-chat' ? readWebChatSnippet : channel === 'widgets' ? readWidgetsSnippet : readJsonBlock,
  ...(channel === 'widgets' ? { expected: expectedWidgetsUserData } : {}),
});

/** What Genesys reports on the customer participant of GET /api/v2/conversations/{id} for this payload. */
function asConversation(attributes: Record<string, string>, prefix: string): JsonObject {
  return {
    id: 'conversation-1',
    participants: [
      { id: 'acd-1', purpose: 'acd', attributes: {} },
      { id: 'customer-1', purpose: 'customer', attributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [`${prefix}${key}`, value])) },
    ],
  };
}

const echoes: Partial<Record<GenesysChannel, (payload: GenesysPayload, context: VisitorContext) => unknown>> = {
  // Web Messaging custom attributes arrive on the participant without a prefix.
  messenger: (payload) => payload.channel === 'messenger' && asConversation(payload.options.messaging.customAttributes, ''),
  // Chat v2 prefixes every data field with "context.".
  'web-chat': (payload) => payload.channel === 'web-chat' && asConversation(payload.data, 'context.'),
  // Widgets v2: the form fields and userData both become context.* attributes.
  widgets: (payload) => payload.channel === 'widgets' && asConversation({ ...payload.form, ...payload.userData }, 'context.'),
  // Guest Chat: customFields become context.* attributes, and displayName the chat participant's name.
  'guest-chat': (payload) => {
    if (payload.channel !== 'guest-chat') return undefined;
    const { displayName, customFields } = payload.body.memberInfo;
    return {
      ...(displayName === undefined ? {} : { name: displayName }),
      purpose: 'customer',
      chats: [{ state: 'connected', provider: 'PureCloud Webchat v2' }],
      attributes: Object.fromEntries(Object.entries(customFields).map(([key, value]) => [`context.${key}`, value])),
    };
  },
};

for (const channel of ['messenger', 'attributes', 'open-messaging', 'web-chat', 'widgets', 'guest-chat'] as const) {
  const echo = echoes[channel];
  describeAdapterConformance(createGenesysAdapter({ channel }), {
    ...(echo === undefined ? {} : { echo }),
    snippets: [snippetFor(channel)],
  });
}
