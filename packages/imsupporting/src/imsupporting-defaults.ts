// The adapter's defaults and their resolution, in plain code: the `./browser` translator reaches this module,
// so it must never construct or run a zod schema (zod's core alone would cost about 7 KB gzip there).

/**
 * The limits the vendor's server enforces on a visitor context, as documented.
 * @public
 */
export interface ImsupportingLimits {
  /** Keys must match this pattern; other pairs are silently dropped. */
  readonly keyPattern: string;
  /** Longest key, in characters. */
  readonly maxKeyLength: number;
  /** Longest value kept, in characters (longer values are truncated after HTML is stripped). */
  readonly maxValueLength: number;
  /** Only the first this many pairs are kept. */
  readonly maxEntries: number;
  /** Longest base64 wire payload; a longer one makes the server discard the whole context. */
  readonly maxPayloadLength: number;
}

/** The vendor's documented {@link ImsupportingLimits}. @public */
export const defaultImsupportingLimits: ImsupportingLimits = /* @__PURE__ */ Object.freeze({
  keyPattern: '^[a-zA-Z0-9_-]+$',
  maxKeyLength: 100,
  maxValueLength: 500,
  maxEntries: 50,
  maxPayloadLength: 20_000,
});

/**
 * The canonical fields sent as operator-visible metadata keys, with their default key names. Name, email
 * and phone are not here: they travel as the reserved pre-fill keys.
 * @public
 */
export const defaultImsupportingMetadataKeys = /* @__PURE__ */ Object.freeze({
  'visitor.id': 'account_id',
  'visitor.firstName': 'first_name',
  'visitor.lastName': 'last_name',
  'visitor.company': 'company',
  'visitor.locale': 'locale',
  'page.url': 'page_url',
  'page.title': 'page_title',
  'page.referrer': 'page_referrer',
  'page.landingPage': 'landing_page',
  'page.searchKeywords': 'search_keywords',
  'device.userAgent': 'user_agent',
  'device.browser': 'browser',
  'device.os': 'operating_system',
  'device.screenResolution': 'screen_resolution',
  'device.language': 'browser_language',
  'device.timeZone': 'time_zone',
  'device.ip': 'ip_address',
  'location.city': 'city',
  'location.region': 'region',
  'location.country': 'country',
} as const);

/** A canonical field that travels as a metadata key: a key of {@link defaultImsupportingMetadataKeys}. @public */
export type ImsupportingMetadataField = keyof typeof defaultImsupportingMetadataKeys;

/** Every metadata field, in the order of {@link defaultImsupportingMetadataKeys}. */
export const imsupportingMetadataFields = /* @__PURE__ */ Object.keys(defaultImsupportingMetadataKeys) as [
  ImsupportingMetadataField,
  ...ImsupportingMetadataField[],
];

/** Resolved factory settings: every metadata key and limit decided. */
export interface ImsupportingSettings {
  readonly metadataKeys: Readonly<Partial<Record<ImsupportingMetadataField, string>>>;
  readonly limits: ImsupportingLimits;
}

/** Factory choices that have already passed validation (the `.` entry validates them with its zod schema). */
export interface ImsupportingSettingChoices {
  readonly metadataKeys?: Readonly<Partial<Record<ImsupportingMetadataField, string | false>>> | undefined;
  readonly limits?: { readonly [Name in keyof ImsupportingLimits]?: ImsupportingLimits[Name] | undefined } | undefined;
}

/**
 * Fills in every metadata key and limit the choices leave open from the defaults. Both the adapter factory
 * and the `./browser` translator resolve their settings here, so the two paths cannot drift apart.
 */
export function applyImsupportingDefaults(choices: ImsupportingSettingChoices = {}): ImsupportingSettings {
  const metadataKeys: Partial<Record<ImsupportingMetadataField, string>> = {};
  for (const field of imsupportingMetadataFields) {
    const key = choices.metadataKeys?.[field] ?? defaultImsupportingMetadataKeys[field];
    if (key !== false) metadataKeys[field] = key;
  }
  const limits: ImsupportingLimits = { ...defaultImsupportingLimits };
  for (const [name, value] of Object.entries(choices.limits ?? {})) {
    if (value !== undefined) Object.assign(limits, { [name]: value });
  }
  return { metadataKeys, limits: Object.freeze(limits) };
}
