'use client';

import { useRef, useState } from 'react';

type CopyCodeButtonProps = { label: string; copiedLabel: string };

/** Copies the code block it sits in. The only script code blocks bring. */
export function CopyCodeButton({ label, copiedLabel }: CopyCodeButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const code = button.current?.closest('figure')?.querySelector('code');
    if (!code) return;
    await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ''));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button ref={button} type="button" onClick={copy} className="code-copy" aria-live="polite">
      {copied ? copiedLabel : label}
    </button>
  );
}
