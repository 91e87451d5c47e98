/**
 * The file piscina starts in each worker thread; it loads the real worker module (`workerData.module`,
 * an ES module URL) with import().
 *
 * piscina loads its worker file with require() first. On Node 20.19+ require() of an ES module goes
 * through require(esm), and a thread stopped while that load is under way (a pool closed as it
 * starts) aborts the whole process with a V8 fatal error ("IsGraphAsync must be used on an
 * instantiated module"). An import() that a stopped thread leaves unfinished harms nothing.
 */
'use strict';
const { workerData } = require('piscina');

// os.setPriority(n) is setpriority(PRIO_PROCESS, 0, n), which Linux applies to the calling thread
// only: this worker's jobs yield to the main thread's requests (see WORKER_NICENESS).
try {
  require('node:os').setPriority(workerData.niceness);
} catch {
  // Not permitted or not supported here: the worker runs at the process's priority.
}

const loaded = import(workerData.module);
// A module that fails to load fails each job with its error, as piscina would have.
loaded.catch(() => {});

module.exports = async function run(job) {
  const { default: handler } = await loaded;
  return handler(job);
};
