// Runs the cases ported in ./wharfie-registries.cases.ts through pullcheck (./k3s-registries.ts says how).
import { PORTED } from './wharfie-registries.cases.ts';
import { runPortedRegistries } from './k3s-registries.ts';

runPortedRegistries(PORTED);
