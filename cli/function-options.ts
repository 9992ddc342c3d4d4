import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Argv } from "yargs";
import type { EmulatorOptions } from "../emulator/emulator.js";
import { CommandError } from "./command-error.js";
import { compileHandler } from "./compile-handler.js";
import { readDotenv } from "./dotenv.js";
import { generatedOutputs, staleGeneratedWarning, type GeneratedOutput } from "./generated-hint.js";
import { readSamEnvVars } from "./sam-env-vars.js";
import { lambdaHandlerOf, moduleDisplayName, resolveHandler } from "./handler-spec.js";

export interface FunctionArgs {
  handler: string;
  timeout: number | undefined;
  memory: number;
  env: string[];
  "env-file": string[];
  "env-vars": string | undefined;
  inspect: string | undefined;
  name: string | undefined;
  region: string;
  exec: string | undefined;
}

const GROUP = "Function settings (as on Lambda):";

/** The options `invoke` and `serve` share: how the function is configured and run. */
export function withFunctionOptions<T>(yargs: Argv<T>): Argv<T & FunctionArgs> {
  return yargs
    .positional("handler", { type: "string", demandOption: true, describe: "The handler, as path/to/module.export (e.g. src/orders.handler). TypeScript modules are compiled on the fly." })
    .option("timeout", { type: "number", defaultDescription: "3, or 900 with --inspect", group: GROUP, describe: "The function timeout in seconds, at most 900 as on Lambda. An invocation still running then fails with \"Task timed out\" and the function process is restarted." })
    .option("memory", { type: "number", default: 128, group: GROUP, describe: "Memory size in MB, reported to the function as AWS_LAMBDA_FUNCTION_MEMORY_SIZE (not enforced)." })
    .option("env", { type: "string", array: true, default: [] as string[], group: GROUP, describe: "An environment variable of the function, as KEY=VALUE. Repeat for several." })
    .option("env-file", { type: "string", array: true, default: [] as string[], group: GROUP, describe: "A dotenv file (KEY=value lines) of environment variables. Repeat for several; later files win, and --env wins over all." })
    .option("env-vars", { type: "string", group: GROUP, describe: "SAM's --env-vars JSON file: {\"Parameters\": {...}} for every function, {\"<name>\": {...}} for the one named by --name (wins over Parameters; --env wins over both)." })
    .option("inspect", { type: "string", group: GROUP, describe: "Start the function process with node's inspector on 127.0.0.1:<port> (default 9229), for a debugger (chrome://inspect, VS Code). Lifts the default timeout to 900 s." })
    .option("name", { type: "string", group: GROUP, describe: "The function name (AWS_LAMBDA_FUNCTION_NAME). Defaults to the handler module's file name." })
    .option("region", { type: "string", default: process.env.AWS_REGION ?? "us-east-1", group: GROUP, describe: "The AWS Region the function believes it runs in (AWS_REGION)." })
    .option("exec", { type: "string", group: GROUP, describe: "Run this shell command as the function process instead of kata's runtime: any Runtime API client, e.g. ./bootstrap. <handler> is then passed as _HANDLER as is." }) as Argv<T & FunctionArgs>;
}

export interface PreparedFunction {
  options: EmulatorOptions;
  /** What to watch for `--watch`: the bundle's sources, or the handler's folder. */
  watched: string[];
  /** The kata.config.json files of the handler's project, whose changes `--watch` regenerates. */
  generated: GeneratedOutput[];
  /** Compiles the handler again (TypeScript; a no-op otherwise) and returns what to watch now. */
  rebuild: () => Promise<string[]>;
}

