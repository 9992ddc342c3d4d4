import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { bundleFunction, RUNTIMES, type LambdaRuntime } from "../bundle-function.js";
import { CommandError, progress, reportFailure } from "../command-error.js";
import { moduleDisplayName, resolveHandler } from "../handler-spec.js";
import { createZip } from "../zip-writer.js";

interface PackageArgs {
  handler: string;
  runtime: LambdaRuntime;
  out: string;
  node: string | undefined;
  minify: boolean;
  sourcemap: boolean;
  external: string[];
}

/** `kata package`: a deployable zip of one handler, bundled and minified. */
export const packageCommand: CommandModule<object, PackageArgs> = {
  command: "package <handler>",
  describe: "Bundle a handler into a deployable Lambda zip (one minified file with its source map)",
  builder: (yargs) =>
    yargs
      .positional("handler", { type: "string", demandOption: true, describe: "The handler, as path/to/module.export (e.g. src/orders.handler)." })
      .option("runtime", { alias: "r", choices: RUNTIMES, default: "nodejs22.x" as LambdaRuntime, describe: "The Lambda runtime to package for. nodejs*: the managed runtime loads index.mjs. provided.*: a bootstrap runs kata's runtime loop, with Node.js from a layer (see --node)." })
      .option("out", { alias: "o", type: "string", default: "dist/function.zip", describe: "Where to write the zip." })
      .option("node", { type: "string", describe: "provided.* only: the Node.js binary the bootstrap tries first, e.g. /opt/nodejs22/bin/node from your layer. Else it uses $KATA_NODE, /opt/bin/node, /opt/nodejs/bin/node, then node on PATH." })
      .option("minify", { type: "boolean", default: true, describe: "Minify the bundle (--no-minify keeps it readable)." })
      .option("sourcemap", { type: "boolean", default: true, describe: "Ship index.mjs.map, and kata's mapper that reads it when a stack is formatted, so that stack traces point at your sources with no NODE_OPTIONS." })
      .option("external", { type: "string", array: true, default: [] as string[], describe: "A package to leave out of the bundle, e.g. '@aws-sdk/*' (provided by the nodejs* runtimes). Repeat for several." })
      .example("$0 package src/orders.handler", "Write dist/function.zip for nodejs22.x (Handler: index.handler).")
      .example("$0 package src/orders.handler --runtime provided.al2023 --node /opt/bin/node", "Package with a bootstrap for an OS-only runtime and a Node.js layer.")
      .example("$0 package src/api.handler --external '@aws-sdk/*' --out build/api.zip", "Leave the AWS SDK to the managed runtime."),
  handler: async (args) => {
    const cwd = process.cwd();
    try {
      if (args.node !== undefined && !args.runtime.startsWith("provided")) {
        throw new CommandError(`--node is for provided.* runtimes; ${args.runtime} runs its own Node.js`);
      }
      const spec = resolveHandler(args.handler, cwd);
      const started = performance.now();
      progress("package", `bundling ${moduleDisplayName(spec.file, cwd)} for ${args.runtime}`);
      const bundle = await bundleFunction(spec, cwd, args);
      const zip = createZip(bundle.entries);
      const out = resolve(cwd, args.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, zip);
      progress("package", `done in ${Math.round(performance.now() - started)} ms`);
      const width = Math.max(...bundle.entries.map((entry) => entry.name.length));
      for (const entry of bundle.entries) process.stdout.write(`  ${entry.name.padEnd(width)}  ${size(entry.data.length)}\n`);
      process.stdout.write(`${relative(cwd, out) || out}: ${size(zip.length)} zipped; runtime ${args.runtime}, handler ${bundle.handler}\n`);
      for (const { module, carried, keptRegardless } of bundle.unusedValidators) {
        progress("package", `warning: ${module} puts ${size(carried)} into index.mjs, ${size(keptRegardless)} of it validators that its module-level statements keep whether or not the function imports them. Regenerate it with this version of kata (kata generate), which emits side-effect-free validators.`);
      }
    } catch (error) {
      reportFailure("package", error);
    }
  },
};

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
