// `facts.github`: what GitHub itself decides about a workflow job's OIDC token (issue 18) and a check
// cannot read from the workflow files: the repository's subject template ("OpenID Connect reference",
// Customizing the subject claims), its ids and its default branch. Not a cloud, so not a provider
// fragment: the config's frame (./schema.ts) adds it beside the providers' facts.
import { Type, type Static } from '@sinclair/typebox';
import { closed } from './schema-parts.ts';

// Ids arrive as YAML numbers or quoted strings; both are kept as written.
const NumericId = (what: string) =>
  Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9][0-9]*$' })], {
    description: `the ${what}'s numeric id (GitHub's REST API: \`id\`)`,
  });

const SubClaim = Type.Object(
  {
    useDefault: Type.Boolean({
      description:
        "GitHub's use_default: true for the default subject (repo:OWNER/REPO:environment:…, :pull_request, :ref:…); false for a template of claim keys",
    }),
    includeClaimKeys: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]+$' }), {
        uniqueItems: true,
        description:
          "with useDefault false: the template in force, in order (the repository's own, or its organization's when the repository opts in), e.g. [repo, context, job_workflow_ref]",
      }),
    ),
    prefix: Type.Optional(
      Type.String({
        pattern: '^repo:[A-Za-z0-9_.-]+(@[0-9]+)?/[A-Za-z0-9_.-]+(@[0-9]+)?$',
        description:
          "GitHub's sub_claim_prefix: repo:OWNER/REPO, or the immutable repo:OWNER@OWNER_ID/REPO@REPO_ID of a repository created, renamed or transferred after 15 July 2026 or opted in",
      }),
    ),
  },
  {
    ...closed,
    description:
      "the repository's OIDC subject template, as GET /repos/OWNER/REPO/actions/oidc/customization/sub answers",
  },
);

export const GithubFacts = Type.Object(
  {
    oidc: Type.Optional(
      Type.Object(
        {
          subClaim: Type.Optional(SubClaim),
          repositoryId: Type.Optional(NumericId('repository')),
          repositoryOwnerId: Type.Optional(NumericId('repository owner')),
          defaultBranch: Type.Optional(
            Type.String({
              minLength: 1,
              description: 'the default branch (schedule, workflow_run, … run there)',
            }),
          ),
          repositoryVisibility: Type.Optional(
            Type.Union([Type.Literal('public'), Type.Literal('private'), Type.Literal('internal')], {
              description: 'the repository visibility (the repository_visibility claim)',
            }),
          ),
        },
        { ...closed, description: "what GitHub decides about a job's OIDC token (issue 18)" },
      ),
    ),
  },
  { ...closed, description: 'facts about the GitHub repository the workflows run in' },
);

export type GithubFactsInput = Static<typeof GithubFacts>;
