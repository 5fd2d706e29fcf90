import type { ReactNode } from 'react';
import { Header } from './Header';

/** A signed-in screen: the header with the navigation, and the screen's title and content. */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <Header />
      <main className={`page ${wide ? 'wide' : ''}`} id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
