// One SDK client per (service, region, credentials) for the whole of a live read: a client per resource
// cost a TCP and TLS connection and ~3.5 ms of CPU in set-up for every call. The clients share one pair of
// keep-alive agents, a socket per call in flight (the runner never has more than its concurrency), closed
// when the read ends. Calls go out without per-call options, so the SDK resolves a command's middleware
// stack once per client instead of on every call (cacheMiddleware: ~0.2 ms of CPU a call). Concurrent calls
// of one command then share the stack's context, which is safe here: what the middleware stores in it (the
// endpoint, the auth scheme, the identity) does not depend on a call's input for ECR, ECS, EKS, IAM, Organizations and STS. No
// abort signal reaches the SDK then, so the request handler enforces the runner's timeout itself.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;
type Client = ECRClient | ECSClient | EKSClient | IAMClient | OrganizationsClient | STSClient;
interface ClientConfig {
  readonly region: string;
  readonly credentials: Credentials;
  readonly maxAttempts: number;
  readonly cacheMiddleware: boolean;
  readonly requestHandler: {
    readonly requestTimeout: number;
    readonly throwOnRequestTimeout: boolean;
    readonly httpAgent: HttpAgent;
    readonly httpsAgent: HttpsAgent;
  };
}

/** What the runner allows: calls in flight at once, and the time one attempt may take. */
export interface CallLimits {
  readonly concurrency: number;
  readonly timeoutMs: number;
}

export class AwsClients {
  private readonly clients = new Map<string, Client>();
  private readonly credentialIds = new WeakMap<object, number>();
  private lastId = 0;
  private readonly requestHandler: ClientConfig['requestHandler'];

  constructor(
    private readonly credentialsFor: (account: string | undefined) => Promise<Credentials>,
    limits: CallLimits,
  ) {
    const agent = { keepAlive: true, maxSockets: limits.concurrency };
    this.requestHandler = {
      requestTimeout: limits.timeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent(agent),
      httpsAgent: new HttpsAgent(agent),
    };
  }

  ecr(account: string | undefined, region: string): Promise<ECRClient> {
    return this.client('ecr', account, region, (config) => new ECRClient(config));
  }

  ecs(account: string | undefined, region: string): Promise<ECSClient> {
    return this.client('ecs', account, region, (config) => new ECSClient(config));
  }

  eks(account: string | undefined, region: string): Promise<EKSClient> {
    return this.client('eks', account, region, (config) => new EKSClient(config));
  }

  /** IAM is global: its endpoint is us-east-1's. */
  iam(account: string | undefined): Promise<IAMClient> {
    return this.client('iam', account, 'us-east-1', (config) => new IAMClient(config));
  }

  /** AWS Organizations is global too: its endpoint is us-east-1's. */
  organizations(account: string | undefined): Promise<OrganizationsClient> {
    return this.client('organizations', account, 'us-east-1', (config) => new OrganizationsClient(config));
  }

  /** STS, for whose session a set of credentials is (GetCallerIdentity), at us-east-1's endpoint as the others. */
  sts(account: string | undefined): Promise<STSClient> {
    return this.client('sts', account, 'us-east-1', (config) => new STSClient(config));
  }

  /** Closes every client's connections: the read is over. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.requestHandler.httpAgent.destroy();
    this.requestHandler.httpsAgent.destroy();
  }

  private async client<T extends Client>(
    service: string,
    account: string | undefined,
    region: string,
    create: (config: ClientConfig) => T,
  ): Promise<T> {
    // Keyed by the credentials themselves: accounts read with the base session share its clients.
    const credentials = await this.credentialsFor(account);
    const key = `${service} ${region} ${this.idOf(credentials)}`;
    let client = this.clients.get(key);
    if (!client) {
      const { requestHandler } = this;
      client = create({ region, credentials, maxAttempts: 1, cacheMiddleware: true, requestHandler });
      this.clients.set(key, client);
    }
    return client as T;
  }

  private idOf(credentials: Credentials): number {
    let id = this.credentialIds.get(credentials);
    if (id === undefined) {
      id = ++this.lastId;
      this.credentialIds.set(credentials, id);
    }
    return id;
  }
}
