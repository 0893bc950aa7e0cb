/**
 * Someone else's words inside one of our sentences: the quotation marks follow
 * our sentence's direction, the words keep their own (an isolated, dir="auto"
 * run), so Persian inside English reads right to left without turning the
 * marks around.
 */
export function Quote({ children }: { children: string }) {
  return (
    <>
      “
      <bdi dir="auto" className="quote">
        {children}
      </bdi>
      ”
    </>
  );
}
