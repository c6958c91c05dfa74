// The shape of k3s's /etc/rancher/k3s/registries.yaml (k3s docs, "Private Registry Configuration": mirrors
// with endpoint and rewrite, configs with auth and tls): data, so its validator is compiled at build time.
import { Type, type Static } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;

export const RegistriesSchema = Type.Object(
  {
    mirrors: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          {
            endpoint: Type.Optional(
              Type.Array(
                // The scheme may be left out: "otherwise it will default to https" (k3s docs, "Without TLS").
                Type.String({
                  pattern: '^(?:https?://|(?![A-Za-z][A-Za-z0-9+.-]*://))[A-Za-z0-9[]',
                  description:
                    'an endpoint URL, [https://]HOST[:PORT][/path] (https when no scheme is written)',
                }),
              ),
            ),
            rewrite: Type.Optional(Type.Record(Type.String(), Type.String())),
          },
          closed,
        ),
      ),
    ),
    configs: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          {
            auth: Type.Optional(
              Type.Object(
                {
                  username: Type.Optional(Type.String()),
                  password: Type.Optional(Type.String()),
                  auth: Type.Optional(Type.String()),
                  identity_token: Type.Optional(Type.String()),
                },
                closed,
              ),
            ),
            tls: Type.Optional(
              Type.Object(
                {
                  cert_file: Type.Optional(Type.String()),
                  key_file: Type.Optional(Type.String()),
                  ca_file: Type.Optional(Type.String()),
                  insecure_skip_verify: Type.Optional(Type.Boolean()),
                },
                closed,
              ),
            ),
          },
          closed,
        ),
      ),
    ),
  },
  { ...closed, title: 'k3s registries.yaml' },
);

export type RegistriesInput = Static<typeof RegistriesSchema>;
