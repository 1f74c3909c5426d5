// My tasks, and the one-minute form that logs what happened and closes the task.
import { api, failure, formatDate, formatDateTime, h, labels, page } from "./app.js";

const channelOfKind = { call: "phone", email: "email", letter: "letter", meeting: "meeting", visit: "meeting" };
// The usual outcomes of each channel first; the rest stay one tap away.
const likelyOutcomes = {
  phone: ["spoke", "left_message", "unreachable", "meeting_set", "declined"],
  email: ["sent", "replied", "declined"],
  letter: ["sent", "replied", "declined"],
  meeting: ["met", "meeting_set", "declined", "handed_over"],
};

function outcomeChoices(taskId, channel) {
  const first = likelyOutcomes[channel] ?? [];
  const ordered = [...first, ...Object.keys(labels.outcome).filter((o) => !first.includes(o))];
  return h("fieldset", { class: "choix" },
    h("legend", {}, "Résultat"),
    ordered.map((outcome, index) => {
      const id = `resultat-${taskId}-${outcome}`;
      return h("label", { for: id },
        h("input", { type: "radio", id, name: "outcome", value: outcome, required: index === 0 }),
        labels.outcome[outcome]);
    }));
}

function logForm(task, onDone) {
  const channel = channelOfKind[task.kind] ?? "phone";
  const message = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Enregistrer et clore la tâche");
  const channelSelect = h("select", { id: `moyen-${task.id}`, name: "channel" },
    Object.entries(labels.channel).map(([value, text]) => h("option", { value, selected: value === channel }, text)));
  const form = h("form", {
    class: "saisie",
    "aria-label": `Ce qui s'est passé avec ${task.officialName}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      submit.disabled = true;
      message.replaceChildren();
      try {
        const closed = await api(`/api/tasks/${task.id}/complete`, {
          method: "POST",
          body: {
            channel: data.get("channel"),
            direction: "outbound",
            outcome: data.get("outcome"),
            occurredAt: new Date().toISOString(),
            notes: data.get("notes")?.trim() || null,
            confidential: data.get("confidential") === "on",
            campaignId: task.campaignId,
          },
        });
        onDone(closed);
      } catch (error) {
        message.replaceChildren(failure(error));
        submit.disabled = false;
      }
    },
  },
  h("div", {}, h("label", { for: `moyen-${task.id}` }, "Moyen"), channelSelect),
  outcomeChoices(task.id, channel),
  h("div", {}, h("label", { for: `notes-${task.id}` }, "Notes (facultatif)"),
    h("textarea", { id: `notes-${task.id}`, name: "notes", maxlength: "10000", rows: "3" })),
  h("label", { class: "case", for: `confidentiel-${task.id}` },
    h("input", { type: "checkbox", id: `confidentiel-${task.id}`, name: "confidential" }),
    "Note confidentielle (lue par ma structure seulement)"),
  message,
  h("div", { class: "actions" }, submit));
  return form;
}

function openTask(task, onDone) {
  const slot = h("div");
  const toggle = h("button", {
    type: "button",
    "aria-expanded": "false",
    onclick: () => {
      const opening = toggle.getAttribute("aria-expanded") === "false";
      toggle.setAttribute("aria-expanded", String(opening));
      slot.replaceChildren(opening ? logForm(task, onDone) : "");
      if (opening) slot.querySelector("select")?.focus();
    },
  }, "Noter ce qui s'est passé");
  return h("li", { class: `carte-bloc${task.overdue ? " en-retard" : ""}`, dataset: { task: task.id } },
    h("h3", {}, `${labels.taskKind[task.kind] ?? task.kind} `, h("a", { href: `/app/elu.html?id=${task.officialId}` }, task.officialName)),
    h("p", { class: "discret" }, `Pour ${task.organisationName} · à faire le ${formatDate(task.dueDate)}`,
      task.overdue ? h("span", { class: "retard" }, " · en retard") : null),
    task.instructions ? h("p", { class: "note" }, task.instructions) : null,
    toggle,
    slot);
}

function doneTask(task) {
  return h("li", { class: "carte-bloc", dataset: { task: task.id } },
    h("h3", {}, `${labels.taskKind[task.kind] ?? task.kind} `, h("a", { href: `/app/elu.html?id=${task.officialId}` }, task.officialName)),
    h("p", { class: "discret" }, `Faite le ${formatDateTime(task.closedUtc)} · ${task.organisationName}`));
}

await page("Mes tâches", async (main) => {
  const [open, done] = await Promise.all([
    api("/api/tasks?assignee=me&state=open&pageSize=100"),
    api("/api/tasks?assignee=me&state=done&pageSize=20"),
  ]);
  const doneTasks = [...done.items].sort((a, b) => (b.closedUtc ?? "").localeCompare(a.closedUtc ?? ""));
  const status = h("div", { "aria-live": "polite" });
  const openList = h("ul", { class: "liste", id: "a-faire" });
  const doneList = h("ul", { class: "liste", id: "faites" });
  const openHeading = h("h2", {});

  const count = () => {
    const n = openList.children.length;
    openHeading.textContent = n ? `À faire (${n})` : "À faire";
    if (!n) openList.replaceChildren(h("li", { class: "discret" }, "Rien à faire pour l'instant. Merci !"));
  };
  const closed = (task) => {
    openList.querySelector(`[data-task="${task.id}"]`)?.remove();
    doneList.querySelector(".discret")?.remove();
    doneList.prepend(doneTask(task));
    status.replaceChildren(h("p", { class: "succes" }, `C'est noté : tâche close (${task.officialName}). Merci !`));
    count();
    status.focus?.();
  };

  openList.append(...open.items.map((task) => openTask(task, closed)));
  doneList.append(...(doneTasks.length ? doneTasks.map(doneTask) : [h("li", { class: "discret" }, "Aucune tâche faite récemment.")]));
  main.append(h("h1", {}, "Mes tâches"), status, openHeading, openList, h("h2", {}, "Faites"), doneList);
  count();
});
