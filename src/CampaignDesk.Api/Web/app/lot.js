// Several élus at once: the same follow-up for each (previewed with every message and its planned time, paced by the
// API as the outbox will pace it, sent only once confirmed, cancellable as one batch), or the same task for volunteers.
import { api, failure, field, formatDateTime, h, labels, select, todayInParis } from "./app.js";

/** The preview (or the result) of a batch of follow-ups: each message as it leaves, when, and why then. */
export function batchItems(batch) {
  return h("ol", { class: "liste apercus" }, batch.items.map((item) => {
    const f = item.followUp;
    return h("li", { class: "carte-bloc apercu", dataset: { official: item.officialId } },
      h("h4", {}, item.officialName ?? `Élu ${item.officialId}`),
      f ? [
        h("p", { class: "depart" }, h("strong", {}, "Départ prévu : "), formatDateTime(f.dueUtc)),
        item.reasons.length ? h("ul", { class: "raisons" }, item.reasons.map((r) => h("li", { dataset: { reason: r.code } },
          h("span", { class: "discret" }, `${labels.planReason[r.code] ?? r.code} : `), r.text))) : null,
        h("p", { class: "discret" }, `De ${f.fromMailbox} à ${f.toName} <${f.toAddress}>`),
        h("p", {}, h("strong", {}, "Objet : "), f.subject),
        h("p", { class: "note message" }, f.body),
      ] : h("div", { class: "erreur" }, Object.values(item.errors ?? {}).flat().map((m) => h("p", {}, m))));
  }));
}

/**
 * A follow-up form for one or several élus: choose the template (and a date not before), preview every message, confirm.
 * body() gives what names the élus: { officialIds } or { selection }.
 */
export function followUpForm(prefix, { organisationId, campaignId, templates }, body, onScheduled) {
  const template = select(`${prefix}-modele`, "templateId", templates.map((t) => [t.id, t.name]));
  const notBefore = h("input", { type: "datetime-local", id: `${prefix}-pas-avant`, name: "notBefore" });
  const result = h("div", { "aria-live": "polite", class: "resultat" });
  const previewButton = h("button", { type: "submit" }, "Voir l'aperçu des messages");
  const request = (dryRun) => ({
    organisationId, campaignId, templateId: Number(template.value), dryRun,
    notBefore: notBefore.value ? new Date(notBefore.value).toISOString() : null, ...body(),
  });
  const confirm = async (button) => {
    button.disabled = true;
    try {
      const batch = await api("/api/followups/batch", { method: "POST", body: request(false) });
      const cancel = h("button", {
        type: "button", class: "secondaire",
        onclick: async () => {
          cancel.disabled = true;
          try {
            const done = await api(`/api/followups/batches/${batch.id}`, { method: "DELETE" });
            result.replaceChildren(h("p", { class: "succes", role: "status" },
              `${done.cancelled} relance${done.cancelled > 1 ? "s" : ""} annulée${done.cancelled > 1 ? "s" : ""}${done.left ? ` ; ${done.left} déjà partie(s)` : ""}.`));
          } catch (error) {
            result.append(failure(error));
            cancel.disabled = false;
          }
        },
      }, "Annuler ces relances");
      result.replaceChildren(h("p", { class: "succes", role: "status" },
        `${batch.scheduled} relance${batch.scheduled > 1 ? "s" : ""} programmée${batch.scheduled > 1 ? "s" : ""}${batch.refused ? ` (${batch.refused} impossible${batch.refused > 1 ? "s" : ""})` : ""}.`),
      h("div", { class: "actions" }, cancel), batchItems(batch));
      onScheduled?.(batch);
    } catch (error) {
      result.append(failure(error));
      button.disabled = false;
    }
  };
  const form = h("form", {
    class: "saisie", "aria-label": "Programmer une relance",
    onsubmit: async (event) => {
      event.preventDefault();
      previewButton.disabled = true;
      result.replaceChildren(h("p", { role: "status" }, "Préparation de l'aperçu…"));
      try {
        const batch = await api("/api/followups/batch", { method: "POST", body: request(true) });
        const confirmButton = h("button", { type: "button", onclick: () => confirm(confirmButton) },
          `Confirmer : programmer ${batch.scheduled} relance${batch.scheduled > 1 ? "s" : ""}`);
        result.replaceChildren(
          h("p", { role: "status" }, `Aperçu : ${batch.scheduled} message${batch.scheduled > 1 ? "s" : ""} prêt${batch.scheduled > 1 ? "s" : ""}`,
            batch.refused ? `, ${batch.refused} impossible${batch.refused > 1 ? "s" : ""}` : "", ". Rien n'est parti."),
          batchItems(batch), batch.scheduled ? h("div", { class: "actions" }, confirmButton) : null);
      } catch (error) {
        result.replaceChildren(failure(error));
      } finally {
        previewButton.disabled = false;
      }
    },
  },
  templates.length ? field("Modèle de message", template) : h("p", { class: "discret" }, "Cette campagne n'a pas encore de modèle de message."),
  field("Pas avant (facultatif)", notBefore, "Sinon, dès la prochaine fenêtre d'envoi."),
  templates.length ? h("div", { class: "actions" }, previewButton) : null,
  result);
  return form;
}

