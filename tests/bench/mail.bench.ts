import { once } from 'node:events';
import net from 'node:net';

import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTPServer } from 'smtp-server';

import { createMailer, type Mailer, type OutgoingMail } from '../../server/src/lib/mailer';
import { printNote, printRow, runBounded, summarise } from './stats';

const MESSAGES = 300;
const IN_FLIGHT = 5;
const WARMUP = 50;

const message = (i: number): OutgoingMail => ({
  from: 'Pulse <pulse@localhost>',
  to: `bench-mail-${i % 10}@example.test`,
  subject: `Bench message ${i}`,
  text: `Message ${i} of a mail benchmark.\n`.repeat(20),
});

/**
 * 3. Pooled SMTP delivery, sequentially and with IN_FLIGHT messages at once, in three setups:
 *  - the product's mailer (createMailer) to the mail catcher;
 *  - a plain pooled nodemailer transport to a plain smtp-server, i.e. the libraries' defaults;
 *  - the same with Nagle's algorithm forced back on at both ends, to price what TCP_NODELAY saves.
 * nodemailer 10.6 and smtp-server 3.21 (the versions installed) turn Nagle off on their own
 * sockets, so "the defaults" are no longer "Nagle on"; the third setup has to undo that on purpose.
 * A p99 near 100 ms in the concurrent rows is a reconnect, not noise: the pool retires a connection
 * after 100 messages (nodemailer's maxMessages) and smtp-server waits 100 ms before greeting.
 */
export async function benchMail(catcherSmtpUrl: string): Promise<void> {
  const product = await sequentialAndConcurrent('createMailer → mail catcher', createMailer(catcherSmtpUrl));

  const plain = await startSmtpSink({ nagle: false });
  const defaults = await sequentialAndConcurrent('nodemailer defaults → smtp-server', pooled(plain.url, false));
  await plain.close();

  const nagleSink = await startSmtpSink({ nagle: true });
  const nagle = await sequentialAndConcurrent('Nagle forced on, both ends', pooled(nagleSink.url, true));
  await nagleSink.close();

  printNote(
    `ms/message sequential: createMailer ${product.sequential.toFixed(2)}, library defaults ` +
      `${defaults.sequential.toFixed(2)}, Nagle on ${nagle.sequential.toFixed(2)} ` +
      `(TCP_NODELAY saves ${(nagle.sequential - product.sequential).toFixed(1)} ms/message)`,
  );
  printNote(
    `ms/message ${IN_FLIGHT} in flight: createMailer ${product.concurrent.toFixed(2)}, library defaults ` +
      `${defaults.concurrent.toFixed(2)}, Nagle on ${nagle.concurrent.toFixed(2)}`,
  );
}

/** Runs both loops on one transport and returns wall-clock ms per message for each. */
async function sequentialAndConcurrent(label: string, mailer: Mailer) {
  try {
    // Opens every pooled connection and warms the code paths (the first setup would pay for the
    // JIT otherwise) before the timing starts.
    await runBounded(WARMUP, IN_FLIGHT, (i) => mailer.send(message(-1 - i)));
    const result = { sequential: 0, concurrent: 0 };
    for (const [key, inFlight] of [
      ['sequential', 1],
      ['concurrent', IN_FLIGHT],
    ] as const) {
      const run = await runBounded(MESSAGES, inFlight, (i) => mailer.send(message(i)));
      const what = inFlight === 1 ? 'sequential' : `${inFlight} in flight`;
      printRow(summarise(`mail: ${label}, ${what}`, run.samplesMs, run.elapsedMs));
      result[key] = run.elapsedMs / MESSAGES;
    }
    return result;
  } finally {
    mailer.close();
  }
}

/** A pooled transport built the plain way; with `nagle`, its sockets refuse TCP_NODELAY. */
function pooled(url: string, nagle: boolean): Mailer {
  const options: SMTPPool.Options & { url: string } = { url, pool: true, maxConnections: IN_FLIGHT };
  if (nagle) {
    options.getSocket = (_options, callback) => callback(null, { socket: keepNagle(new net.Socket()) });
  }
  const transport = nodemailer.createTransport(options);
  return {
    send: async (mail) => ({ messageId: String((await transport.sendMail(mail)).messageId) }),
    close: () => transport.close(),
  };
}

/** nodemailer and smtp-server both call setNoDelay(true) on their sockets; this socket ignores it. */
function keepNagle(socket: net.Socket): net.Socket {
  socket.setNoDelay = () => socket;
  return socket;
}

/**
 * An SMTP server doing what the mail catcher does with a message (parse it) but nothing else,
 * so the only difference between the setups is the socket option.
 */
async function startSmtpSink(opts: { nagle: boolean }) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(() => callback(), callback);
    },
  });
  // 'connection' fires before smtp-server builds its SMTPConnection (which sets NODELAY).
  if (opts.nagle) smtp.server.on('connection', keepNagle);
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const { port } = smtp.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
