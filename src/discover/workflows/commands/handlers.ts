// Every command handler a `run:` step's commands are offered to, in order: the first that recognises a
// command reads it.
import { cloudBuildConfig } from './cloud-build.ts';
import { applyManifests } from './apply-manifests.ts';
import { clusterCredentials, setImage } from './cluster-credentials.ts';
import { ecsCommands } from './ecs-commands.ts';
import { serverlessDeploys } from './serverless-deploys.ts';
import { unreadDeploys } from './unread-deploys.ts';
import { composePush } from './compose.ts';
import type { CommandHandler } from './context.ts';
import { jibBuild } from './jib.ts';
import { koBuild } from './ko.ts';
import { makeTargets } from './makefile.ts';
import { goreleaserRelease } from './goreleaser.ts';
import { mayPush } from './may-push.ts';
import { pushTools } from './push-tools.ts';
import { repositoryScripts } from './scripts.ts';
import { skaffoldBuild } from './skaffold.ts';

// cloudBuildConfig reads `gcloud builds submit` without --tag; with it, pushTools does.
export const HANDLERS: readonly CommandHandler[] = [
  clusterCredentials,
  setImage,
  ...applyManifests,
  ecsCommands,
  serverlessDeploys,
  unreadDeploys,
  cloudBuildConfig,
  pushTools,
  composePush,
  skaffoldBuild,
  koBuild,
  jibBuild,
  makeTargets,
  goreleaserRelease,
  repositoryScripts,
  mayPush,
];
