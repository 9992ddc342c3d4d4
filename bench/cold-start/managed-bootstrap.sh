#!/bin/bash
# The bench's stand-in for the bootstrap of AWS's managed Node.js runtime, which Lambda runs to
# start aws-lambda-ric: a bash script that sets NODE_PATH, derives the heap flags from the memory
# size with `expr` (a tenth for the young generation, half of that per semi-space, the rest for
# the old generation) and execs node through `env`. kata's provided.* subjects pay their own
# bootstrap (bash, then node); this puts the RIC on the same footing. BENCH_NODE and BENCH_RIC
# name the bench's Node 22 and aws-lambda-ric's index.mjs.
if [ -z "$NODE_PATH" ]; then
  export NODE_PATH="/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task"
fi
if [ -n "$AWS_LAMBDA_FUNCTION_MEMORY_SIZE" ]; then
  new_space=$(expr "$AWS_LAMBDA_FUNCTION_MEMORY_SIZE" / 10)
  semi_space=$(expr "$new_space" / 2)
  old_space=$(expr "$AWS_LAMBDA_FUNCTION_MEMORY_SIZE" - "$new_space")
  MEMORY_ARGS=("--max-semi-space-size=$semi_space" "--max-old-space-size=$old_space")
fi
exec env "$BENCH_NODE" --expose-gc --max-http-header-size 81920 "${MEMORY_ARGS[@]}" "$BENCH_RIC"
