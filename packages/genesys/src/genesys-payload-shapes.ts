/**
 * The inbound payload shapes `fromVendor` reads: listed in the capabilities (and so the README) and in the
 * `unrecognized_payload` warning, from this one list.
 */
export const genesysPayloadShapes: readonly string[] = [
  'a conversation of `GET /api/v2/conversations/{conversationId}` (`id`, `participants[]`): the participant with purpose `customer` (option `participantPurpose`)',
  'an analytics conversation row of `POST /api/v2/analytics/conversations/details/query` or a details job (`conversationId`, `participants[]` with `participantId`, `participantName`, `purpose`, `attributes`), or such a response holding exactly one row in `conversations`',
  'one participant (`purpose`, `attributes`)',
  'an Open Messaging message (`channel.from`, `channel.metadata.customAttributes`), the Guest API `onMessage` frame or its `message`',
  'Messenger `Database.set` / `Database.update` options (`messaging.customAttributes`)',
  'a Guest Chat body (`memberInfo.customFields`), a Web Chat v2 `chatConfig` (`data` with `orgId`, `webchatAppUrl` or `queueName`), Widgets v2 `WebChat.open` options or `webchat` config (`userData`, `form`)',
  'a flat participant attribute map (`customerId`, `context.firstName`, …; string values, as Genesys stores them)',
  'every payload `toVendor` produces (`channel`: `messenger`, `attributes`, `open-messaging`, `web-chat`, `widgets`, `guest-chat`)',
];
