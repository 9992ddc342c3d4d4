/**
 * A failure the user can act on (bad input, a missing file, a port in use). Commands print its
 * message on one line, prefixed with the command, and exit 1.
 */
export class CommandError extends Error {
  override readonly name: string = "CommandError";
}

/**
 * Reports a command's failure the kata way: one line on stderr (no stack trace) and exit code 1.
 * Named errors from kata's modules (`PortInUseError`, ...) are reported by their message too.
 */
export function reportFailure(command: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kata ${command}: ${message}\n`);
  process.exitCode = 1;
}

/** Progress of a long command, on stderr so that stdout keeps only the result. */
export function progress(command: string, message: string): void {
  process.stderr.write(`kata ${command}: ${message}\n`);
}
