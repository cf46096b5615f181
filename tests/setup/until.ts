/**
 * Re-reads `read` until `done` holds, for state a worker moves just after an effect the test can
 * see (a mail is accepted by SMTP a moment before its document says `sent`); rejects after 10 s.
 */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('the awaited state never came');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
