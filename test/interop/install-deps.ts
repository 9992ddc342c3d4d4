// `npm run test:interop`, step 1: Node.js 22 and aws-lambda-ric into test/interop/deps, once.
import { ensureNode22AndRic } from "./support/node22.js";

ensureNode22AndRic();
