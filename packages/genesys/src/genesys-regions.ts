/*
 * Genesys Cloud regions: each is an AWS region with its own domain, and every host of the org lives under
 * that domain (`api.<domain>`, `login.<domain>`). The table is the one Genesys' platform API SDKs ship as
 * `PureCloudRegionHosts` (purecloud-platform-client-v2 223.0.0, keys like `us_east_1`). Genesys' own CLI takes
 * either form too ("--environment … E.g. mypurecloud.com.au or ap-southeast-2", platform-client-sdk-cli docs),
 * which is why both are accepted here.
 */
import { closestName } from '@visitor-context/core';

/**
 * Every Genesys Cloud region this package knows, by AWS region name, with its domain. A region missing here
 * (Genesys opens new ones) is reached with `apiBaseUrl` and `loginBaseUrl`.
 * @public
 */
export const genesysRegionDomains = {
  'us-east-1': 'mypurecloud.com',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'eu-west-1': 'mypurecloud.ie',
  'eu-west-2': 'euw2.pure.cloud',
  'eu-central-1': 'mypurecloud.de',
  'eu-central-2': 'euc2.pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'ap-southeast-2': 'mypurecloud.com.au',
  'ap-northeast-1': 'mypurecloud.jp',
  'ap-northeast-2': 'apne2.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
} as const satisfies Readonly<Record<string, string>>;

/** An AWS region name Genesys Cloud runs in, e.g. `eu-west-2`. @public */
export type GenesysRegionName = keyof typeof genesysRegionDomains;

/** A Genesys Cloud region domain, e.g. `euw2.pure.cloud`. @public */
export type GenesysRegionDomain = (typeof genesysRegionDomains)[GenesysRegionName];

/**
 * A Genesys Cloud region, given as its domain (`mypurecloud.ie`, `euw2.pure.cloud`: what Genesys' SDKs call
 * the environment and what the org's URLs end with) or as its AWS region name (`eu-west-1`, also spelled
 * `eu_west_1` as in the SDKs).
 * @public
 */
export type GenesysRegion = GenesysRegionName | GenesysRegionDomain;

const domainByName: ReadonlyMap<string, string> = new Map(Object.entries(genesysRegionDomains));
const knownDomains: ReadonlySet<string> = new Set(Object.values(genesysRegionDomains));

/** The outcome of reading a `region` option: its domain, or a sentence that says what to give instead. */
export type RegionLookup = { readonly ok: true; readonly domain: string } | { readonly ok: false; readonly message: string };

/**
 * The domain of a region given as a domain or an AWS region name (case and surrounding spaces ignored, `_`
 * read as `-`); otherwise a message with the closest known spelling and the full list.
 */
export function lookUpGenesysRegion(region: string): RegionLookup {
  const wanted = region.trim().toLowerCase();
  if (knownDomains.has(wanted)) return { ok: true, domain: wanted };
  const domain = domainByName.get(wanted.replaceAll('_', '-'));
  if (domain !== undefined) return { ok: true, domain };
  // People paste hosts and URLs too: say which part is the domain rather than only "unknown".
  const hostDomain = /^(?:https?:\/\/)?(?:api|login|apps)\.([a-z0-9.-]+?)\/?$/.exec(wanted)?.[1];
  const suggestion = hostDomain !== undefined && knownDomains.has(hostDomain) ? hostDomain : closestName(wanted, [...knownDomains, ...domainByName.keys()]);
  const shown = JSON.stringify(region.length > 60 ? `${region.slice(0, 60)}…` : region);
  return {
    ok: false,
    message:
      `Option region: ${shown} is no Genesys Cloud region.` +
      (suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`) +
      ` Give the region's domain or its AWS region name: ${[...domainByName].map(([name, host]) => `${host} (${name})`).join(', ')}.` +
      ' For a region not listed, give apiBaseUrl and loginBaseUrl instead.',
  };
}
