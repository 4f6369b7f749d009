/**
 * A TCP port nobody listens on right now on 127.0.0.1, for a server started next (`wrangler dev`, its inspector),
 * so tests and benchmarks never collide with a running `npm start` or with each other.
 */
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
