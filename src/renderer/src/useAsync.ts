import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from './useAction'

/** Loads a value from the station; `reload` fetches it again; errors are kept as text for the screen. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on, as for useEffect
  const run = useCallback(load, deps)
  const reload = useCallback(async () => {
    try {
      setValue(await run())
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [run])
  useEffect(() => {
    void reload()
  }, [reload])
  return { value, error, reload, setValue }
}
