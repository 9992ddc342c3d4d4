import yargs, { type Argv } from "yargs";
import { generateCommand } from "./commands/generate.js";

/**
 * The whole `kata` CLI, built without parsing, so that tests can drive it in-process.
 * One module per command under `cli/commands/`.
 */
export function buildCli(args: string[]): Argv {
  return yargs(args)
    .scriptName("kata")
    .usage("$0 <command> [options]")
    .command(generateCommand)
    .demandCommand(1, "Name a command: kata generate | invoke | serve | events | package. See kata --help.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100));
}
