import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiCall, ApiError } from '../api/client';
import type { Monster, Profile, ShopItem } from '../api/operations';
import { messageOf } from '../format';
import { ProgressBar } from '../progress-bar';
import { CustomizePanel } from './customize-panel';
import { describeLook, type Look, lookOf, sameLook } from './look';
import { SceneImage } from './scene-image';

/**
 * The monster: its scene, name, level and title, the way to the next scene
 * milestone, and the wardrobe. Changes are a draft (the preview) until
 * saved; the save carries the version read, so a change made meanwhile in
 * another tab is a 409: explained, the monster reloaded, the draft kept.
 */
export function MonsterCard(props: {
  monster: Monster;
  profile: Profile;
  items: ShopItem[];
  call: ApiCall;
  onChange: (...parts: ('monster' | 'shop' | 'profile')[]) => Promise<void>;
}) {
  const { monster } = props;
  const [draft, setDraft] = useState<Look>(lookOf(monster));
  // The version the draft was made on: a save carries it, so a change stored meanwhile
  // (another tab, another device) is a 409 the user hears about, never silently overwritten.
  const [draftVersion, setDraftVersion] = useState(monster.version);
  const [notice, setNotice] = useState<{ text: string; kind: 'status' | 'alert' } | null>(null);
  const [saving, setSaving] = useState(false);
  // A monster reloaded from elsewhere (a push, the other tab) replaces an untouched draft.
  const [base, setBase] = useState<Look>(lookOf(monster));
  // After a conflict the user has been told: the kept draft moves onto the version reloaded next.
  const adoptReloadedVersion = useRef(false);
  useEffect(() => {
    const stored = lookOf(monster);
    if (adoptReloadedVersion.current) {
      adoptReloadedVersion.current = false;
      setDraftVersion(monster.version);
    } else if (sameLook(draft, base)) {
      setDraft(stored);
      setDraftVersion(monster.version);
    }
    setBase(stored);
  }, [monster]);

  const changed = !sameLook(draft, lookOf(monster)) || draftVersion !== monster.version;

  async function save() {
    setSaving(true);
    setNotice(null);
    try {
      const saved = await props.call('UpdateMyMonster', { body: { ...draft, version: draftVersion } });
      setDraftVersion(saved.version);
      setBase(draft);
      await props.onChange('monster');
      setNotice({ text: 'Saved. Your scene is being drawn again.', kind: 'status' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        adoptReloadedVersion.current = true;
        await props.onChange('monster');
        setNotice({
          text: 'Your monster was changed in another tab or device, so it was reloaded. Your selection is kept: save again to apply it.',
          kind: 'alert',
        });
      } else {
        setNotice({ text: messageOf(error), kind: 'alert' });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card monster" aria-labelledby="monster-title">
      <SceneImage monster={monster} />
      <div class="monster-info">
        <h2 id="monster-title" data-testid="monster-name">
          {monster.name}
        </h2>
        <p class="muted">
          Level {props.profile.level} · {props.profile.title} · scene {monster.scene_level}
        </p>
        {monster.next_milestone ? (
          <ProgressBar
            label={`Next scene (level ${monster.next_milestone.scene_level})`}
            percent={monster.progress_percent}
            detail={`${monster.next_milestone.xp_remaining} XP to go`}
          />
        ) : (
          <p>Every scene reached.</p>
        )}
      </div>
      <CustomizePanel
        items={props.items}
        draft={draft}
        onDraft={setDraft}
        call={props.call}
        onBought={() => props.onChange('shop', 'profile')}
      />
      {changed && (
        <p class="preview" data-testid="look-preview">
          <strong>Preview, not saved yet:</strong> {describeLook(draft, props.items)}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={save}
          disabled={!changed || saving}
          data-testid="save-look"
        >
          {saving ? 'Saving…' : 'Save my look'}
        </button>
        <button type="button" onClick={() => setDraft(lookOf(monster))} disabled={!changed || saving}>
          Discard changes
        </button>
      </div>
      {notice && (
        <p
          class={notice.kind === 'alert' ? 'warning' : 'notice'}
          role={notice.kind}
          data-testid="monster-notice"
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
