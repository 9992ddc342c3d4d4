import { readFileSync } from "node:fs";

/** Lambda's platform log lines around each invocation, so that local logs read like CloudWatch's. */
export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFacts {
  requestId: string;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb?: number | undefined;
  initDurationMs?: number | undefined;
  status?: "timeout" | "error" | undefined;
}

export function reportLine(facts: ReportFacts): string {
  const fields = [
    `REPORT RequestId: ${facts.requestId}`,
    `Duration: ${facts.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.max(1, Math.ceil(facts.durationMs))} ms`,
    `Memory Size: ${facts.memorySizeMb} MB`,
  ];
  if (facts.maxMemoryUsedMb !== undefined) fields.push(`Max Memory Used: ${facts.maxMemoryUsedMb} MB`);
  if (facts.initDurationMs !== undefined) fields.push(`Init Duration: ${facts.initDurationMs.toFixed(2)} ms`);
  if (facts.status !== undefined) fields.push(`Status: ${facts.status}`);
  return fields.join("\t");
}

/** Peak resident memory of a process in MB (Linux `VmHWM`), or undefined where it cannot be read. */
export function peakMemoryMb(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== "linux") return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? undefined : Math.ceil(Number(match[1]) / 1024);
  } catch {
    return undefined;
  }
}
