/** Stands for the value in a translated sentence until it is put back, isolated. */
export const SLOT = '\u0000';

interface IsolatedProps {
  /** A translated sentence whose variable was given as SLOT. */
  text: string;
  value: string;
}

/**
 * A sentence with one left-to-right value in it (a host name, an issuer's address), the
 * value in its own `<bdi>` so it reads the same inside an Arabic or Dari sentence.
 */
export function Isolated({ text, value }: IsolatedProps) {
  const [before, ...after] = text.split(SLOT);
  if (after.length === 0) return <>{text}</>;
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after.join(value)}
    </>
  );
}
