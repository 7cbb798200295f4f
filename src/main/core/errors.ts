import { StationError } from '../../shared/contract'

export { StationError }

/** Throws a refusal: a stable code for programs, a sentence for the person at the station. */
export const refuse = (code: string, message: string): never => {
  throw new StationError(code, message)
}
