// Makes the fuzzer's seeds (seeds.ts) in a worker of its own, so that the generator's modules leave with it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSeeds } from './seeds.ts';

parentPort!.postMessage(await loadSeeds(workerData as number));
