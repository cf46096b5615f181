// Runs the mail catcher as its own process for `npm start`.
import { startMailCatcher } from './mail-catcher';

const port = (key: string, fallback: number) => Number(process.env[key] ?? fallback);

void startMailCatcher({ smtpPort: port('CATCHER_SMTP_PORT', 1025), httpPort: port('CATCHER_HTTP_PORT', 1080) }).then(
  (catcher) => {
    console.log(`mail catcher: SMTP ${catcher.smtpUrl}, messages at ${catcher.httpUrl}/messages`);
    const stop = () => void catcher.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
);
