#!/usr/bin/env node
// The pullcheck CLI: the action's bundle (index.js), started as the command line.
globalThis.PULLCHECK_ENTRY = 'cli';
await import('./index.js');
