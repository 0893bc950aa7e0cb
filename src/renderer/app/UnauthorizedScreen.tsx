/** Shown when `dossier serve` refuses our token: the page was opened without (or with an old) link. */
export function UnauthorizedScreen() {
  return (
    <main className="unauthorized" role="alert">
      <h1>Dossier</h1>
      <p>
        This page needs the link printed by <code>dossier serve</code>.
      </p>
      <p>
        Open the address it printed in your terminal (it ends in <code>#token=…</code>). Each launch
        makes a new link, so restart <code>dossier serve</code> if you no longer have it.
      </p>
    </main>
  );
}
