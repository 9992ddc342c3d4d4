import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeProject, runCli } from "../../cli/run-cli.js";
import { unzip } from "../../cli/unzip.js";
import { projectRoot } from "../../support/fixtures.js";

/** A task root with one fixture handler module (from test/fixtures/handlers) and `kata` resolvable from it. */
export function taskWith(fixture: string): { dir: string; remove: () => void } {
  const name = fixture.split("/").pop()!;
  return makeProject({ [name]: readFileSync(join(projectRoot, "test/fixtures/handlers", fixture), "utf8") }, { kata: true });
}

/** Runs `kata package <handler> --runtime <runtime>` in `cwd` and unzips the result into `<cwd>/<into>` (modes kept). */
export async function packageFor(runtime: "provided.al2023" | "nodejs22.x", cwd: string, handler: string, into: string): Promise<string> {
  const zip = join(cwd, `${into}.zip`);
  const run = await runCli(["package", handler, "--runtime", runtime, "--out", zip], { cwd });
  if (run.code !== 0) throw new Error(`kata package ${handler} failed (${run.code}):\n${run.stderr}`);
  const dir = join(cwd, into);
  for (const entry of unzip(readFileSync(zip))) {
    const file = join(dir, entry.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, entry.data);
    if (entry.mode !== 0) chmodSync(file, entry.mode & 0o777);
  }
  return dir;
}
