// The one set of Ajv options: the runtime validator and the one compiled ahead of time must agree.
export const AJV_OPTIONS = { allErrors: true, discriminator: true, strict: true, verbose: true } as const;
