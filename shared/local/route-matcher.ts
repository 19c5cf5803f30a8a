import type { RouteDefinition } from '../http/define-route';

/**
 * Matches a request path against the shared route table the way API Gateway
 * HTTP APIs do: `{name}` captures one segment, a trailing `{name+}` captures
 * the rest, and a literal segment beats a parameter when both match.
 */
export type RouteMatch<R extends RouteDefinition = RouteDefinition> =
  | { kind: 'found'; route: R; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' }
  | { kind: 'bad_path' };

interface CompiledRoute<R> {
  route: R;
  segments: Segment[];
  /** literal segments count first: API Gateway prefers the most specific route */
  specificity: number;
}

type Segment = { literal: string } | { param: string; greedy: boolean };

export function createRouteMatcher<R extends RouteDefinition>(routes: readonly R[]) {
  const compiled = routes.map(compile).sort((a, b) => b.specificity - a.specificity);

  return function match(method: string, rawPath: string): RouteMatch<R> {
    const parts = rawPath.split('/').slice(1);
    const allowed = new Set<string>();
    try {
      for (const candidate of compiled) {
        const pathParameters = capture(candidate.segments, parts);
        if (!pathParameters) continue;
        if (candidate.route.method === method)
          return { kind: 'found', route: candidate.route, pathParameters };
        allowed.add(candidate.route.method);
      }
    } catch (error) {
      if (error instanceof URIError) return { kind: 'bad_path' };
      throw error;
    }
    return allowed.size > 0
      ? { kind: 'method_not_allowed', allowed: [...allowed].sort() }
      : { kind: 'not_found' };
  };
}

function compile<R extends RouteDefinition>(route: R): CompiledRoute<R> {
  const segments: Segment[] = route.path
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
      return param?.[1] ? { param: param[1], greedy: param[2] === '+' } : { literal: part };
    });
  const literals = segments.filter((s) => 'literal' in s).length;
  const greedy = segments.some((s) => 'greedy' in s && s.greedy);
  return { route, segments, specificity: literals * 2 + (greedy ? 0 : 1) };
}

/** Path parameters are URL-decoded, as API Gateway hands them to the function. */
function capture(segments: Segment[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return null;
      continue;
    }
    if (segment.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('') === '') return null;
      params[segment.param] = decodeURIComponent(rest.join('/'));
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return null;
    params[segment.param] = decodeURIComponent(part);
  }
  return parts.length === segments.length ? params : null;
}
