/** A route's own limit on AWS, below the stage's: requests per second, and the burst. */
export interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * Routes anyone may call without a token: cacheable reads, so a modest
 * limit costs real users nothing and caps what an anonymous flood can spend.
 */
export const PUBLIC_ROUTE_THROTTLE: RouteThrottle = { rateLimit: 50, burstLimit: 100 };

/**
 * Drawing a scene starts a workflow that may call a paid model: each user
 * already waits 5 minutes between requests; this caps all users together.
 */
export const SCENE_REQUEST_THROTTLE: RouteThrottle = { rateLimit: 20, burstLimit: 40 };
