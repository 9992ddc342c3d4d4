import yargs, { type Argv } from "yargs";
import { eventsCommand } from "./commands/events.js";
import { generateCommand } from "./commands/generate.js";
import { initCommand } from "./commands/init.js";
import { invokeCommand } from "./commands/invoke.js";
import { packageCommand } from "./commands/package.js";
import { serveCommand } from "./commands/serve.js";
import { kataVersion } from "./kata-version.js";

/**
 * The whole `kata` CLI, built without parsing, so that tests can drive it in-process.
 * One module per command under `cli/commands/`.
 */
export function buildCli(args: string[]): Argv {
  return yargs(withStdinValues(args))
    .scriptName("kata")
    .usage("$0 <command> [options]")
    .command(initCommand)
    .command(generateCommand)
    .command(invokeCommand)
    .command(serveCommand)
    .command(eventsCommand)
    .command(packageCommand)
    .demandCommand(1, "Name a command: kata init | generate | invoke | serve | events | package. See kata --help.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version(kataVersion())
    .alias("v", "version")
    .wrap(Math.min(100, process.stdout.columns ?? 100));
}

/**
 * `--inspect` as `--inspect=`, and `--event -` as `--event=-`: yargs takes a lone `-` after a long option for a positional (it does
 * not after `-e`), so `kata invoke ... --event -` would fail with "Unknown argument: -".
 */
function withStdinValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^--[^=]+$/.test(arg) && args[i + 1] === "-") joined.push(`${arg}=${args[++i]}`);
    // A bare --inspect takes no value (as node's): the word after it is the handler, not a port.
    else if (arg === "--inspect") joined.push("--inspect=");
    else joined.push(arg);
  }
  return joined;
}
