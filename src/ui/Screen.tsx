import type { ReactNode } from 'react';

interface ScreenProps {
  title: string;
  /** Controls at the start of the header (a back link). */
  start?: ReactNode;
  /** Controls at the end of the header (lock, settings). */
  end?: ReactNode;
  children: ReactNode;
}

/** One screen: a header with its title and a main region, at most one reading width wide. */
export function Screen({ title, start, end, children }: ScreenProps) {
  return (
    <>
      <header className="app-header">
        <div className="app-header-start">{start}</div>
        <h1>{title}</h1>
        <div className="app-header-end">{end}</div>
      </header>
      <main className="screen">{children}</main>
    </>
  );
}
