import yargs, { type Argv } from "yargs";
import { eventsCommand } from "./commands/events.js";
import { generateCommand } from "./commands/generate.js";
import { invokeCommand } from "./commands/invoke.js";
import { packageCommand } from "./commands/package.js";
import { serveCommand } from "./commands/serve.js";

/**
 * The whole `kata` CLI, built without parsing, so that tests can drive it in-process.
 * One module per command under `cli/commands/`.
 */
export function buildCli(args: string[]): Argv {
  return yargs(args)
    .scriptName("kata")
    .usage("$0 <command> [options]")
    .command(generateCommand)
    .command(invokeCommand)
    .command(serveCommand)
    .command(eventsCommand)
    .command(packageCommand)
    .demandCommand(1, "Name a command: kata generate | invoke | serve | events | package. See kata --help.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100));
}
