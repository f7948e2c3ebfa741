/*
 * The defaults of the `toVendor` options, in plain code: the `.` adapter (after its zod check) and the
 * zod-free `./browser` translator both resolve options here, so the two paths cannot drift apart.
 */
import type { Diagnostics } from '@visitor-context/core';
import type { GenesysChannel, GenesysDatabaseCommand } from './genesys-api.js';
import type { GenesysAdapterOptions, GenesysToVendorOptions } from './genesys-options.js';

/** Every channel this adapter translates to; the zod `GenesysChannelSchema` is built from this list. */
export const genesysChannels = ['messenger', 'attributes', 'open-messaging', 'web-chat', 'widgets', 'guest-chat'] as const;

/** The Database commands this adapter issues; the zod `GenesysDatabaseCommandSchema` is built from this list. */
export const genesysDatabaseCommands = ['Database.set', 'Database.update'] as const;

/** The channel used when neither the call nor the adapter names one. */
export const defaultGenesysChannel: GenesysChannel = 'messenger';

/** The Messenger command used when neither the call nor the adapter names one. */
export const defaultGenesysDatabaseCommand: GenesysDatabaseCommand = 'Database.set';

/** `toVendor` options with the channel and command decided. */
export type ResolvedGenesysToVendorOptions = GenesysToVendorOptions & {
  readonly channel: GenesysChannel;
  readonly command: GenesysDatabaseCommand;
};

/**
 * Merges a call's options over the adapter's (an option given as `undefined` falls back), then fills in the
 * default channel and command. The `.` adapter has already checked the options with zod; the browser
 * translator has not, so an unknown channel or command (possible from plain JavaScript) is reported as
 * `invalid_option` here instead of producing no payload at all.
 */
export function resolveGenesysToVendorOptions(
  options: GenesysToVendorOptions,
  adapterOptions: GenesysAdapterOptions,
  diagnostics: Diagnostics,
): ResolvedGenesysToVendorOptions {
  const merged = { ...definedOnly(adapterOptions), ...definedOnly(options) };
  const channel = merged.channel ?? defaultGenesysChannel;
  const command = merged.command ?? defaultGenesysDatabaseCommand;
  if (!isOneOf(genesysChannels, channel)) {
    diagnostics.error('invalid_option', ['channel'], `Invalid option channel: ${describe(channel)} is none of ${genesysChannels.join(', ')}.`);
  }
  if (!isOneOf(genesysDatabaseCommands, command)) {
    diagnostics.error('invalid_option', ['command'], `Invalid option command: ${describe(command)} is none of ${genesysDatabaseCommands.join(', ')}.`);
  }
  // After an error the result is a failure anyway; translate on the defaults so the translation stays total.
  return {
    ...merged,
    channel: isOneOf(genesysChannels, channel) ? channel : defaultGenesysChannel,
    command: isOneOf(genesysDatabaseCommands, command) ? command : defaultGenesysDatabaseCommand,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  // Never call a caller's own toString: only primitives are shown as they are.
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : `a value of type ${typeof value}`;
}

/** Drops options given as `undefined`, so they fall back to the adapter's options, then to the defaults. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
