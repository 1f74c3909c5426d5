// Admins: a new release of the register, first simulated (what it would add, end, reopen, change), then confirmed or
// dropped; the runs so far with their reports, and the undoing of one.
import { api, failure, formatDate, formatDateTime, h, page } from "./app.js";

const statusLabels = { dry_run: "Simulation", succeeded: "Appliqué", failed: "Échoué", running: "En cours", reverted: "Annulé" };
const issueLabels = {
  unreadable: "Ligne illisible", duplicate_seat: "Siège en double", unmatched: "Non rapproché", ambiguous: "Rapprochement ambigu",
  group_changed: "Changement de groupe", older_release: "Publication plus ancienne", ends_held_back: "Fins de mandat retenues",
};
const counts = [
  ["officialsAdded", "Élus ajoutés"], ["mandatesAdded", "Mandats ajoutés"], ["mandatesEnded", "Mandats clos"],
  ["mandatesReopened", "Mandats rouverts"], ["mandatesHeldBack", "Mandats absents laissés en cours"], ["mandatesUnchanged", "Mandats inchangés"],
  ["contactsAdded", "Contacts ajoutés"], ["contactsChanged", "Contacts modifiés"], ["duplicates", "Doublons"], ["unmatched", "Non rapprochés"],
  ["rowsRead", "Lignes lues"], ["rowsUnreadable", "Lignes illisibles"],
];
const diffParts = [["added", "Ajoutés"], ["ended", "Clos"], ["reopened", "Rouverts"], ["contactsChanged", "Contacts modifiés"]];

/** A run's report: what the file is, its counts, the first rows of each change, what it could not take. */
function report(run, headingLevel = "h3") {
  const block = h("div", { class: "rapport", dataset: { run: run.id } },
    h(headingLevel, {}, `${statusLabels[run.status] ?? run.status} n° ${run.id} · ${run.fileName}`),
    h("p", {}, run.outcome ?? run.error ?? ""),
    h("dl", { class: "envoi" },
      h("dt", {}, "Type de fichier reconnu"), h("dd", {}, `${run.source} · ${run.fileType} (${run.format})`),
      h("dt", {}, "Date de publication"),
      h("dd", {}, run.releaseDate ? `${formatDate(run.releaseDate)}${run.releaseDateSource ? ` (${run.releaseDateSource})` : ""}` : "inconnue"),
      h("dt", {}, "Lancé le"), h("dd", {}, formatDateTime(run.startedUtc)),
      run.revertOutcome ? [h("dt", {}, "Annulation"), h("dd", {}, run.revertOutcome)] : null),
    h("div", { class: "defile", tabindex: "0", role: "region", "aria-label": `Chiffres de l'import n° ${run.id}` },
      h("table", { class: "chiffres-import" }, h("tbody", {}, counts.map(([key, label]) =>
        h("tr", { dataset: { count: key } }, h("th", { scope: "row" }, label), h("td", { class: "nombre" }, String(run[key] ?? 0))))))));
  if (run.diff) {
    for (const [key, label] of diffParts) {
      const rows = run.diff[key] ?? [];
      if (!rows.length) continue;
      block.append(h("h4", {}, `${label} (premières lignes)`),
        h("ul", { class: "liste", dataset: { diff: key } }, rows.map((r) => h("li", {}, `${r.firstName} ${r.lastName} · ${r.what}`))));
    }
  }
  if (run.issues?.length) {
    block.append(h("h4", {}, "Ce que l'import n'a pas pris"),
      h("ul", { class: "liste", id: `problemes-${run.id}` }, run.issues.map((i) => h("li", {},
        h("strong", {}, issueLabels[i.kind] ?? i.kind), i.line ? ` (ligne ${i.line})` : "", ` : ${i.message}`))));
  }
  return block;
}

