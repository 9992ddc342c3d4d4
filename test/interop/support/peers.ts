import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * `KATA_PEERS`: the folder with the prebuilt peers (AWS's Runtime Interface Emulator as
 * `aws-lambda-rie`, an aws-lambda-go function as `go-fn/bootstrap`). Unset, the tests that need
 * them are skipped; set, a missing binary fails its tests.
 */
const configured = process.env.KATA_PEERS;
export const peersDir = configured === undefined || configured === "" ? undefined : resolve(configured);

/** For `{ skip }`: why the peer tests do not run. */
export const withoutPeers: string | false =
  peersDir === undefined ? "KATA_PEERS is not set; set it to the folder of aws-lambda-rie and go-fn/bootstrap (README: Interop tests)" : false;

/** The path of one peer binary; throws (failing the test) when KATA_PEERS lacks it. */
export function peer(name: "aws-lambda-rie" | "go-fn/bootstrap"): string {
  if (peersDir === undefined) throw new Error(`interop: ${name} needs KATA_PEERS`);
  const file = join(peersDir, name);
  if (!existsSync(file)) {
    throw new Error(`interop: KATA_PEERS=${configured} has no ${name} (${file}). Build it from AWS's sources (README: Interop tests) or point KATA_PEERS at a folder that has it.`);
  }
  return file;
}
