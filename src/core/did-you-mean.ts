// "did you mean" for a mistyped key or value: the allowed word closest to what was written, when it is
// close enough to be the likely intent (a far-off word would only mislead).

/** ` (did you mean \`eks\`?)`, or '' when no allowed word is close to `written`. */
export function didYouMean(written: string, allowed: readonly string[]): string {
  const closest = closestWord(written, allowed);
  return closest === undefined ? '' : ` (did you mean \`${closest}\`?)`;
}

/** The allowed word at the smallest edit distance, ignoring case; ties go to the first listed. */
export function closestWord(written: string, allowed: readonly string[]): string | undefined {
  // Longer words tolerate more typos; a word longer than any allowed one by far is not a typo of it.
  if (written.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(written.length / 3)) + 1;
  for (const candidate of allowed) {
    const distance = typoDistance(written.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) from a to b: the optimal string alignment
 * distance, so `gek` is one edit from `gke`, as people mistype.
 */
function typoDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = distance;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
