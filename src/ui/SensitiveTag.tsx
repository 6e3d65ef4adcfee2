import { Icon } from './Icon.tsx';

/** The small "sensitive" badge beside an item in a pick list; the words come translated. */
export function SensitiveTag({ label }: { label: string }) {
  return (
    <small className="tag tag-sensitive">
      <Icon name="sensitive" />
      {label}
    </small>
  );
}
