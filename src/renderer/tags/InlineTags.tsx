/** An item's tags in a list's detail line, each isolated so a Persian tag cannot reorder an English one. */
export function InlineTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="inline-tags" data-testid="inline-tags">
      {tags.map((tag) => (
        <bdi key={tag} className="inline-tag">
          {tag}
        </bdi>
      ))}
    </span>
  );
}
