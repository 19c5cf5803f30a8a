import { useEffect, useState } from 'preact/hooks';
import type { Monster } from '../api/operations';

/** The monster's scene: the 200 px thumbnail at once, the full image swapped in once it has loaded. */
export function SceneImage({ monster }: { monster: Monster }) {
  const full = monster.scene_url;
  const thumb = monster.scene_thumbnails?.thumb ?? null;
  const [shown, setShown] = useState<string | null>(thumb ?? full);

  useEffect(() => {
    setShown(thumb ?? full);
    if (!full) return;
    const image = new Image();
    image.onload = () => setShown(full);
    image.src = full;
    return () => {
      image.onload = null;
    };
  }, [full, thumb]);

  if (!shown) {
    return (
      <div class="scene placeholder" data-testid="scene">
        Your monster's scene appears at the first milestone.
      </div>
    );
  }
  return (
    <img
      class="scene"
      data-testid="scene"
      src={shown}
      width={1024}
      height={1024}
      alt={`${monster.name} in its level ${monster.scene_level} scene`}
    />
  );
}
