import type { MonsterStore, RateLimiter, ShopStore } from '../ports/shop';
import type { AppDeps } from './deps';

/** The shop's use cases also read owned items and rewards, and count requests per user. */
export interface ShopDeps extends AppDeps {
  shop: ShopStore;
  monsters: MonsterStore;
  rateLimiter: RateLimiter;
}
