import type { ReactNode } from 'react';

/** The page's h1; focus lands here on every page change (see Wizard). */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: string }) {
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 tabIndex={-1}>{children}</h1>
    </>
  );
}
