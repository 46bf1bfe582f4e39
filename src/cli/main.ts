import { reportAndExit } from './errors.ts'
import { buildProgram } from './program.ts'

buildProgram().parseAsync(process.argv).catch(reportAndExit)
