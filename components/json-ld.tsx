type JsonLdProps = { data: Record<string, unknown> };

/**
 * Structured data for search engines. `<` is written as `\u003c`, so text such as `</script>` in a
 * title can never end the script element early.
 */
export function JsonLd({ data }: JsonLdProps) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
