/**
 * The targets of issues 7, 11 and 14, each checked on ratios from one run: a ratio is taken within a
 * round (or a run of fresh processes), then the median over rounds. Issue 14 replaced the spawn
 * targets (≤ 0.7× of the RIC, below Node's own start) with the packaged-function ones.
 */
export function evaluateTargets({ decode, runtime, coldStart, http }) {
  const targets = [];
  const add = (id, what, limit, direction, value, source, unit = "×", range = undefined) => {
    if (value === undefined || !Number.isFinite(value)) return;
    const met = direction === "max" ? value <= limit : value >= limit;
    targets.push({ id, what, target: `${direction === "max" ? "≤" : "≥"} ${limit}${unit === "×" ? "×" : ` ${unit}`}`, value, unit, ...(range ? { range } : {}), met, source });
  };
  if (runtime) {
    const cpu = (scenario) => runtime.steadyState[scenario]?.cpuRatio.perRoundMedian;
    add("cpu-trivial", "client CPU per invocation, kata ÷ aws-lambda-ric, trivial handler", 0.6, "max", cpu("trivial"), "runtime.steadyState.trivial.cpuRatio");
    add("cpu-sqs", "client CPU per invocation, kata ÷ aws-lambda-ric + Powertools, 10-record SQS batch", 0.6, "max", cpu("sqs"), "runtime.steadyState.sqs.cpuRatio");
    add("cpu-concurrent", "client CPU per invocation, kata ÷ aws-lambda-ric, 8 concurrent, 5 ms I/O", 0.6, "max", cpu("concurrent"), "runtime.steadyState.concurrent.cpuRatio");
  }
  if (coldStart?.ratios.sqsPackagedFirstPoll) {
    const r = coldStart.ratios;
    const pair = "packaged examples/orders SQS function, kata ÷ aws-lambda-ric (managed runtime's flags)";
    add("spawn-packaged", `spawn → first /next, ${pair}`, 0.8, "max", r.sqsPackagedFirstPoll.perRunMedian, "coldStart.ratios.sqsPackagedFirstPoll", "×", r.sqsPackagedFirstPoll.perRunP25P75);
    add("spawn-packaged-beyond-floor", "the same, start-up above a bare Node socket poll only (on the medians)", 0.5, "max", r.sqsPackagedBeyondFloor.ofMedians, "coldStart.ratios.sqsPackagedBeyondFloor");
    add("first-response-packaged", "the same, spawn → first response posted", 0.8, "max", r.sqsPackagedFirstResponse.perRunMedian, "coldStart.ratios.sqsPackagedFirstResponse", "×", r.sqsPackagedFirstResponse.perRunP25P75);
    add("bundle-size", "examples/orders SQS function bundle (index.mjs, minified)", 16, "max", Number((coldStart.bundle.bytes / 1024).toFixed(1)), "coldStart.bundle", "kB");
  }
  if (http) add("http-vs-hono", "HTTP adapter, CPU time per request, kata http() ÷ Hono's handle(), worst event", 1, "max", http.worstKataOverHono, "http.worstKataOverHono");
  if (decode) {
    add("decode-vs-json", "decode, kata ÷ JSON.parse, worst typed event", 1.1, "max", decode.targets.kataWithinJsonParse.worst, "decode.targets.kataWithinJsonParse");
    add("decode-vs-powertools", "decode, Powertools parser ÷ kata, worst typed event", 5, "min", decode.targets.kataVsPowertools.worst, "decode.targets.kataVsPowertools");
    add("realistic-vs-json", "decode, kata ÷ JSON.parse, worst realistic event (CPU time)", 1.1, "max", decode.targets.realisticWithinJsonParse?.worst, "decode.targets.realisticWithinJsonParse");
    add("realistic-validation-vs-powertools", "validation cost, kata ÷ Powertools, validators alone on the parsed event, worst realistic event", 0.1, "max", decode.targets.realisticValidationShare?.worst, "decode.targets.realisticValidationShare");
    add("streams-validation-vs-powertools", "validation cost above JSON.parse, base64 and unmarshalling, kata ÷ Powertools, worst 100-record Kinesis / DynamoDB batch", 0.1, "max", decode.targets.streamsValidationShare?.worst, "decode.targets.streamsValidationShare");
    add("import-one-source", "import kata/events/<one source> above an empty module, Kinesis / DynamoDB, installed or bundled, worst", 3, "max", decode.targets.importOneSource?.worst, "decode.targets.importOneSource", "ms");
  }
  return targets;
}
