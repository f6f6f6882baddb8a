import { ALL_WRITE_SCOPES, signDevelopmentToken } from "@newsfed/gateway";
import type { Identity } from "@newsfed/kit/identity";

/** Acting as an editor with every write scope, for fixtures written through the services. */
export const EDITOR: Identity = { subject: "test-editor", scopes: ALL_WRITE_SCOPES };

/** Bearer tokens as partners would send them (signed with the development secret the test gateway accepts). */
export const tokens = {
  editor: () => signDevelopmentToken({ subject: "test-editor" }),
  readOnly: () => signDevelopmentToken({ subject: "test-reader", scopes: [] }),
  only: (scope: string) => signDevelopmentToken({ subject: `test-${scope}`, scopes: [scope] }),
};
