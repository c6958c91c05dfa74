// EKS lists are paged: every page of node groups and Fargate profiles is read, and a list pullcheck cannot
// read to its end makes the cluster unreadable (its roles unknown), never a cluster with fewer roles.
// A protocol-faithful EKS endpoint (REST-JSON) on 127.0.0.1, read through the real SDK client.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { CallRunner } from '../../../src/core/call-runner.ts';
import { collectAwsFacts } from '../../../src/providers/aws/collect.ts';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** An EKS endpoint whose cluster `prod` has node groups a, b, c (pages of `pageSize`) and Fargate profiles f1, f2. */
async function eksEndpoint(options: { pageSize: number; refuseSecondPage?: boolean }) {
  const pages = (names: string[], token: string | null) => {
    // A token no message could hold by chance: a leak of it is seen.
    const start = token ? Number(token.replace('page-token#', '')) : 0;
    const next = start + options.pageSize;
    return {
      names: names.slice(start, next),
      nextToken: next < names.length ? `page-token#${next}` : undefined,
    };
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const token = url.searchParams.get('nextToken');
    if (token && options.refuseSecondPage) {
      response.setHeader('x-amzn-errortype', 'AccessDeniedException');
      return answer(403, { message: 'User is not authorized to perform: eks:ListNodegroups' });
    }
    const path = url.pathname;
    if (path === '/clusters/prod') return answer(200, { cluster: { name: 'prod', status: 'ACTIVE' } });
    if (path === '/clusters/prod/node-groups') {
      const { names, nextToken } = pages(['a', 'b', 'c'], token);
      return answer(200, { nodegroups: names, ...(nextToken ? { nextToken } : {}) });
    }
    if (path.startsWith('/clusters/prod/node-groups/')) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return answer(200, { nodegroup: { nodegroupName: name, nodeRole: role(`nodes-${name}`) } });
    }
    if (path === '/clusters/prod/fargate-profiles') {
      const { names, nextToken } = pages(['f1', 'f2'], token);
      return answer(200, { fargateProfileNames: names, ...(nextToken ? { nextToken } : {}) });
    }
    if (path.startsWith('/clusters/prod/fargate-profiles/')) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return answer(200, {
        fargateProfile: { fargateProfileName: name, podExecutionRoleArn: role(`pods-${name}`) },
      });
    }
    answer(404, { message: `no such path ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function readCluster(endpoint: string) {
  const previous = { ...process.env };
  Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: endpoint, AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const known = ['nodes-a', 'nodes-b', 'nodes-c', 'pods-f1', 'pods-f2'].map((name) => ({
      arn: role(name),
      permissionsBoundary: null,
    }));
    const facts = await collectAwsFacts(
      {
        images: [],
        targets: [{ name: 'prod', platform: 'eks', account: ACCOUNT, region: REGION, cluster: 'prod' }],
        known: { roles: known },
      },
      {
        runner: new CallRunner({ concurrency: 4 }),
        credentialsFor: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
      },
    );
    return facts.clusters?.[0];
  } finally {
    process.env = previous;
  }
}

test("every page of node groups and Fargate profiles is read, in the lists' order", async () => {
  const endpoint = await eksEndpoint({ pageSize: 1 });
  try {
    const cluster = await readCluster(endpoint.url);
    assert.equal(cluster?.unreadable, undefined);
    assert.deepEqual(cluster?.roles, [
      role('nodes-a'),
      role('nodes-b'),
      role('nodes-c'),
      role('pods-f1'),
      role('pods-f2'),
    ]);
  } finally {
    endpoint.close();
  }
});

test('a list that cannot be read to its end leaves the cluster unreadable, not with fewer roles', async () => {
  const endpoint = await eksEndpoint({ pageSize: 2, refuseSecondPage: true });
  try {
    const cluster = await readCluster(endpoint.url);
    assert.match(cluster?.unreadable ?? '', /eks:ListNodegroups/);
    assert.doesNotMatch(cluster?.unreadable ?? '', /page-token/, 'the page token is not in the message');
    assert.deepEqual(cluster?.roles ?? [], [], 'no roles from a list read in part');
  } finally {
    endpoint.close();
  }
});
