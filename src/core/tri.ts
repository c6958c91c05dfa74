// Three-valued answers shared by every cloud's rules: "unknown" is first class and never rounds to yes/no.
export type Tri = 'yes' | 'no' | 'unknown';

/** Both must hold: any `no` decides; otherwise `yes` only when both are `yes`. */
export function and(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}

/** Either may hold: any `yes` decides; otherwise `no` only when both are `no`. */
export function or(a: Tri, b: Tri): Tri {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'no' && b === 'no' ? 'no' : 'unknown';
}
