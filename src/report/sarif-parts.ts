// The pieces of a SARIF log both the pulls' and the CI path's results are made of.
import type { ReportingDescriptor, Result } from 'sarif';
import type { Origin } from '../core/origins.ts';

export function pullRule(
  id: string,
  name: string,
  short: string,
  full: string,
  level: Result.level,
): ReportingDescriptor {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level },
  };
}

export function location(origin: Origin) {
  return {
    physicalLocation: {
      artifactLocation: artifact(origin.file),
      ...(origin.line ? { region: { startLine: origin.line } } : {}),
    },
  };
}

/**
 * Relative paths are relative to the checkout, as code scanning resolves them (`%SRCROOT%`); an absolute one
 * (a config given by absolute path) becomes a file URI.
 */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const uri = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${uri.replace('%3A', ':')}` };
  if (slashed.startsWith('/')) return { uri: `file://${uri}` };
  return { uri, uriBaseId: '%SRCROOT%' };
}
