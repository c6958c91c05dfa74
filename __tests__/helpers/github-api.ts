// A GitHub REST API server on 127.0.0.1, faithful enough for Octokit: issue comments with Link-header
// pagination, create and update (written as the token's identity), GraphQL `viewer` (the identity:
// `github-actions[bot]` for GITHUB_TOKEN, `APP[bot]` for an app's installation token, a person's login),
// GET /user answered as GitHub answers an installation token (403) unless the token is a person's, and
// injected faults (403, 429 with retry-after, 502). Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface StoredComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: string };
}

export interface Fault {
  readonly method: string;
  readonly pathIncludes: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly message: string;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments = new Map<number, StoredComment[]>();
  private readonly faults: Fault[] = [];
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  /** The login the token acts as; `personal` tokens also answer GET /user; `graphql: false` has no GraphQL. */
  identity: { login: string; personal?: boolean; graphql?: boolean } = { login: 'github-actions[bot]' };

  constructor(private readonly token: string) {}

  /** Answers the next matching request with this fault (once). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  seedComments(issue: number, bodies: readonly string[], login = 'someone'): void {
    for (const body of bodies) this.store(issue, body, login, 'User');
  }

  commentsOf(issue: number): StoredComment[] {
    return this.comments.get(issue) ?? [];
  }

  writes(): RecordedRequest[] {
    return this.requests.filter(
      (request) => (request.method === 'POST' && request.path !== '/graphql') || request.method === 'PATCH',
    );
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private store(issue: number, body: string, login: string, type: string): StoredComment {
    const id = this.nextId++;
    const comment = {
      id,
      body,
      html_url: `https://github.test/acme/app/pull/${issue}#issuecomment-${id}`,
      user: { login, type },
    };
    this.comments.set(issue, [...this.commentsOf(issue), comment]);
    return comment;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    this.requests.push({
      method,
      path: `${url.pathname}${url.search}`,
      authorization: request.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(payload));
    };
    const faultIndex = this.faults.findIndex(
      (f) => f.method === method && url.pathname.includes(f.pathIncludes),
    );
    if (faultIndex !== -1) {
      const [fault] = this.faults.splice(faultIndex, 1);
      return send(
        fault!.status,
        { message: fault!.message, documentation_url: 'https://docs.github.com/rest' },
        fault!.headers,
      );
    }
    if (
      request.headers.authorization !== `token ${this.token}` &&
      request.headers.authorization !== `Bearer ${this.token}`
    ) {
      return send(401, { message: 'Bad credentials' });
    }
    if (method === 'GET' && url.pathname === '/user') {
      return this.identity.personal
        ? send(200, { login: this.identity.login, type: 'User' })
        : send(403, { message: 'Resource not accessible by integration' });
    }
    if (method === 'POST' && url.pathname === '/graphql' && this.identity.graphql !== false) {
      const query = (JSON.parse(body) as { query: string }).query;
      if (/viewer\s*\{\s*login\s*\}/.test(query))
        return send(200, { data: { viewer: { login: this.identity.login } } });
      return send(200, { errors: [{ message: 'this fake answers only viewer { login }' }] });
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list && method === 'GET') {
      const issue = Number(list[3]);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.commentsOf(issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) =>
        `<${this.url}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      return send(
        200,
        all.slice((page - 1) * perPage, page * perPage),
        links.length > 0 ? { link: links.join(', ') } : {},
      );
    }
    if (list && method === 'POST') {
      const created = this.store(
        Number(list[3]),
        (JSON.parse(body) as { body: string }).body,
        this.identity.login,
        this.identity.personal ? 'User' : 'Bot',
      );
      return send(201, created);
    }
    const update = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (update && method === 'PATCH') {
      const id = Number(update[3]);
      for (const comments of this.comments.values()) {
        const comment = comments.find((c) => c.id === id);
        if (comment) {
          comment.body = (JSON.parse(body) as { body: string }).body;
          return send(200, comment);
        }
      }
    }
    return send(404, { message: 'Not Found' });
  }
}
