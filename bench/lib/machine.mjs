import { cpus, totalmem, platform, arch, release } from "node:os";

/** What a reader needs to judge a figure: the CPU, how many cores the benchmark shared, and the Node build. */
export function machineInfo() {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    cpuCount: cores.length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
  };
}
