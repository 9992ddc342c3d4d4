import { describeCognitoSchema } from "./cognito-fixtures.js";

describeCognitoSchema("cognito-sign-up", ["base", "pre-sign-up-external-provider"]);
