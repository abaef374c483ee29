import { createServer } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  /** The envelope: who the client said the mail was from and for (the SMTP MAIL FROM and RCPT TO). */
  envelope: { from: string; to: string[] };
  /** The message as a mail client reads it (headers, text, HTML, attachments), parsed by mailparser. */
  mail: ParsedMail;
  /** The login the client used, if any. */
  user: string | null;
}

/**
 * A real SMTP server on a localhost port, for tests: it takes mail in (after an optional login), keeps
 * every message parsed, and refuses the recipients it is told to refuse with a permanent 550. It can be
 * stopped and started again on the same port, to play a mail server that is down for a while.
 */
export class TestSmtpServer {
  readonly received: ReceivedEmail[] = [];
  /** Addresses refused with "550 5.1.1 No such user here". */
  readonly refuse = new Set<string>();
  private server: SMTPServer | null = null;

  private constructor(
    readonly port: number,
    private readonly login: { user: string; pass: string },
  ) {}

  /** A free port on 127.0.0.1, with nothing listening on it yet. */
  static async reservePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    if (!address || typeof address === "string") throw new Error("no port");
    return address.port;
  }

  /** A server for `port` (not yet listening: connections are refused until `start`). */
  static async on(port?: number, login = { user: "redress", pass: "s3cret" }): Promise<TestSmtpServer> {
    return new TestSmtpServer(port ?? (await TestSmtpServer.reservePort()), login);
  }

  /** `smtp://user:pass@127.0.0.1:port` */
  get url(): string {
    return `smtp://${this.login.user}:${this.login.pass}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const received = this.received;
    const refuse = this.refuse;
    const login = this.login;
    const server = new SMTPServer({
      logger: false,
      // Plain SMTP on localhost: no certificate to trust, and a login allowed without TLS.
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      onAuth(auth, _session, callback) {
        if (auth.username === login.user && auth.password === login.pass)
          callback(null, { user: auth.username });
        else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address))
          callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const from = session.envelope.mailFrom;
            received.push({
              envelope: {
                from: from ? from.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              mail,
              user: typeof session.user === "string" ? session.user : null,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  /** Stops listening: from now on connections are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
