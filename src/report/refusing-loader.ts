import type { Loader } from 'vega';

/**
 * A Vega loader that refuses every URL and every file: report charts take inline data
 * only, so rendering can never read a file or make a network request.
 * Cost: O(1). The returned loader's methods reject with an Error naming the URL.
 * @example await refusingLoader().load('https://example.org/x.csv') // rejects
 */
export function refusingLoader(): Loader {
  const refuse =
    (what: string) =>
    async (uri: string): Promise<never> => {
      throw new Error(`report charts take inline data only: refused to ${what} ${JSON.stringify(String(uri))}`);
    };
  return { load: refuse('load'), sanitize: refuse('sanitize'), http: refuse('fetch'), file: refuse('read') };
}
