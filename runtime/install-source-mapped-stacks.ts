import { installSourceMappedStacks } from "./source-mapped-stacks.js";

/*
 * What a function packaged by `kata package` for a nodejs* runtime imports before its own code, so
 * that its stacks name its sources without NODE_OPTIONS=--enable-source-maps (which reads every
 * map at start). When Node's own source maps are on, they stay in charge.
 */
if (!process.sourceMapsEnabled) installSourceMappedStacks();
