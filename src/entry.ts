// The one bundle's entry (dist/index.js): the action, as action.yml runs it, or the command line when the
// dist/cli.js launcher says so. One bundle instead of two keeps dist/ half the size (the Google clients and
// their protos are large); each side is loaded only when it runs.
import './shims/dirname.ts';

const entry = (globalThis as { PULLCHECK_ENTRY?: string }).PULLCHECK_ENTRY;
if (entry === 'cli') await import('./cli.ts');
else await import('./main.ts');
