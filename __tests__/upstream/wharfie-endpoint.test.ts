// Runs the cases ported in ./wharfie-endpoint.cases.ts through pullcheck (./k3s-registries.ts says how).
import { PORTED } from './wharfie-endpoint.cases.ts';
import { runPortedRegistries } from './k3s-registries.ts';

runPortedRegistries(PORTED);
