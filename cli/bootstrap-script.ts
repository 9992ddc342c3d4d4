export interface BootstrapOptions {
  /** `_HANDLER` of the bundled function, relative to the task root, e.g. `index.handler`. */
  handler: string;
  /** File name of the bundled kata runtime beside the bootstrap. */
  runtimeFile: string;
  /** A Node.js binary to try first (`kata package --node`), e.g. from a layer. */
  node?: string | undefined;
  /** Map stack traces through the bundle's .map, which ships in the zip (KATA_SOURCE_MAPS=1 for kata's runtime). */
  sourceMaps: boolean;
}

/**
 * The `bootstrap` of an OS-only runtime (provided.al2023, provided.al2). Those runtimes have no
 * Node.js, so the script looks for one: $KATA_NODE, the `--node` path given at packaging, a layer's
 * /opt/bin/node or /opt/nodejs/bin/node, then node on PATH (/opt/bin is on Lambda's PATH). Without
 * one it reports Runtime.NodeNotFound to /runtime/init/error (bash's /dev/tcp: the image may lack
 * curl), so that the invoke response says what to do instead of a bare exit status.
 */
export function bootstrapScript(options: BootstrapOptions): string {
  const baked = options.node === undefined ? "" : ` ${shellQuote(options.node)}`;
  // Not --enable-source-maps: Node would read every module's map at start (the runtime's and the
  // function's: 2–9 ms). kata's runtime maps a stack through the function's map when it is formatted.
  const sourceMaps = options.sourceMaps ? "\nexport KATA_SOURCE_MAPS=1" : "";
  return `#!/bin/bash
# Written by kata package. Runs ${options.handler} under kata's runtime loop.
set -eu
task_root="\${LAMBDA_TASK_ROOT:-$(cd "$(dirname "$0")" && pwd)}"

fail_init() {
  echo "kata bootstrap: $1" >&2
  local message=\${1//\\\\/\\\\\\\\}
  message=\${message//\\"/\\\\\\"} # a JSON string: KATA_NODE may hold quotes or backslashes
  local body="{\\"errorType\\":\\"Runtime.NodeNotFound\\",\\"errorMessage\\":\\"$message\\"}"
  local api="\${AWS_LAMBDA_RUNTIME_API:-}"
  if [ -n "$api" ] && exec 3<>"/dev/tcp/\${api%:*}/\${api##*:}"; then
    local LC_ALL=C
    printf 'POST /2018-06-01/runtime/init/error HTTP/1.1\\r\\nHost: %s\\r\\nLambda-Runtime-Function-Error-Type: Runtime.NodeNotFound\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n\\r\\n%s' "$api" "\${#body}" "$body" >&3
    # Wait for the status line (bash's own read: PATH may hold nothing), so the error is recorded before the exit.
    read -r -t 10 -u 3 _ || true
  fi
  exit 1
}

if [ -n "\${KATA_NODE:-}" ]; then
  [ -x "$KATA_NODE" ] || fail_init "KATA_NODE is set to $KATA_NODE, which is not an executable file."
  node="$KATA_NODE"
else
  node=""
  for candidate in${baked} /opt/bin/node /opt/nodejs/bin/node; do
    if [ -x "$candidate" ]; then node="$candidate"; break; fi
  done
  [ -n "$node" ] || node="$(command -v node || true)"
  [ -n "$node" ] || fail_init "No Node.js found: OS-only runtimes have none. Add a layer with bin/node, set KATA_NODE, or package with --runtime nodejs22.x."
fi

# Leave V8 headroom under the function's memory size, so that it collects garbage before Lambda stops the sandbox.
heap=$(( \${AWS_LAMBDA_FUNCTION_MEMORY_SIZE:-1024} * 9 / 10 ))${sourceMaps}
exec "$node" --max-old-space-size="$heap" "$task_root/${options.runtimeFile}" ${shellQuote(options.handler)}
`;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
