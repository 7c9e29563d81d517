import { notFound } from 'next/navigation';

// Any other URL under a language renders that language's 404 page.
export default function MissingPage(): never {
  notFound();
}
