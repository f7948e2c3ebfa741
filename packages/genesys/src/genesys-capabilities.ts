import type { AdapterCapabilities, AdapterFieldCapability } from '@visitor-context/core';
import type { GenesysChannel } from './genesys-api.js';
import {
  attributeKeyByCanonical,
  chatCustomFieldCount,
  chatFieldByCanonical,
  escapedAttributePrefix,
  guestChatPageFieldByCanonical,
  widgetsFormFieldBySource,
} from './genesys-fields.js';
import { genesysPayloadShapes } from './genesys-payload-shapes.js';

type AttributeChannel = 'messenger' | 'attributes' | 'open-messaging' | 'widgets';

const attributeMapPath: Readonly<Record<AttributeChannel, string>> = {
  messenger: 'messaging.customAttributes',
  attributes: 'customAttributes',
  'open-messaging': 'message.channel.metadata.customAttributes',
  widgets: 'userData',
};

const sharedNotes = [
  'Genesys stores participant data as strings: numbers and booleans are sent as text (value_coerced) and come back as text.',
  'Inbound, the customer participant of GET /api/v2/conversations/{id} is read; Chat v2 keys carry a `context.` prefix and the default form sends lower-case variants (`firstname`): both are read.',
  'Inbound keys with no canonical field (addressStreet, phoneType, subject, _genesys_source, …) are kept in vendor.genesys.fields, values the canonical model refuses in vendor.genesys.rejectedFields; both are sent back from there.',
  "Inbound, a Chat v2 participant's name (the guest's displayName) is read as visitor.name; a messaging participant's name is a placeholder, kept in vendor.genesys.participantName.",
  'No authoritative limits are published for custom attributes; keep the whole payload to a few KB.',
  'Analytics rows: only the visitor participant\'s ids, name and attributes are read; every other part of the row is reported (field_dropped). Genesys leaves attributes out of some analytics responses (no_participant_attributes).',
  'Open Messaging channel.from fills first and last name, email and the name (first + last, else nickname); its id is the channel\'s own id, kept in vendor.genesys.from (channel_id_kept) unless idType says it is an Email or Phone.',
];

const dotFreeNote =
  'Custom attribute names contain no dot, because Genesys agent scripts cannot read participant data named with one: page, device and location fields travel as `pageUrl`, `deviceOs`, `locationCity`, … Earlier versions sent `page.url`-style names; those are still read inbound. A visitor attribute key with a dot is sent as is with a dotted_attribute_name warning (Architect flows can read it, scripts cannot).';


function customAttributeCapabilities(channel: AttributeChannel): AdapterCapabilities {
  const map = attributeMapPath[channel];
  const fields: AdapterFieldCapability[] = [];
  for (const [canonical, key] of attributeKeyByCanonical) {
    const inForm = channel === 'widgets' ? widgetsFormFieldBySource.get(canonical) : undefined;
    fields.push({ canonical, vendorName: inForm === undefined ? `${map}.${key}` : `form.${inForm}` });
  }
  fields.push({
    canonical: 'attributes.*',
    vendorName: `${map}.<key>`,
    valueType: 'string',
    note: `A key that would read back as another field (e.g. \`email\`, \`customField1\`, \`pageUrl\`, \`_genesys_x\`, any case) travels as \`${escapedAttributePrefix}<key>\` (field_renamed).`,
  });
  const notes =
    channel === 'messenger'
      ? [
          'Issue Database commands only after `Database.ready`; the ./browser runtime and the snippet wait for it.',
          '`Database.set` merges shallowly into the stored custom attributes, `Database.update` merges deeply (option `command`).',
          'Attributes travel with the next message the visitor sends: set them before the first message, on every page load (Messenger does not keep them across reloads). Removing one later does not recall what was sent.',
        ]
      : channel === 'widgets'
        ? [
            'Legacy product: Genesys points Genesys Cloud customers to Web Messaging.',
            'Genesys records the form fields and userData as `context.<key>` participant attributes when the chat starts; nothing set later reaches that chat.',
            'The snippet sets `window._genesys.widgets.webchat.userData` (the form fields included, since no WebChat.open is issued) and must come before the Widgets loader; `applyGenesysWidgetsPayload` (`./browser`) issues `WebChat.open` with `form` (which prefills the registration form) and `userData`.',
            'A kept `subject` (vendor.genesys.fields.subject) fills the form\'s subject.',
          ]
        : [
            'Attributes travel with a message: send them with the first message of the conversation.',
            'Custom attributes belong at message.channel.metadata.customAttributes; Genesys ignores the deprecated top-level channel.metadata from 5 June 2026.',
          ];
  return { directions: ['toVendor', 'fromVendor'], fields, limits: {}, payloadShapes: genesysPayloadShapes, notes: [...notes, dotFreeNote, ...sharedNotes] };
}

function chatCapabilities(channel: 'web-chat' | 'guest-chat'): AdapterCapabilities {
  const container = channel === 'web-chat' ? 'data' : 'memberInfo.customFields';
  const fields: AdapterFieldCapability[] = [];
  if (channel === 'guest-chat') fields.push({ canonical: 'visitor.name', vendorName: 'memberInfo.displayName' });
  else {
    fields.push({
      canonical: 'visitor.name',
      vendorName: `${container}.firstName + ${container}.lastName`,
      directions: ['toVendor'],
      note: 'Sent only when firstName and lastName are absent, split at the last space (value_guessed).',
    });
  }
  const named = channel === 'guest-chat' ? new Map([...chatFieldByCanonical, ...guestChatPageFieldByCanonical]) : chatFieldByCanonical;
  for (const [canonical, key] of named) {
    fields.push({
      canonical,
      vendorName: `${container}.${key}`,
      ...(canonical === 'visitor.email' && channel === 'web-chat'
        ? { note: 'Not in the jsapi-v1 documented data list; Chat v2 passes it to customFields, where email is documented.' }
        : {}),
    });
  }
  fields.push({
    canonical: 'attributes.*',
    vendorName: `${container}.customFieldN (label: customFieldNLabel)`,
    valueType: 'string',
    note: `At most ${chatCustomFieldCount}, in order; the key is the label. The rest is a field_dropped warning.`,
  });
  const notes = [
    'Legacy product: Genesys points Genesys Cloud customers to Web Messaging.',
    `Only ${chatCustomFieldCount} custom fields fit, and Interaction Details shows only those ${chatCustomFieldCount}.`,
    channel === 'web-chat'
      ? 'The widget records the page and browser itself (context._genesys_url, …); page and device fields are not sent.'
      : 'memberInfo.customFields also carries the page and browser as _genesys_url, _genesys_pageTitle, _genesys_referrer, _genesys_browser and _genesys_OS.',
  ];
  return {
    directions: ['toVendor', 'fromVendor'],
    fields,
    limits: { maxEntries: chatCustomFieldCount },
    payloadShapes: genesysPayloadShapes,
    notes: [...notes, ...sharedNotes],
  };
}

/**
 * What the adapter carries on one channel. The adapter's `capabilities` are those of its default channel.
 * @public
 */
export function genesysCapabilities(channel: GenesysChannel): AdapterCapabilities {
  return channel === 'web-chat' || channel === 'guest-chat' ? chatCapabilities(channel) : customAttributeCapabilities(channel);
}
