import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { CommandError, reportFailure } from "../command-error.js";
import { kebab } from "../../generator/kebab.js";
import { kataVersion } from "../kata-version.js";
import { DEFAULT_NAMES, INIT_SOURCES, scaffoldFiles, type InitSource } from "../scaffold.js";

interface InitArgs {
  dir: string;
  source: InitSource;
  name: string | undefined;
}

/** `kata init`: a new project that generates, builds, tests, invokes and packages at once. */
export const initCommand: CommandModule<object, InitArgs> = {
  command: "init [dir]",
  describe: "Create a kata project: package.json, tsconfig.json, kata.config.json with one entry and its schema, a handler, a unit test and a sample event",
  builder: (yargs) =>
    yargs
      .positional("dir", { type: "string", default: ".", describe: "The folder to create the project in (created if missing)." })
      .option("source", { alias: "s", choices: INIT_SOURCES, default: "sqs" as InitSource, describe: "The event source of the first entry; plain is a direct invocation payload." })
      .option("name", { alias: "n", type: "string", describe: "The entry's name (PascalCase), e.g. OrderMessage; it names the types, the handler file and onName." })
      .example("$0 init orders", "An SQS consumer in ./orders; then: cd orders && npm install && npm test && npm run invoke")
      .example("$0 init api --source apigw-v2 --name CreateOrder", "An HTTP API route with a typed JSON body."),
  handler: async (args) => {
    try {
      const dir = resolve(args.dir);
      const name = args.name ?? DEFAULT_NAMES[args.source];
      if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new CommandError(`--name ${name} is not usable: use PascalCase letters and digits (e.g. OrderPlaced), since it becomes the type name`);
      const own = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { devDependencies?: Record<string, string> };
      const files = scaffoldFiles({
        packageName: basename(dir).toLowerCase().replace(/[^a-z0-9-._~]/g, "-").replace(/^[-._]+/, "") || "kata-app",
        source: args.source,
        name,
        kataVersion: kataVersion(),
        typescript: own.devDependencies?.typescript ?? "^5.9.0",
        typesNode: own.devDependencies?.["@types/node"] ?? "^20.19.0",
      });
      const eventFile = `events/${kebab(name)}.json`;
      const taken = [...Object.keys(files), eventFile].filter((file) => existsSync(join(dir, file)));
      if (taken.length > 0) throw new CommandError(`${relative(process.cwd(), dir) || "."} already has ${taken.join(", ")}; kata init overwrites nothing. Move them away or pick another folder.`);
      for (const [file, text] of Object.entries(files)) write(join(dir, file), text);
      const { entrySample } = await import("../entry-sample.js");
      write(join(dir, eventFile), JSON.stringify(entrySample(join(dir, "kata.config.json"), name), null, 2) + "\n");
      const shown = relative(process.cwd(), dir) || ".";
      process.stdout.write(`kata init: created ${shown} (${args.source} entry ${name}):\n`);
      for (const file of [...Object.keys(files), eventFile].sort()) process.stdout.write(`  ${file}\n`);
      process.stdout.write(`next: ${shown === "." ? "" : `cd ${shown} && `}npm install && npm test && npm run invoke\n`);
    } catch (error) {
      reportFailure("init", error);
    }
  },
};

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: "wx" }); // never over a file that appeared meanwhile
}
