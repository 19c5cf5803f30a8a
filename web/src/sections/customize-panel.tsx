import { useState } from 'preact/hooks';
import type { ApiCall } from '../api/client';
import type { ShopItem } from '../api/operations';
import { actionKey, messageOf } from '../format';
import { type Look, toggle, wears } from './look';

const TABS = [
  { type: 'color', label: 'Colors' },
  { type: 'accessory', label: 'Accessories' },
  { type: 'clothing', label: 'Clothing' },
  { type: 'feature', label: 'Features' },
  { type: 'pattern', label: 'Patterns' },
] as const;

function requirementText(item: ShopItem): string {
  const r = item.requirement;
  if (r.kind === 'level') return `Level ${r.min}`;
  if (r.kind === 'achievement') return `Achievement: ${r.achievement}`;
  if (r.kind === 'premium') return 'Premium members';
  return item.price_coins > 0 ? `${item.price_coins} coins` : 'Free';
}

/** Tabs by item type and a grid of items: wear what is owned (a draft until saved), buy what is not. */
export function CustomizePanel(props: {
  items: ShopItem[];
  draft: Look;
  onDraft: (look: Look) => void;
  call: ApiCall;
  onBought: () => Promise<void>;
}) {
  const [tab, setTab] = useState<(typeof TABS)[number]['type']>('accessory');
  const [message, setMessage] = useState<string | null>(null);
  const shown = props.items.filter((item) => item.type === tab);

  async function buy(item: ShopItem) {
    setMessage(null);
    try {
      await props.call('BuyShopItem', {
        path: { code: item.code },
        headers: { 'idempotency-key': actionKey('buy') },
      });
      await props.onBought();
      setMessage(`${item.name} is yours. Select it to try it on.`);
    } catch (error) {
      setMessage(messageOf(error));
    }
  }

  return (
    <div class="customize">
      <div role="tablist" aria-label="Item types" class="tabs">
        {TABS.map((t) => (
          <button
            key={t.type}
            type="button"
            role="tab"
            id={`tab-${t.type}`}
            aria-selected={tab === t.type}
            aria-controls="item-grid"
            onClick={() => setTab(t.type)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="item-grid" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <ul class="item-grid">
          {shown.map((item) => {
            const on = wears(props.draft, item);
            return (
              <li key={item.code} class={`item ${on ? 'worn' : ''} ${item.is_unlocked ? 'owned' : 'locked'}`}>
                <span class="item-name">{item.name}</span>
                <span class="muted small">
                  {item.is_equipped ? 'Equipped' : item.is_unlocked ? 'Owned' : requirementText(item)}
                </span>
                {item.is_unlocked ? (
                  <button
                    type="button"
                    aria-pressed={on}
                    onClick={() => props.onDraft(toggle(props.draft, item))}
                    data-testid={`wear-${item.code}`}
                  >
                    {on ? 'Take off' : 'Try on'}
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      onClick={() => buy(item)}
                      disabled={!item.can_unlock}
                      data-testid={`buy-${item.code}`}
                      aria-describedby={item.why_not ? `why-${item.code}` : undefined}
                    >
                      Buy · {item.price_coins} coins
                    </button>
                    {item.why_not && (
                      <span id={`why-${item.code}`} class="muted small">
                        {item.why_not.message}
                      </span>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
