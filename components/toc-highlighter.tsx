'use client';

import { useEffect } from 'react';

type TocHighlighterProps = { ids: string[] };

/** Marks the table-of-contents link of the section being read (`aria-current="location"`). */
export function TocHighlighter({ ids }: TocHighlighterProps) {
  useEffect(() => {
    const headings = ids.map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
    if (!headings.length) return;
    const links = () => document.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]');
    const mark = () => {
      // The current section is the last heading above the upper third of the window, or the last
      // one once the page is scrolled to its end (a short last section never reaches that line).
      const line = window.innerHeight / 3;
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let current = headings[0];
      for (const heading of headings) if (heading.getBoundingClientRect().top <= line) current = heading;
      if (atEnd) current = headings[headings.length - 1];
      for (const link of links()) {
        if (decodeURIComponent(link.hash.slice(1)) === current?.id) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    };
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(mark);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    mark();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [ids]);
  return null;
}
