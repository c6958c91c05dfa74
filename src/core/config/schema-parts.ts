// The pieces of the config contract every provider's schema fragment builds on: closed objects, names
// that reach report and log lines, policy documents, and the fields every target has.
import { Type, type TSchema } from '@sinclair/typebox';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../kubernetes-names.ts';
import type { LocatedDocument } from './document.ts';

export const closed = { additionalProperties: false } as const;

export const ImageRef = Type.String({
  minLength: 1,
  description: 'an image reference, e.g. ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo',
});

// Target names reach report lines and log lines: one printable line that starts with a letter or digit,
// so a name can neither break a line nor start one with `::` (a workflow command).
export const TargetName = Type.String({
  pattern: '^[\\p{L}\\p{N}][^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*$',
  maxLength: 100,
  description:
    'a target name: up to 100 characters on one line, starting with a letter or digit, no control characters',
});
export const Namespace = Type.String({
  ...DNS1123_LABEL,
  description:
    'a namespace name: a DNS-1123 label (at most 63 lowercase letters, digits and -, starting and ending with a letter or digit)',
});
export const ServiceAccountName = Type.String({
  ...DNS1123_SUBDOMAIN,
  description:
    'a service account name: a DNS-1123 subdomain (at most 253 lowercase letters, digits, - and ., starting and ending with a letter or digit)',
});
export const SecretName = Type.String({
  ...DNS1123_SUBDOMAIN,
  description:
    'a Secret name: a DNS-1123 subdomain (at most 253 lowercase letters, digits, - and ., starting and ending with a letter or digit)',
});

/**
 * A policy document: inline (YAML/JSON object), a JSON string, or `{ file: path }` relative to the config.
 * The loader replaces every document with a LocatedDocument before anyone reads the config.
 */
export const Document = Type.Unsafe<LocatedDocument>({
  description: 'a policy document: an inline object, a JSON string, or { file: path relative to the config }',
  anyOf: [
    {
      type: 'object',
      properties: { file: { type: 'string', minLength: 1 } },
      required: ['file'],
      additionalProperties: false,
    },
    { type: 'object' },
    { type: 'string' },
  ],
});
export const NullableDocument = Type.Union([Document, Type.Null()]);

/** One cloud's part of the config contract: its targets, its `facts.<name>`, and optional extras. */
export interface SchemaFragment {
  readonly name: string;
  readonly targets: readonly TSchema[];
  readonly facts: TSchema;
  readonly documentPaths: readonly DocumentPath[];
  /**
   * Where the config holds paths of files its rules read, from the config's root (`*`: every entry of a
   * list), relative to the config: a snapshot rewrites them relative to itself.
   */
  readonly filePaths?: readonly (readonly (string | '*')[])[];
  /** `auth.<name>`: how live reads reach its other accounts. */
  readonly auth?: TSchema;
  /** `endpoints.<key>`: where its APIs are really reached. */
  readonly endpoints?: { readonly key: string; readonly schema: TSchema };
}

/**
 * Where a fragment's facts hold documents, for the loader to resolve (`*`: every entry of a list).
 * `orArn`: an ARN string there names a managed policy, not a document (an AWS permissions boundary).
 */
export interface DocumentPath {
  readonly path: readonly (string | '*')[];
  readonly orArn?: boolean;
}

export function target<P extends string, F extends Record<string, TSchema>>(platform: P, fields: F) {
  return Type.Object(
    {
      name: TargetName,
      platform: Type.Literal(platform),
      images: Type.Optional(
        Type.Array(ImageRef, { description: 'subset of images to check (default: all)' }),
      ),
      ...fields,
    },
    closed,
  );
}
