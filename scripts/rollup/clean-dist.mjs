// Empties a package's dist/ when its build starts. Without it, files of modules that were renamed or merged
// (and every old content-hashed chunk) stay in dist/ and go out in the npm tarball (`files: ["dist"]`),
// where nothing imports them. Put it in the first of a package's rollup configs only: rollup runs the
// configs of one file in order, and a later one must not delete what an earlier one wrote.
import { rmSync } from 'node:fs';

/** @param {string} dir absolute path of the dist directory */
export const cleanDist = (dir) => ({
  name: 'clean-dist',
  buildStart() {
    rmSync(dir, { recursive: true, force: true });
  },
});
