// Runs the cases ported in ./k3s-host-configs.cases.ts through pullcheck (./k3s-registries.ts says how).
import { PORTED } from './k3s-host-configs.cases.ts';
import { runPortedRegistries } from './k3s-registries.ts';

runPortedRegistries(PORTED);
