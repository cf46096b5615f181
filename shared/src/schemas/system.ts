import { z } from 'zod';

/** What the web app may know about this server before anyone signs in. */
export const SystemConfig = z.object({
  /**
   * Development only: the mail catcher's own page, where a developer reads the mail Pulse sent
   * to their own address (a password reset, say). null everywhere else.
   */
  mailCatcherUrl: z.string().nullable(),
});
export type SystemConfig = z.infer<typeof SystemConfig>;
