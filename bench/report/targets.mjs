/**
 * The targets of issue 7, each checked on ratios from one run: a ratio is taken within a round (or
 * a run of fresh processes), then the median over rounds.
 */
export function evaluateTargets({ decode, runtime, coldStart }) {
  const targets = [];
  const add = (id, what, limit, direction, value, source) => {
    if (value === undefined || !Number.isFinite(value)) return;
    const met = direction === "max" ? value <= limit : value >= limit;
    targets.push({ id, what, target: `${direction === "max" ? "≤" : "≥"} ${limit}×`, value, met, source });
  };
  if (runtime) {
    const cpu = (scenario) => runtime.steadyState[scenario]?.cpuRatio.perRoundMedian;
    add("cpu-trivial", "client CPU per invocation, kata ÷ aws-lambda-ric, trivial handler", 0.6, "max", cpu("trivial"), "runtime.steadyState.trivial.cpuRatio");
    add("cpu-sqs", "client CPU per invocation, kata ÷ aws-lambda-ric + Powertools, 10-record SQS batch", 0.6, "max", cpu("sqs"), "runtime.steadyState.sqs.cpuRatio");
    add("cpu-concurrent", "client CPU per invocation, kata ÷ aws-lambda-ric, 8 concurrent, 5 ms I/O", 0.6, "max", cpu("concurrent"), "runtime.steadyState.concurrent.cpuRatio");
    add("spawn-trivial", "spawn → first /next, kata ÷ aws-lambda-ric, trivial handler", 0.7, "max", runtime.spawn.firstPollRatio.perRunMedian, "runtime.spawn.firstPollRatio");
    add("spawn-trivial-beyond-floor", "the same, start-up beyond a bare Node socket poll only", 0.7, "max", runtime.spawn.beyondFloorRatio?.ofMedians, "runtime.spawn.beyondFloorRatio");
  }
  if (coldStart) {
    add("spawn-all-decoders", "spawn → first /next, kata ÷ aws-lambda-ric, function importing every built-in decoder", 0.7, "max", coldStart.ratios.kataOverRicFirstPoll.perRunMedian, "coldStart.ratios.kataOverRicFirstPoll");
    add("spawn-all-decoders-beyond-floor", "the same, start-up beyond a bare Node socket poll only", 0.7, "max", coldStart.ratios.kataOverRicBeyondFloor?.ofMedians, "coldStart.ratios.kataOverRicBeyondFloor");
  }
  if (decode) {
    add("decode-vs-json", "decode, kata ÷ JSON.parse, worst typed event", 1.1, "max", decode.targets.kataWithinJsonParse.worst, "decode.targets.kataWithinJsonParse");
    add("decode-vs-powertools", "decode, Powertools parser ÷ kata, worst typed event", 5, "min", decode.targets.kataVsPowertools.worst, "decode.targets.kataVsPowertools");
    add("realistic-vs-json", "decode, kata ÷ JSON.parse, worst realistic event (CPU time)", 1.1, "max", decode.targets.realisticWithinJsonParse?.worst, "decode.targets.realisticWithinJsonParse");
    add("realistic-validation-vs-powertools", "validation cost, kata ÷ Powertools, validators alone on the parsed event, worst realistic event", 0.1, "max", decode.targets.realisticValidationShare?.worst, "decode.targets.realisticValidationShare");
  }
  return targets;
}
