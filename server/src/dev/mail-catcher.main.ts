// Runs the mail catcher as its own process for `npm start` and `npm run bench`.
import { startMailCatcher } from './mail-catcher';

const port = (key: string, fallback: number) => Number(process.env[key] ?? fallback);

void startMailCatcher({
  smtpPort: port('CATCHER_SMTP_PORT', 1025),
  httpPort: port('CATCHER_HTTP_PORT', 1080),
  keep: process.env.CATCHER_KEEP ? Number(process.env.CATCHER_KEEP) : undefined,
}).then((catcher) => {
  console.log(`mail catcher: SMTP ${catcher.smtpUrl}, messages at ${catcher.httpUrl}/messages`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void catcher.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
