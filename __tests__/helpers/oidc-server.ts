// GitHub's OIDC token service as the runner exposes it to actions: GET ACTIONS_ID_TOKEN_REQUEST_URL
// (&audience=…) with `Authorization: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN` → { "value": JWT }.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeGitHubJwt } from './google-apis.ts';

export interface OidcServer {
  readonly requestUrl: string;
  readonly requestToken: string;
  readonly audiences: string[];
  /** Every JWT it handed out (fake, unsigned; `aud` is the requested audience): tests search outputs for them. */
  readonly issued: string[];
  stop(): Promise<void>;
}

export async function startOidcServer(requestToken = 'FAKE-actions-request-token-5d1e'): Promise<OidcServer> {
  const audiences: string[] = [];
  const issued: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.headers.authorization !== `Bearer ${requestToken}`) {
      response.writeHead(401).end();
      return;
    }
    const audience = url.searchParams.get('audience') ?? '';
    audiences.push(audience);
    const idToken = fakeGitHubJwt({ aud: audience, sub: 'repo:acme/app:pull_request' });
    issued.push(idToken);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ value: idToken }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    requestUrl: `http://127.0.0.1:${port}/token?api-version=2.0`,
    requestToken,
    audiences,
    issued,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
