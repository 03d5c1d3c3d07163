import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * Answers an HTTP CONNECT for one of `hosts` on port 443 by piping the tunnel to `port` on 127.0.0.1 (a local HTTPS
 * server, which then sees the real host name in the TLS handshake and the Host header); any other target is refused,
 * so nothing leaves the machine. `track` is told of every socket, for closing them with the server.
 */
export function tunnel(
  req: IncomingMessage,
  client: Socket,
  head: Buffer,
  hosts: readonly string[],
  port: number,
  track: (socket: Socket) => void,
): void {
  track(client);
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
  const host = match?.[1]?.toLowerCase();
  if (!host || !hosts.includes(host) || match?.[2] !== '443') {
    client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    return;
  }
  const upstream = connect(port, '127.0.0.1');
  track(upstream);
  const drop = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', drop);
  upstream.on('error', drop);
  upstream.once('connect', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
}
