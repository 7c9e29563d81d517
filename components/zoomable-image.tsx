'use client';

import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type ZoomLabels = { enlarge: string; close: string; zoomIn: string; zoomOut: string };

type ZoomableImageProps = {
  /** The full-size image the lightbox shows. */
  src: string;
  alt: string;
  labels: ZoomLabels;
  /** The image as the post shows it (its responsive copies), rendered on the server. */
  children: ReactNode;
  /** The width its author drew it at (`60%` of the column, `300px`), which the image fills. */
  width?: string;
};

const LIGHTBOX_STATE = 'lightbox';

/**
 * A body image that opens full-screen: with a click or a tap on it, or Enter on its button. The
 * lightbox pans (it scrolls) and zooms (its button, a click on the image, or the phone's pinch),
 * shows the figure's caption, and closes with Esc, its button, or the browser's back. Its code
 * loads only with a page that has a body image.
 */
export function ZoomableImage({ src, alt, labels, children, width }: ZoomableImageProps) {
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<{ caption?: string } | undefined>();
  useEffect(() => {
    if (!open) return;
    const closeOnBack = () => setOpen(undefined);
    window.addEventListener('popstate', closeOnBack);
    return () => window.removeEventListener('popstate', closeOnBack);
  }, [open]);

  const show = () => {
    const caption = wrapper.current?.closest('figure')?.querySelector('figcaption')?.textContent?.trim() || undefined;
    // The browser's back closes the lightbox rather than leaving the post.
    window.history.pushState({ ...window.history.state, [LIGHTBOX_STATE]: true }, '');
    setOpen({ caption });
  };
  const hide = () => {
    setOpen(undefined);
    // Focus goes back to the image's button, however the lightbox was opened.
    button.current?.focus();
    if ((window.history.state as Record<string, unknown> | null)?.[LIGHTBOX_STATE]) window.history.back();
  };

  return (
    <span ref={wrapper} className="zoomable" style={width ? { width } : undefined} onClick={show}>
      {children}
      <button
        ref={button}
        type="button"
        className="zoom-button"
        aria-haspopup="dialog"
        aria-label={alt ? `${labels.enlarge}: ${alt}` : labels.enlarge}
        onClick={(event) => {
          event.stopPropagation();
          show();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7" />
        </svg>
      </button>
      {open ? createPortal(<Lightbox src={src} alt={alt} caption={open.caption} labels={labels} onClose={hide} />, document.body) : null}
    </span>
  );
}

type LightboxProps = { src: string; alt: string; caption?: string; labels: ZoomLabels; onClose: () => void };

function Lightbox({ src, alt, caption, labels, onClose }: LightboxProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [zoomed, setZoomed] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    close.current?.focus();
  }, []);

  // A click beside the image (on the dark backdrop) closes, as one on the image zooms.
  const onStageClick = (event: MouseEvent<HTMLElement>) => {
    if (event.target === event.currentTarget) dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="lightbox" aria-label={caption ?? alt} onClose={onClose} onClick={(event) => event.stopPropagation()}>
      <div className="lightbox-stage" data-zoomed={zoomed || undefined} onClick={onStageClick}>
        <img src={src} alt={alt} onClick={() => setZoomed((value) => !value)} />
      </div>
      {caption ? <p className="lightbox-caption">{caption}</p> : null}
      <div className="lightbox-tools">
        <button type="button" aria-pressed={zoomed} onClick={() => setZoomed((value) => !value)}>
          {zoomed ? labels.zoomOut : labels.zoomIn}
        </button>
        <button ref={close} type="button" onClick={() => dialog.current?.close()}>
          {labels.close}
        </button>
      </div>
    </dialog>
  );
}
