// Loaded before the program (`node -r`) by process-edges.test.ts: a bug, as the engine or a
// callback would have one. Not a test itself.
const { Analysis } = require('../../src/engine');

Analysis.prototype.connectivity = function connectivity() {
  throw new Error('the engine broke\nsecond line, which could hold a piece of the input');
};
// connlist streams the listing
Analysis.prototype.forEachConnection = Analysis.prototype.connectivity;

if (process.env.NETPOL_TEST_THROW_LATER) {
  setImmediate(() => {
    throw new Error('a late callback broke');
  });
}