/** Resolves and compiles the handler, and turns the arguments into emulator options. */
export async function prepareFunction(args: FunctionArgs, cwd: string, onProgress: (message: string) => void): Promise<PreparedFunction> {
  const inspector = inspectorAddress(args.inspect);
  const timeout = args.timeout ?? (inspector === undefined ? DEFAULT_TIMEOUT_SECONDS : MAX_TIMEOUT_SECONDS);
  const settings = {
    timeoutSeconds: atMost(MAX_TIMEOUT_SECONDS, positive(timeout, "--timeout"), "--timeout", "seconds, Lambda's maximum"),
    memorySizeMb: positive(args.memory, "--memory"),
    region: args.region,
    cwd,
  };
  if (args.exec !== undefined) {
    if (inspector !== undefined) throw new CommandError("--inspect starts kata's Node.js runtime under the inspector; with --exec, start your own process with node --inspect instead");
    const functionName = args.name ?? "function";
    const options = { ...settings, environment: functionEnvironment(args, cwd, functionName), command: execCommand(args.exec), handler: args.handler, taskRoot: cwd, functionName };
    return { options, watched: [cwd], generated: generatedOutputs(cwd), rebuild: async () => [cwd] };
  }
  const spec = resolveHandler(args.handler, cwd);
  const generated = generatedOutputs(dirname(spec.file));
  const stale = staleGeneratedWarning(generated, cwd);
  if (stale !== undefined) onProgress(`warning: ${stale}`);
  const functionName = args.name ?? basename(spec.file).replace(/\.[^.]+$/, "").replace(/[^A-Za-z0-9_-]/g, "-");
  const environment = functionEnvironment(args, cwd, functionName);
  const command = [process.execPath, "--enable-source-maps", ...(inspector === undefined ? [] : [`--inspect=${inspector}`]), kataRuntimeBin()];
  if (!spec.typescript) {
    const { taskRoot, handler } = lambdaHandlerOf(spec.file, spec.exportName);
    return { options: { ...settings, environment, command, handler, taskRoot, functionName }, watched: [taskRoot], generated, rebuild: async () => [taskRoot] };
  }
  const shown = moduleDisplayName(spec.file, cwd);
  const started = performance.now();
  const compiled = await compileHandler(spec, cwd);
  onProgress(`compiled ${shown} in ${Math.round(performance.now() - started)} ms`);
  return {
    options: { ...settings, environment, command, handler: compiled.handler, taskRoot: compiled.taskRoot, functionName },
    watched: ownSources(compiled.inputs),
    generated,
    rebuild: async () => ownSources((await compileHandler(spec, cwd)).inputs),
  };
}

/** kata's own runtime loop (`kata-runtime`), beside this CLI in `dist/`. */
export function kataRuntimeBin(): string {
  return builtFile("../runtime/bin.js", "kata's runtime");
}

/** The module that a packaged nodejs* function imports first, to map its stacks through its source map. */
export function sourceMapsInstaller(): string {
  return builtFile("../runtime/install-source-mapped-stacks.js", "kata's source-map installer");
}

function builtFile(path: string, what: string): string {
  const file = fileURLToPath(new URL(path, import.meta.url));
  if (!existsSync(file)) throw new CommandError(`${what} is missing (${file}); rebuild kata with npm run build`);
  return file;
}

/** The project's own files among a bundle's inputs (packages do not change while serving). */
function ownSources(inputs: string[]): string[] {
  return inputs.filter((input) => !/[/\\]node_modules[/\\]/.test(input));
}

/**
 * `--exec` as argv: plain words run directly (so that the function process is the command itself,
 * and its pid and memory are the function's); anything using shell syntax runs under /bin/sh.
 */
export function execCommand(command: string): string[] {
  const words = command.trim().split(/\s+/);
  return words.every((word) => /^[\w./@%+=:,-]+$/.test(word)) ? words : ["/bin/sh", "-c", command];
}

/** The function's variables: --env-file files in order, then --env-vars, then --env, each winning over the one before. */
function functionEnvironment(args: FunctionArgs, cwd: string, functionName: string): Record<string, string> {
  const files = args["env-file"].map((file) => readDotenv(resolve(cwd, file), file));
  const sam = args["env-vars"] === undefined ? {} : readSamEnvVars(resolve(cwd, args["env-vars"]), args["env-vars"], functionName);
  return Object.assign({}, ...files, sam, parseEnv(args.env)) as Record<string, string>;
}

/** `--inspect` → 127.0.0.1:9229, `--inspect=9230` → 127.0.0.1:9230; never all interfaces, as node's own default. */
function inspectorAddress(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "") return "127.0.0.1:9229";
  const match = /^(?:([\w.-]+):)?(\d{1,5})$/.exec(value);
  if (match === null || Number(match[2]) > 65535) throw new CommandError(`--inspect=${value} is not a port; write --inspect or --inspect=9230 (or host:port)`);
  return `${match[1] ?? "127.0.0.1"}:${match[2]}`;
}

function parseEnv(pairs: string[]): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CommandError(`--env ${pair} is not KEY=VALUE`);
    environment[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return environment;
}

/** Lambda's default function timeout. */
const DEFAULT_TIMEOUT_SECONDS = 3;

/** Lambda's largest function timeout (15 minutes); beyond it Node's timers would also overflow. */
const MAX_TIMEOUT_SECONDS = 900;

function atMost(limit: number, value: number, option: string, unit: string): number {
  if (value > limit) throw new CommandError(`${option} must be at most ${limit} ${unit} (got ${value})`);
  return value;
}

function positive(value: number, option: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new CommandError(`${option} must be a positive number (got ${value})`);
  return value;
}
