export { KataFunction, type KataFunctionProps, type KataRuntime } from "./kata-function.js";
