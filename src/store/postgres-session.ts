/**
 * The connection string and the startup `options` to open Postgres connections with: the store's
 * own settings first, then any that DATABASE_URL's `options` parameter gives, which win (Postgres
 * applies startup settings in order). pg lets a URL's `options` replace the pool's `options` whole,
 * so without this a URL that set anything there (a statement_timeout, a search_path) also dropped
 * the store's synchronous_commit. The parameter is taken out of the URL as written; the rest of the
 * URL is left byte for byte. A parameter that does not decode is left where it is (it then wins whole).
 */
export function sessionOptions(connectionString: string, ours: string): { connectionString: string; options: string } {
  const q = connectionString.indexOf('?');
  if (q < 0) return { connectionString, options: ours };
  const params = connectionString.slice(q + 1).split('&');
  const theirs: string[] = [];
  const kept: string[] = [];
  for (const p of params) {
    const eq = p.indexOf('=');
    if ((eq < 0 ? p : p.slice(0, eq)) !== 'options') {
      kept.push(p);
      continue;
    }
    try {
      // As URLSearchParams (and so pg) reads it: + is a space.
      theirs.push(decodeURIComponent((eq < 0 ? '' : p.slice(eq + 1)).replace(/\+/g, ' ')));
    } catch {
      return { connectionString, options: ours };
    }
  }
  if (theirs.length === 0) return { connectionString, options: ours };
  const rest = kept.length > 0 ? `?${kept.join('&')}` : '';
  // URLSearchParams.get, which pg uses, takes the first of repeated parameters.
  return { connectionString: connectionString.slice(0, q) + rest, options: `${ours} ${theirs[0]}`.trim() };
}
