// One SDK client per (service, region, credentials) for the whole of a live read: a client per resource
// cost a TCP and TLS connection and ~3.5 ms of CPU in set-up for every call. The clients keep their
// connections alive between calls (the SDK's https agent does by default) and are closed when the read ends.
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;
type Client = ECRClient | ECSClient | EKSClient | IAMClient;
interface ClientConfig {
  readonly region: string;
  readonly credentials: Credentials;
  readonly maxAttempts: number;
}

export class AwsClients {
  private readonly clients = new Map<string, Client>();
  private readonly credentialIds = new WeakMap<object, number>();
  private lastId = 0;

  constructor(private readonly credentialsFor: (account: string | undefined) => Promise<Credentials>) {}

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

  /** Closes every client's connections: the read is over. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
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
      client = create({ region, credentials, maxAttempts: 1 });
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
