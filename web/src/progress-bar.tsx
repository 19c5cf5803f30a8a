/** A labelled progress bar: the native element, so assistive technology reads its value. */
export function ProgressBar(props: { label: string; percent: number; detail?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(props.percent)));
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{props.label}</span>
        <span>{props.detail ?? `${percent}%`}</span>
      </div>
      <progress max={100} value={percent} aria-label={props.label}>
        {percent}%
      </progress>
    </div>
  );
}
