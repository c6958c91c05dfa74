// Who pulls for a `lambda` target: the Lambda service itself, and only from private Amazon ECR.
// AWS Lambda API Reference, FunctionCode.ImageUri: "URI of a container image in the Amazon ECR registry";
// Lambda Developer Guide, "Create a Lambda function using a container image", "Requirements".
import type { ImageReference } from '../../core/image-reference.ts';
import type { TargetPrincipal } from '../../core/provider.ts';
import { LAMBDA_DOC, LAMBDA_SERVICE } from './lambda-pull.ts';

export function lambdaPrincipals(image: ImageReference): TargetPrincipal[] {
  if (image.registry.kind === 'ecr') return [{ principal: LAMBDA_SERVICE }];
  // Decided here, before public images: even an image anyone may pull cannot be a function's image.
  return [
    {
      principal: LAMBDA_SERVICE,
      unnamed: {
        verdict: 'denied',
        reasons: [
          `a Lambda function's container image must be in a private Amazon ECR repository in the function's Region (${LAMBDA_DOC} "Requirements"); ${image.raw} is in a ${image.registry.kind} registry`,
        ],
        missing: [
          {
            side: 'resource',
            permissions: [],
            fix: {
              text: `Push ${image.raw} to a private ECR repository in the function's account or Region (for example through an ECR pull-through cache rule) and deploy that URI.`,
              snippets: {},
            },
          },
        ],
      },
    },
  ];
}
