// Starts kmeans-worker.ts in a worker thread: workers do not inherit the main thread's
// TypeScript loader, so the thread registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./kmeans-worker.ts');
