import { installSourceMappedStacks } from "./source-mapped-stacks.js";

/*
 * What a function packaged by `kata package` for a nodejs* runtime imports before its own code, so
 * that its stacks name its sources without NODE_OPTIONS=--enable-source-maps (which reads every
 * map at start). Node's own source maps, or a formatter installed before, stay in charge.
 */
installSourceMappedStacks();
