import { CliUsageError } from './cli-usage-error.js';
import { findPushVendor, genericSecretFlags, pushVendors } from './push-vendors.js';

/**
 * Refuses a credential passed as a flag to `push` (`--client-secret …`, `--api-token=…`), before anything is
 * parsed or read. A flag's value is kept in shell history and shown to every user of the machine in process
 * listings (`ps`), so credentials come only from environment variables; the error names the variable and never
 * repeats the value.
 */
export function refuseCredentialFlags(argv: readonly string[]): void {
  if (argv[0] !== 'push') return;
  const vendor = findPushVendor(argv[1] ?? '');
  const credentials = vendor === undefined ? pushVendors.flatMap((entry) => entry.credentials) : vendor.credentials;
  for (const word of argv) {
    if (word === '--') return;
    const flag = word.split('=')[0] ?? word;
    const credential = credentials.find((candidate) => candidate.refusedFlag === flag);
    if (credential !== undefined) {
      const why = credential.secret
        ? `Never pass ${credential.description} as a flag: a flag's value is kept in shell history and shown to other users of the machine in process listings.`
        : `${flag} is not a flag: push reads every credential and account setting from the environment, so they are kept in one place.`;
      throw new CliUsageError('credential_in_arguments', `${why} Set ${credential.variable} in the environment instead.`);
    }
    if (genericSecretFlags.includes(flag)) {
      const variables = (vendor === undefined ? pushVendors : [vendor]).flatMap((entry) => entry.credentials.map((item) => item.variable));
      throw new CliUsageError(
        'credential_in_arguments',
        `Never pass credentials as flags (${flag}): a flag's value is kept in shell history and shown to other users of the machine in process listings. push reads them from the environment: ${variables.join(', ')}.`,
      );
    }
  }
}
