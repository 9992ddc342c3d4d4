#!/usr/bin/env node
import { buildCli } from "./build-cli.js";

await buildCli(process.argv.slice(2)).parseAsync();
