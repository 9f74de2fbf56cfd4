import { libraryConfig } from '../../scripts/rollup/library.mjs';

export default libraryConfig(import.meta.dirname, { index: 'src/index.ts', cli: 'src/cli.ts' });
