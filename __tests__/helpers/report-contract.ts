/** The fields of one JSON report result, in order (SPEC §5: extend, never rename). */
export const RESULT_FIELDS = [
  'image',
  'registry',
  'target',
  'principal',
  'verdict',
  'reasons',
  'missing',
  'source',
];
