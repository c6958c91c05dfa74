import { run } from './action/run.ts';

await run();
