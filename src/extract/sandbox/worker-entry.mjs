// The worker thread's entry: TypeScript is loaded through tsx here, so the worker does not depend on
// the flags its parent was started with.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