/** The form: a file, simulated; then confirm (the same file sent again for real) or drop it. */
function uploadForm(onApplied) {
  const file = h("input", { type: "file", id: "fichier", name: "file", required: true });
  const result = h("div", { id: "simulation", "aria-live": "polite" });
  const send = async (dryRun, confirmEnds) => {
    const body = new FormData();
    body.append("file", file.files[0]);
    return api(`/api/imports?dryRun=${dryRun}${confirmEnds ? "&confirmEnds=true" : ""}`, { method: "POST", body });
  };
  const form = h("form", {
    id: "nouvel-import",
    onsubmit: async (event) => {
      event.preventDefault();
      const submit = form.querySelector("button[type=submit]");
      submit.disabled = true;
      result.replaceChildren(h("p", { role: "status" }, "Simulation en cours…"));
      try {
        const dry = await send(true, false);
        const ends = h("input", { type: "checkbox", id: "clore-absents", name: "confirmEnds" });
        const confirm = h("button", {
          type: "button",
          onclick: async () => {
            confirm.disabled = true;
            try {
              const applied = await send(false, ends.checked);
              result.replaceChildren(h("p", { class: "succes", role: "status" }, `Import n° ${applied.id} appliqué.`), report(applied));
              form.reset();
              onApplied();
            } catch (error) {
              result.append(failure(error));
              confirm.disabled = false;
            }
          },
        }, "Confirmer l'import");
        const cancel = h("button", {
          type: "button", class: "secondaire",
          onclick: () => { result.replaceChildren(h("p", { role: "status" }, "Import abandonné : rien n'a été modifié.")); form.reset(); },
        }, "Abandonner");
        result.replaceChildren(h("h2", {}, "Ce que l'import ferait"), report(dry),
          dry.mandatesHeldBack ? h("label", { class: "case", for: "clore-absents" }, ends,
            `Clore aussi les ${dry.mandatesHeldBack} mandats absents du fichier (seulement si c'est bien une publication complète)`) : null,
          h("div", { class: "actions" }, confirm, cancel));
        onApplied();
      } catch (error) {
        result.replaceChildren(failure(error));
      } finally {
        submit.disabled = false;
      }
    },
  }, h("div", { class: "champ" }, h("label", { for: "fichier" }, "Fichier du répertoire (RNE, Assemblée, Sénat, Datan)"), file),
  h("p", { class: "discret" }, "Le fichier est d'abord simulé : rien ne change avant votre confirmation."),
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Simuler l'import")));
  return [form, result];
}

/** The runs, newest first: each one's report on demand, and « Annuler cet import » for those applied. */
async function history(list) {
  const runs = await api("/api/imports?take=30");
  if (!runs.length) {
    list.replaceChildren(h("p", { class: "discret" }, "Aucun import pour l'instant."));
    return;
  }
  list.replaceChildren(h("ul", { class: "liste", id: "historique" }, runs.map((run) => {
    const slot = h("div", { "aria-live": "polite" });
    const revert = run.status === "succeeded" ? h("button", {
      type: "button", class: "secondaire",
      onclick: async () => {
        if (!revert.dataset.armed) {
          revert.dataset.armed = "1";
          revert.textContent = `Confirmer l'annulation de l'import n° ${run.id}`;
          return;
        }
        revert.disabled = true;
        try {
          const done = await api(`/api/imports/${run.id}/revert`, { method: "POST" });
          slot.replaceChildren(h("p", { class: "succes", role: "status" }, done.outcome));
          revert.remove();
        } catch (error) {
          slot.replaceChildren(failure(error));
          revert.disabled = false;
        }
      },
    }, `Annuler l'import n° ${run.id}`) : null;
    const details = h("details", {}, h("summary", {}, "Voir le rapport"));
    details.addEventListener("toggle", async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      try {
        details.append(report(await api(`/api/imports/${run.id}`), "h4"));
      } catch (error) {
        details.append(failure(error));
      }
    });
    return h("li", { class: "carte-bloc", dataset: { run: run.id, status: run.status } },
      h("h3", {}, `N° ${run.id} · ${run.fileName}`),
      h("p", {}, h("span", { class: "badge" }, statusLabels[run.status] ?? run.status), ` · ${formatDateTime(run.startedUtc)}`),
      h("p", {}, run.revertOutcome ?? run.outcome ?? run.error ?? ""), details, revert ? h("div", { class: "actions" }, revert) : null, slot);
  })));
}

await page("Imports", async (main) => {
  const list = h("div", { id: "imports" });
  main.append(h("h1", {}, "Imports du répertoire des élus"), ...uploadForm(() => history(list)), h("h2", {}, "Imports précédents"), list);
  await history(list);
});
