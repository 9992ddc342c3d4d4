/**
 * Everything the generator rejects. The CLI prints `message` alone (no stack): it starts with
 * where the problem is (file, and JSON pointer when there is one) and says what to do.
 */
export class GenerateError extends Error {
  override readonly name: string = "GenerateError";
  constructor(
    readonly file: string,
    readonly pointer: string | undefined,
    problem: string,
  ) {
    super(`${file}${pointer !== undefined ? `#${pointer}` : ""}: ${problem}`);
  }
}

/** The config file is missing, not JSON, or names something that cannot be generated. */
export class ConfigError extends GenerateError {
  override readonly name = "ConfigError";
}

/** A schema file is missing, not JSON, not a valid schema, or uses what kata cannot compile. */
export class SchemaError extends GenerateError {
  override readonly name = "SchemaError";
}
