// The ECR API actions a pull needs ("the container agent must have permissions to make the
// ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, and ecr:GetAuthorizationToken APIs":
// docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html): the rule asks, the fixes grant.
export const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] as const;
/** Registry-wide (Resource "*"): the token the client logs in with. */
export const TOKEN_ACTION = 'ecr:GetAuthorizationToken';
// The actions a push needs on the repository ("Pushing a Docker image to an Amazon ECR private repository":
// IAM permissions for pushing an image), with GetAuthorizationToken to log in.
export const PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
] as const;
