import { connect } from 'node:net';

/**
 * Sends a request over a real socket to 127.0.0.1:`port`: the head, then `chunks` one by one while the server has
 * not answered. Resolves with the status and how many body bytes were written before the answer came — what
 * `inject` cannot show: that a server refuses a body before reading it.
 */
export function rawRequest(
  port: number,
  head: string,
  chunks: Buffer[],
): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sentBytes = 0;
    let answered = false;
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (m && !answered) {
        answered = true;
        socket.destroy();
        resolve({ status: Number(m[1]), sentBytes });
      }
    });
    socket.on('error', (err) => (answered ? undefined : reject(err)));
    socket.on('close', () =>
      answered ? undefined : reject(new Error(`closed without an answer after ${sentBytes} bytes`)),
    );
    socket.write(head);
    const pump = (i: number) => {
      if (answered || i >= chunks.length || socket.destroyed) return;
      socket.write(chunks[i]!, () => {
        sentBytes += chunks[i]!.length;
        setTimeout(() => pump(i + 1), 1);
      });
    };
    pump(0);
  });
}
