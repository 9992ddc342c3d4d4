import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GenerateResult } from "../../../generator/generate.js";
import { projectRoot } from "../../support/fixtures.js";
import { makeProject } from "../../cli/run-cli.js";

/**
 * A throwaway user project: its own package.json and `node_modules/kata` linked to this
 * repository, so that generated modules resolve `kata/decode` and `kata/events` as a user's would.
 */
export class TempProject {
  readonly dir: string;
  readonly remove: () => void;

  constructor() {
    ({ dir: this.dir, remove: this.remove } = makeProject({}, { kata: true }));
  }

  path(relativePath: string): string {
    return join(this.dir, relativePath);
  }

  /** Writes text as is, anything else as JSON. */
  write(relativePath: string, content: unknown): string {
    const target = this.path(relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return target;
  }

  read(relativePath: string): string {
    return readFileSync(this.path(relativePath), "utf8");
  }

  /** Every file under `folder` (relative paths, sorted) with its bytes. */
  snapshot(folder: string): Map<string, Buffer> {
    const files = readdirSync(this.path(folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
      .sort();
    return new Map(files.map((file) => [file.slice(this.dir.length + 1), readFileSync(file)]));
  }

  /** Writes `kata.config.json` and runs the generator on it in-process. */
  async generate(config: unknown, options: { check?: boolean } = {}): Promise<GenerateResult> {
    const file = this.write("kata.config.json", config);
    // Loaded on first use: the CLI tests use this class only for its folder, not the generator.
    const { generate } = await import("../../../generator/generate.js");
    return generate({ configs: [file], check: options.check ?? false });
  }

  /**
   * The repository's test config (six entries over every source, with shared types) copied in,
   * writing into `generated/`. Returns the config.
   */
  addShopConfig(): { out: string; events: Record<string, unknown> } {
    const from = join(projectRoot, "test", "fixtures", "config");
    cpSync(join(from, "schemas"), this.path("schemas"), { recursive: true });
    const config = JSON.parse(readFileSync(join(from, "kata.config.json"), "utf8")) as { out: string; events: Record<string, unknown> };
    return { ...config, out: "generated" };
  }

}

/** Type-checks and compiles the project's `tsconfig.json` with the repository's TypeScript. */
export function runTsc(project: TempProject): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "-p", project.dir], { cwd: project.dir, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout + run.stderr };
}

/** The strict compiler settings of a user project, compiling `include` into `dist/`. */
export function strictTsconfig(include: string[]): unknown {
  return {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      types: [],
      rootDir: ".",
      outDir: "dist",
    },
    include,
  };
}

/** The rejection of `run`, which must be a GenerateError subclass named `name`. */
export async function rejection(run: () => Promise<unknown>, name: "ConfigError" | "SchemaError"): Promise<Error & { file: string; pointer: string | undefined }> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== name) throw error;
    return error as Error & { file: string; pointer: string | undefined };
  }
  throw new Error(`expected a ${name}, but the run succeeded`);
}
