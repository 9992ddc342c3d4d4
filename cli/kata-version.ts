import { readFileSync } from "node:fs";

/** kata's own version, from the package.json that ships beside `dist/` (what `npm ls kata` shows). */
export function kataVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