/** A task form for one or several élus; body() names them and the volunteers. */
export function taskForm(prefix, { organisationId, campaignId, assignees }, body, multiple, onDone) {
  const message = h("div", { "aria-live": "polite" });
  const who = multiple
    ? h("fieldset", { class: "choix" }, h("legend", {}, "À qui (les tâches sont réparties à tour de rôle)"), assignees.map((a) => {
      const id = `${prefix}-benevole-${a.id}`;
      return h("label", { for: id }, h("input", { type: "checkbox", id, name: "assignee", value: a.id }), a.displayName);
    }))
    : field("À qui", select(`${prefix}-benevole`, "assignee", assignees.map((a) => [a.id, a.displayName])));
  const kind = select(`${prefix}-type`, "kind", Object.entries(labels.taskKind));
  const due = h("input", { type: "date", id: `${prefix}-echeance`, name: "dueDate", required: true, value: todayInParis() });
  const instructions = h("textarea", { id: `${prefix}-consignes`, name: "instructions", rows: "3", maxlength: "10000" });
  const submit = h("button", { type: "submit" }, multiple ? "Confier les tâches" : "Confier la tâche");
  const form = h("form", {
    class: "saisie", "aria-label": "Confier à un·e bénévole",
    onsubmit: async (event) => {
      event.preventDefault();
      const ids = new FormData(form).getAll("assignee").map(Number);
      submit.disabled = true;
      message.replaceChildren();
      try {
        const common = { organisationId, campaignId, kind: kind.value, dueDate: due.value, instructions: instructions.value.trim() || null };
        const created = multiple
          ? await api("/api/tasks/batch", { method: "POST", body: { ...common, assigneeUserIds: ids, ...body() } })
          : [await api("/api/tasks", { method: "POST", body: { ...common, assigneeUserId: ids[0], ...body() } })];
        message.replaceChildren(h("p", { class: "succes", role: "status" },
          `${created.length} tâche${created.length > 1 ? "s" : ""} confiée${created.length > 1 ? "s" : ""} (${[...new Set(created.map((t) => t.assigneeName))].join(", ")}).`));
        onDone?.(created);
      } catch (error) {
        message.replaceChildren(failure(error));
      } finally {
        submit.disabled = false;
      }
    },
  }, who, field("Type", kind), field("Échéance", due), field("Consignes (facultatif)", instructions), message, h("div", { class: "actions" }, submit));
  return form;
}

/** The structure page's panel: choose élus (or every target not contacted yet), then one follow-up or tasks for all. */
export function batchPanel(main, { organisationId, campaign, actions }) {
  let selection = null;
  const count = h("p", { id: "choix-compte", "aria-live": "polite" });
  const boxes = () => [...main.querySelectorAll("input[name=elu]")];
  const update = () => {
    const n = boxes().filter((b) => b.checked).length;
    count.textContent = selection ? "Toutes les cibles de la structure pas encore contactées (la liste exacte est dans l'aperçu)."
      : `${n} élu${n > 1 ? "s" : ""} choisi${n > 1 ? "s" : ""}.`;
  };
  main.addEventListener("change", (event) => {
    if (event.target.name === "elu") {
      selection = null;
      update();
    }
  });
  const body = () => (selection ? { selection } : { officialIds: boxes().filter((b) => b.checked).map((b) => Number(b.value)) });
  const context = { organisationId, campaignId: campaign.id, templates: actions.templates, assignees: actions.assignees };
  update();
  return h("section", { class: "lot", "aria-labelledby": "titre-lot" },
    h("h2", { id: "titre-lot" }, "Plusieurs élus à la fois"),
    h("p", { class: "discret" }, "Cochez des élus dans la liste, ou prenez toutes les cibles pas encore contactées."),
    count,
    h("div", { class: "actions" },
      h("button", {
        type: "button", class: "secondaire",
        onclick: () => {
          for (const b of boxes()) b.checked = b.closest("#elus") !== null && b.closest("li").dataset.status === "not_contacted";
          selection = "uncontacted_targets";
          update();
        },
      }, "Toutes les cibles pas encore contactées"),
      h("button", { type: "button", class: "secondaire", onclick: () => { boxes().forEach((b) => { b.checked = false; }); selection = null; update(); } },
        "Tout décocher")),
    actions.may.scheduleFollowUp ? h("details", { id: "lot-relance" }, h("summary", {}, "Programmer la même relance"),
      followUpForm("lot", context, body)) : null,
    actions.may.assignTask && actions.assignees.length ? h("details", { id: "lot-taches" }, h("summary", {}, "Confier à des bénévoles"),
      taskForm("lot", context, body, true)) : null);
}
