// Building claims out of pieces: a claim made of exact text and of patterns is a pattern (the first
// patterns' reasons say where the freedom comes from); with an unknown piece it is unknown.
import type { Claim } from '../../core/ci-path.ts';

export const exact = (value: string): Claim => ({ value });
export const pattern = (glob: string, because: string): Claim =>
  /\*/.test(glob) ? { pattern: glob.replace(/\*+/g, '*'), because } : { value: glob };
export const unknown = (why: string): Claim => ({ unknown: why });

/** Text for a pattern: exact text as is (a `*` in it only widens the pattern), a pattern's glob. */
function globOf(claim: Claim): string | undefined {
  if ('value' in claim) return claim.value;
  if ('pattern' in claim) return claim.pattern;
  return undefined;
}

/** The claim whose text is the pieces one after another. */
export function joinClaims(pieces: readonly (string | Claim)[]): Claim {
  const claims = pieces.map((piece) => (typeof piece === 'string' ? exact(piece) : piece));
  const unknownPiece = claims.find((claim) => 'unknown' in claim);
  if (unknownPiece) return unknownPiece;
  const text = claims.map((claim) => globOf(claim)!).join('');
  const reasons = [
    ...new Set(
      claims.flatMap((claim) => ('pattern' in claim && /\*/.test(claim.pattern) ? [claim.because] : [])),
    ),
  ];
  return reasons.length > 0 ? pattern(text, reasons.join('; ')) : exact(text);
}

/** The claim with its text rewritten (exact text and a pattern's glob alike). */
export function mapClaim(claim: Claim, rewrite: (text: string) => string): Claim {
  if ('value' in claim) return exact(rewrite(claim.value));
  if ('pattern' in claim) return pattern(rewrite(claim.pattern), claim.because);
  return claim;
}
