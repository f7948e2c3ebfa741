/**
 * Something the command writes text to, such as `process.stdout`.
 * @public
 */
export interface CliWritable {
  /** Writes a chunk of text. */
  write(text: string): unknown;
}

/**
 * The streams and directory {@link runCli} works with. Every field defaults to the current process's.
 * @public
 */
export interface CliIo {
  /** Standard input, read when no file (or `-`) is given: any async iterable of bytes or text, such as `process.stdin`. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Where results go: JSON payloads, HTML, generated code, and `validate` reports. */
  readonly stdout: CliWritable;
  /** Where diagnostics of `convert`, `snippet` and `wxcc evaluate-node` go. */
  readonly stderr: CliWritable;
  /** The directory relative file names are resolved against. */
  readonly cwd: string;
  /**
   * Environment variables, where secrets are read from (never from flags): `GIOSG_SIGNING_KEY` for
   * `snippet --signed`, the vendor credentials (`GENESYSCLOUD_*`, `GIOSG_API_TOKEN`, …) for `push`.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
}
