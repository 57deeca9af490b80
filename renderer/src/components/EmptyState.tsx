export function EmptyState({ title, text }: { title: string; text: string }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h1>{title}</h1>
      <p>{text}</p>
    </section>
  );
}
